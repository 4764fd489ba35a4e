"""The pipeline: normalise once, run every active recognizer, map to the policy, build a report.

A :class:`Pipeline` loads everything once (policy, lexicons, recognizers, model) and is then
cheap per text; ``bijak.engine.analyze`` uses a cached default one.
"""

from __future__ import annotations

import dataclasses
import inspect
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from bijak.engine import explain
from bijak.engine.context import ContextFilter
from bijak.engine.findings import Finding, Recognizer
from bijak.engine.lexicons import lexicon_versions
from bijak.engine.mapping import PolicyMapper
from bijak.engine.masking import MASKED_CATEGORIES, mask_text
from bijak.engine.registry import recognizers as registry
from bijak.engine.report import Report, Versions, build_report

if TYPE_CHECKING:  # pragma: no cover
    from bijak.policy import Policy

MAX_CHARS = 100_000
"""Longer texts are cut to this many characters and the report says ``truncated: true``."""

ENGINE_VERSION = "bijak.engine.v1"


_SURROGATES = {cp: "\ufffd" for cp in range(0xD800, 0xE000)}


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD, same length."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.translate(_SURROGATES)
    return text


def _lang(lang: str | None) -> str:
    return "en" if (lang or "").lower().startswith("en") else "id"


class Pipeline:
    """``Pipeline(policy=None, recognizers=None)``: the default policy and recognizers unless
    given; ``extra`` adds recognizer objects (e.g. a claim matcher with a knowledge base)."""

    def __init__(
        self,
        *,
        policy: Policy | None = None,
        recognizers: Sequence[str] | None = None,
        extra: Sequence[Recognizer] = (),
        max_chars: int = MAX_CHARS,
    ) -> None:
        from bijak.engine.normalize import NORMALIZER_VERSION
        from bijak.engine.recognizers import DEFAULT_RECOGNIZERS

        if policy is None:
            from bijak.policy import load_policy

            policy = load_policy()
        self.policy = policy
        self.max_chars = max_chars
        names = tuple(recognizers) if recognizers is not None else DEFAULT_RECOGNIZERS
        built = registry.create(names)
        # The policy's own reporting numbers are public contact points, not personal data.
        allow = [ch.value for ch in policy.channels if ch.kind in ("whatsapp", "phone", "sms")] + [
            getattr(ch, "source_value", "")
            for ch in policy.channels
            if getattr(ch, "source_value", "")
        ]
        review = {c.id: c.review_threshold for c in policy.categories}
        self.recognizers: tuple[Recognizer, ...] = tuple(
            self._configure(r, allow, review) for r in built
        ) + tuple(extra)
        self.mapper = PolicyMapper(policy)
        self.context = ContextFilter()
        self._labels = {
            (v, lng): explain_label(v, lng)
            for v in ("aman", "tinjau", "langgar")
            for lng in ("id", "en")
        }
        model = next((r for r in self.recognizers if r.name.startswith("bijak.model")), None)
        model_version = None
        if model is not None:
            model_version = str(getattr(model, "version", "") or model.name)
        lexicons = dict(lexicon_versions())
        lexicons["bijak.explanations"] = explain.templates_version()
        lexicons[self.context.data.name] = self.context.version
        self.versions = Versions(
            engine=ENGINE_VERSION,
            normalizer=NORMALIZER_VERSION,
            policy_id=policy.id,
            policy_version=policy.version,
            policy_hash=policy.content_hash,
            lexicons=lexicons,
            recognizers=tuple(r.name for r in self.recognizers),
            model=model_version,
        )

    @staticmethod
    def _configure(rec: Recognizer, allow: list[str], review: dict[str, float]) -> Recognizer:
        """Give policy data to the recognizers that use it: the reporting channels' numbers
        to the phone recognizer, the review thresholds to the model."""
        from bijak.engine.recognizers.phone import PhoneRecognizer

        if isinstance(rec, PhoneRecognizer):
            return PhoneRecognizer(allow=allow)
        load_default = getattr(type(rec), "load_default", None)
        if rec.name.startswith("bijak.model") and load_default is not None:
            if "thresholds" in inspect.signature(load_default).parameters:
                configured: Recognizer | None = load_default(thresholds=review)
                if configured is not None:
                    return configured
        return rec

    @classmethod
    def from_config(cls, path: str | Path, *, policy: Policy | None = None) -> Pipeline:
        """A pipeline configured by a YAML file shaped like ``bijak/engine/pipeline.yaml``
        (``recognizers``: registry names in order; ``max_chars``)."""
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        names = data.get("recognizers")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"{path}: 'recognizers' must be a list of registry names")
        return cls(
            policy=policy,
            recognizers=names,
            max_chars=int(data.get("max_chars", MAX_CHARS)),
        )

    def findings(self, text: str) -> list[Finding]:
        """Every recognizer's findings on ``text`` (no truncation, no mapping), sorted by span."""
        return self._findings_many([without_surrogates(text)])[0]

    def _findings_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Findings of many (already cleaned) texts; a recognizer with ``analyze_batch`` (the
        model) sees them all at once, the others one by one."""
        from bijak.engine.normalize import normalize

        docs = [normalize(t) for t in texts]
        out: list[list[Finding]] = [[] for _ in docs]
        single = []
        for rec in self.recognizers:
            batch = getattr(rec, "analyze_batch", None)
            if batch is not None and len(docs) > 1:
                for acc, found in zip(out, batch(docs), strict=True):
                    acc.extend(found)
            else:
                single.append(rec.analyze)
        for acc, doc in zip(out, docs, strict=True):  # text by text: per-text caches stay warm
            for analyze in single:
                acc.extend(analyze(doc))
        context = self.context
        for i, (acc, doc) in enumerate(zip(out, docs, strict=True)):
            if acc:
                acc = context.apply(doc, acc)
                out[i] = acc
            if len(acc) > 1:
                acc.sort(key=lambda f: (f.start, f.end, f.category))
        return out

    def _prepare(self, text: str) -> tuple[str, int, bool]:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        length = len(text)
        truncated = length > self.max_chars
        if truncated:
            text = text[: self.max_chars]
        return without_surrogates(text), length, truncated

    def analyze(
        self, text: str, *, lang: str = "id", platform: str | None = None, explain: bool = True
    ) -> Report:
        clean, length, truncated = self._prepare(text)
        findings = self.findings(clean) if clean and not clean.isspace() else []
        return self._report(clean, length, truncated, findings, _lang(lang), platform, explain)

    def analyze_batch(
        self,
        texts: Iterable[str],
        *,
        lang: str = "id",
        platform: str | None = None,
        explain: bool = False,
        chunk: int = 512,
    ) -> list[Report]:
        """Many texts with this one pipeline, ``chunk`` at a time. Bulk mode by default
        (``explain=False``)."""
        lng = _lang(lang)
        reports: list[Report] = []
        batch: list[tuple[str, int, bool]] = []

        def flush() -> None:
            work = [b for b in batch if b[0] and not b[0].isspace()]
            found = iter(self._findings_many([b[0] for b in work]))
            for clean, length, truncated in batch:
                findings = next(found) if clean and not clean.isspace() else []
                reports.append(
                    self._report(clean, length, truncated, findings, lng, platform, explain)
                )
            batch.clear()

        for text in texts:
            batch.append(self._prepare(text))
            if len(batch) >= chunk:
                flush()
        if batch:
            flush()
        return reports

    def _report(
        self,
        text: str,
        length: int,
        truncated: bool,
        findings: list[Finding],
        lng: str,
        platform: str | None,
        explain: bool,
    ) -> Report:
        masked = mask_text(text, findings) if findings else text
        if masked is not text:
            findings = mask_inside(text, masked, findings)
        verdict, categories, clauses = self.mapper.map(findings, lang=lng, explain_text=explain)
        if explain and findings:
            findings = [
                dataclasses.replace(
                    f,
                    explanation=explain_sentence(
                        f, self.mapper.category_name(f.category, lng), lng
                    ),
                )
                for f in findings
            ]
        return build_report(
            verdict,
            self._labels[verdict, lng],
            lng,
            platform,
            length,
            truncated,
            masked,
            tuple(findings),
            categories,
            clauses,
            self.mapper.checklist(lng),
            self.versions,
        )


def mask_inside(text: str, masked: str, findings: list[Finding]) -> list[Finding]:
    """Other findings whose span covers personal data (e.g. the model's whole-text finding)
    get their evidence from the masked text, and any raw value in their explanation or meta
    replaced by its mask, so no output shows personal data."""
    pii = [
        (f.start, f.end) for f in findings if f.category in MASKED_CATEGORIES and f.end > f.start
    ]
    out: list[Finding] = []
    for f in findings:
        if f.category in MASKED_CATEGORIES or not any(s < f.end and f.start < e for s, e in pii):
            out.append(f)
            continue
        explanation = f.explanation
        meta = dict(f.meta)
        for s, e in pii:
            raw, hidden = text[s:e], masked[s:e]
            explanation = explanation.replace(raw, hidden)
            meta = {k: v.replace(raw, hidden) for k, v in meta.items()}
        out.append(
            dataclasses.replace(
                f, evidence=masked[f.start : f.end], explanation=explanation, meta=meta
            )
        )
    return out


def explain_sentence(finding: Finding, category_name: str, lang: str) -> str:
    return explain.finding_sentence(finding, category_name, lang)


def explain_label(verdict: str, lang: str) -> str:
    return explain.verdict_label(verdict, lang)


_lock = threading.Lock()
_pipelines: dict[tuple[str, str, str], Pipeline] = {}


def default_pipeline(policy: Policy | None = None) -> Pipeline:
    """The cached pipeline for ``policy`` (the shipped default policy when ``None``)."""
    key = (
        ("default", "", "") if policy is None else (policy.id, policy.version, policy.content_hash)
    )
    pipe = _pipelines.get(key)
    if pipe is None:
        with _lock:
            pipe = _pipelines.get(key)
            if pipe is None:
                pipe = Pipeline(policy=policy)
                _pipelines[key] = pipe
    return pipe
