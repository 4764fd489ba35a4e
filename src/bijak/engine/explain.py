"""Explanation sentences, built from the templates in ``explanations.yaml`` (data, not code).

Only called when a report is built with ``explain=True``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import yaml

from bijak.engine.findings import Finding

MAX_WORDS = 5
MAX_WORD_CHARS = 40


@cache
def templates() -> dict[str, Any]:
    text = resources.files("bijak.engine").joinpath("explanations.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _lang(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "id"


def templates_version() -> str:
    return str(templates()["version"])


def verdict_label(verdict: str, lang: str) -> str:
    return str(templates()["verdicts"][verdict][_lang(lang)])


def join_words(words: Sequence[str], lang: str) -> str:
    """``["'a'", "'b'", "'c'"]`` -> ``'a', 'b', dan 'c'`` (``and`` in English)."""
    rules = templates()["join"][_lang(lang)]
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return str(rules["pair"]).format(a=words[0], b=words[1])
    rest = str(rules["sep"]).join(words[:-1])
    return str(rules["last"]).format(rest=rest, b=words[-1])


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_WORD_CHARS:
        text = text[: MAX_WORD_CHARS - 1] + "…"
    return f"'{text}'"


def evidence_words(findings: Iterable[Finding], lang: str) -> list[str]:
    """Quoted evidence words of some findings, strongest first, without repeats."""
    lng = _lang(lang)
    kinds = templates()["kinds"]
    words: list[str] = []
    seen: set[str] = set()
    for f in sorted(findings, key=lambda f: (-f.score, f.start)):
        kind = f.meta.get("kind", "")
        if is_model(f):
            continue  # the model's evidence is the whole text: said in its own sentence
        if "context" in f.meta and f.score <= 0.0:
            continue  # withdrawn by its context: said in its own sentence
        if kind == "klaim":
            continue  # a matched claim: said in its own sentence, with the fact
        if kind == "pair":
            items = [_quote(f.meta.get("target_text", ""))]
            items += [_quote(c) for c in f.meta.get("cue_text", "").split(" | ") if c]
        elif kind in kinds and f.category in ("data_pribadi", "rahasia"):
            items = [f"{kinds[kind][lng]} {_quote(f.evidence)}"]
        else:
            items = [_quote(f.evidence)]
        for item in items:
            key = item.lower()
            if key not in seen:
                seen.add(key)
                words.append(item)
        if len(words) >= MAX_WORDS:
            break
    return words[:MAX_WORDS]


def is_model(finding: Finding) -> bool:
    """A document-level finding of the trained model (no words to quote)."""
    return finding.recognizer.startswith("bijak.model")


def category_sentence(
    category: str, category_name: str, findings: Sequence[Finding], lang: str
) -> str:
    """The sentence for one category: its evidence words, then the model's view if any."""
    lng = _lang(lang)
    model_score = max((f.score for f in findings if is_model(f)), default=None)
    words = evidence_words(findings, lang)
    parts: list[str] = []
    claims = {
        f.meta["claim_id"]: f
        for f in sorted(findings, key=lambda f: -f.score)
        if f.meta.get("kind") == "klaim" and f.score > 0.0
    }
    for f in claims.values():
        parts.append(claim_sentence(f, lng))
    if words:
        table = templates()["categories"].get(category)
        template = str(table[lng]) if table else str(templates()["default"][lng])
        parts.append(template.format(words=join_words(words, lang), category=category_name))
    if model_score is not None:
        key = "model_also" if words else "model_category"
        parts.append(
            str(templates()[key][lng]).format(category=category_name, score=f"{model_score:.2f}")
        )
        parts.extend(model_words(findings, lng))
    reasons = dict.fromkeys(
        f.meta[f"context_reason_{lng}"] for f in findings if f"context_reason_{lng}" in f.meta
    )
    for reason in reasons:
        parts.append(str(templates()["context"][lng]).format(reason=reason))
    return " ".join(parts)


def model_words(findings: Iterable[Finding], lang: str) -> list[str]:
    """The sentence naming the model's top words (the words with the largest contribution to
    its score for this text), when a model finding among ``findings`` carries them."""
    words: list[str] = []
    for f in findings:
        if is_model(f):
            for w in str(f.meta.get("top_words", "")).split(" | "):
                if w and _quote(w) not in words:
                    words.append(_quote(w))
    if not words:
        return []
    text = join_words(words[:MAX_WORDS], lang)
    return [str(templates()["model_words"][_lang(lang)]).format(words=text)]


def claim_sentence(finding: Finding, lang: str) -> str:
    """The matched debunked claim, its fact and source."""
    return str(templates()["claim"][_lang(lang)]).format(
        claim=finding.meta.get("claim", ""),
        fact=finding.meta.get("fact", ""),
        source=finding.meta.get("source", ""),
    )


def finding_sentence(finding: Finding, category_name: str, lang: str) -> str:
    lng = _lang(lang)
    if finding.meta.get("kind") == "klaim" and not finding.meta.get("context"):
        return claim_sentence(finding, lng)
    reason = finding.meta.get(f"context_reason_{lng}")
    if reason:
        key = "context_withdrawn" if finding.score <= 0.0 else "context_lowered"
        evidence = " ".join(finding.evidence.split())[:MAX_WORD_CHARS]
        if is_model(finding):
            evidence = str(templates()["kinds"]["model"][lng])
        return str(templates()[key][lng]).format(
            evidence=evidence, category=category_name, reason=reason
        )
    if is_model(finding):
        return " ".join(
            [
                str(templates()["model_category"][lng]).format(
                    category=category_name, score=f"{finding.score:.2f}"
                ),
                *model_words([finding], lng),
            ]
        )
    template = str(templates()["finding"][lng])
    evidence = " ".join(finding.evidence.split())[:MAX_WORD_CHARS]
    return template.format(evidence=evidence, category=category_name)
