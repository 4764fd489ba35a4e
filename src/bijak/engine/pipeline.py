"""The pipeline: normalise once, run every active recognizer, map to the policy, build a report.

A :class:`Pipeline` loads everything once (policy, lexicons, recognizers, model) and is then
cheap per text; ``bijak.engine.analyze`` uses a cached default one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bijak.engine import explain
from bijak.engine.context import ContextFilter
from bijak.engine.findings import Finding, Recognizer
from bijak.engine.gate import ModelGate
from bijak.engine.lexicons import lexicon_versions
from bijak.engine.mapping import PolicyMapper
from bijak.engine.masking import MASKED_CATEGORIES, mask_text
from bijak.engine.registry import BuildContext, RecognizerSpec, spec_name
from bijak.engine.registry import recognizers as registry
from bijak.engine.report import Report, Versions, build_report, clarifications_of

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText
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
        recognizers: Sequence[RecognizerSpec] | None = None,
        extra: Sequence[Recognizer] = (),
        max_chars: int = MAX_CHARS,
        model_gate: Mapping[str, object] | None = None,
    ) -> None:
        from bijak.engine.normalize import NORMALIZER_VERSION
        from bijak.engine.recognizers import DEFAULT_GATE, DEFAULT_PARAMS, DEFAULT_SPECS

        if policy is None:
            from bijak.policy import load_policy

            policy = load_policy()
        self.policy = policy
        self.max_chars = max_chars
        specs = (
            tuple(DEFAULT_PARAMS.get(s, s) if isinstance(s, str) else s for s in recognizers)
            if recognizers is not None
            else DEFAULT_SPECS
        )
        if model_gate is None:
            model_gate = DEFAULT_GATE
        built = registry.create(specs, policy_context(policy))
        self.recognizers: tuple[Recognizer, ...] = tuple(built) + tuple(extra)
        self.mapper = PolicyMapper(policy)
        self.context = ContextFilter()
        self._labels = {
            (v, lng): explain_label(v, lng)
            for v in ("aman", "tinjau", "langgar")
            for lng in ("id", "en")
        }
        model = next((r for r in self.recognizers if r.name.startswith("bijak.model")), None)
        # The model gate (bijak.engine.gate): word rules the model does not support are set
        # aside. It needs the model's score of every category, hence a model that gives them.
        self.gate: ModelGate | None = None
        self._gate_model: Any = None
        if model is not None and hasattr(model, "findings_and_scores") and model_gate:
            self.gate = ModelGate.from_config(model_gate, tuple(model.categories))
            self._gate_model = model
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

    @classmethod
    def from_config(cls, path: str | Path, *, policy: Policy | None = None) -> Pipeline:
        """A pipeline configured by a YAML file shaped like ``bijak/engine/pipeline.yaml``
        (``recognizers``: registry names in order, or ``{name: ..., <param>: <value>}``
        mappings whose parameters go to the factory; ``max_chars``)."""
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        names = data.get("recognizers")
        if not isinstance(names, list):
            raise ValueError(f"{path}: 'recognizers' must be a list of registry names")
        for entry in names:
            try:
                spec_name(entry)
            except ValueError as exc:
                raise ValueError(f"{path}: {exc}") from None
        gate = data.get("model_gate", {})
        if not isinstance(gate, dict):
            raise ValueError(
                f"{path}: 'model_gate' must be a mapping (floor, explicit, recognizers)"
            )
        return cls(
            policy=policy,
            recognizers=names,
            max_chars=int(data.get("max_chars", MAX_CHARS)),
            model_gate=gate,
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
        single: list[Callable[[NormalizedText], list[Finding]]] = []
        gate, scores = self.gate, None
        for rec in self.recognizers:
            if rec is self._gate_model:
                found_all, scores = rec.findings_and_scores(docs)
                if len(docs) > 1:
                    for acc, found in zip(out, found_all, strict=True):
                        acc.extend(found)
                else:  # one text: the model keeps its place among the recognizers
                    single.append(_returning(found_all[0]))
                continue
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
                # the gate first: what it sets aside, context need not read
                sure: frozenset[str] = frozenset()
                if gate is not None and scores is not None:
                    acc = gate.apply(acc, scores[i])
                    sure = gate.sure(scores[i])
                acc = context.apply(doc, acc, sure=sure)
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

        with _no_cyclic_gc():
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
        if findings:
            findings = with_repeats(text, findings)
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
            clarifications_of(tuple(findings)),
        )


def _returning(found: list[Finding]) -> Callable[[NormalizedText], list[Finding]]:
    """An ``analyze`` that returns findings already computed (the model's, for one text)."""
    return lambda _doc: found


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Python's cyclic garbage collector paused for a bulk run, then restored.

    A batch allocates millions of short-lived objects (tokens, findings, reports) and keeps
    thousands of reports alive until it returns; the collector then scans the whole heap
    (lexicons, caches, the model) again and again: a sixth to a third of the bulk time in
    our measurements. Nothing the engine builds is cyclic (``gc.collect()`` after a batch
    finds nothing unreachable), so reference counting frees it as usual: the results do not
    change and memory does not grow. Restored on exit (also on error); left alone when the
    caller had already disabled it. Process-wide, like every ``gc`` setting: another thread's
    collections wait until the batch ends."""
    was = gc.isenabled()
    if was:
        gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def policy_context(policy: Policy) -> BuildContext:
    """The policy data factories may ask for: ``allow`` (the policy's own reporting numbers and
    addresses: public contact points, never personal data) and ``review_thresholds``."""
    allow = [ch.value for ch in policy.channels if ch.kind in ("whatsapp", "phone", "sms")] + [
        getattr(ch, "source_value", "") for ch in policy.channels if getattr(ch, "source_value", "")
    ]
    return BuildContext(
        policy_data={
            "allow": tuple(allow),
            "review_thresholds": {c.id: c.review_threshold for c in policy.categories},
        }
    )


def with_repeats(text: str, findings: list[Finding]) -> list[Finding]:
    """Every other place the raw value of a personal-data finding appears in ``text`` (a name
    written again without its honorific, a number repeated) is masked too: a copy of the
    finding over that span."""
    pii = [f for f in findings if f.category in MASKED_CATEGORIES and f.end - f.start >= 4]
    if not pii:
        return findings
    covered = [(f.start, f.end) for f in pii]
    extra: list[Finding] = []
    for f in pii:
        raw = text[f.start : f.end]
        pos = text.find(raw)
        while pos >= 0:
            end = pos + len(raw)
            if not any(s < end and pos < e for s, e in covered):
                extra.append(dataclasses.replace(f, start=pos, end=end))
                covered.append((pos, end))
            pos = text.find(raw, pos + 1)
    if not extra:
        return findings
    return sorted([*findings, *extra], key=lambda f: (f.start, f.end, f.category))


def mask_inside(text: str, masked: str, findings: list[Finding]) -> list[Finding]:
    """No output shows personal data: every other finding gets the raw values of the
    personal-data findings replaced by their masks, in its evidence, explanation and meta
    (e.g. the model's whole-text finding, a context cue next to a name)."""
    pairs = sorted(
        {
            (text[f.start : f.end], masked[f.start : f.end])
            for f in findings
            if f.category in MASKED_CATEGORIES and f.end > f.start
        },
        key=lambda p: -len(p[0]),
    )
    pairs = [(raw, hidden) for raw, hidden in pairs if raw != hidden]
    if not pairs:
        return findings

    def scrub(value: str) -> str:
        for raw, hidden in pairs:
            if raw in value:
                value = value.replace(raw, hidden)
        return value

    out: list[Finding] = []
    for f in findings:
        if f.category in MASKED_CATEGORIES and f.evidence == masked[f.start : f.end]:
            out.append(f)
            continue
        evidence = masked[f.start : f.end] if f.end <= len(masked) else scrub(f.evidence)
        meta = {k: scrub(v) for k, v in f.meta.items()}
        explanation = scrub(f.explanation)
        if evidence != f.evidence or meta != dict(f.meta) or explanation != f.explanation:
            f = dataclasses.replace(f, evidence=evidence, explanation=explanation, meta=meta)
        out.append(f)
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
