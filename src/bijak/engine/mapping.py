"""Findings -> categories -> clauses of the loaded policy -> verdict, advice and checklist.

Rules (all thresholds come from the policy file, never from code):

1. Category score: findings of a category are grouped by piece of evidence (recognizer +
   matched term); each group counts once with its best score, and the groups are combined by
   noisy-or, so one weak word stays low, several weak words add up, and a strong one is high.
2. Category verdict: ``langgar`` when score >= ``breach_threshold``, ``tinjau`` when score >=
   ``review_threshold``, else ``aman``. A ``caution`` category (tanpa_sumber) is capped at
   ``tinjau``. A ``positive`` category (konten_resmi) is always ``aman``: it never raises a
   verdict, its clauses are listed as encouragement when its score passes the review threshold.
3. Clause: every clause of ``policy.clauses_for_category(c)`` for each raised category; its
   verdict and score are the worst of its categories.
4. Evidence from the trained model alone (a whole-text score, no words to point at) is one
   step milder: ``tinjau`` from the breach threshold, else ``aman``; ``langgar`` needs
   evidence in the text itself (words, patterns), possibly together with the model.
5. Overall verdict: the worst category verdict. Categories the policy does not know are
   reported with verdict ``aman`` and never raise the verdict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bijak.engine import explain
from bijak.engine._frozen import builder
from bijak.engine.findings import Finding, noisy_or
from bijak.engine.report import (
    VERDICT_RANK,
    CategoryResult,
    ChecklistItem,
    ClauseResult,
    EvidenceSpan,
    Verdict,
)

if TYPE_CHECKING:  # pragma: no cover
    from bijak.policy import Policy

MAX_EVIDENCE_PER_CLAUSE = 20
_category_result = builder(CategoryResult)
_evidence = builder(EvidenceSpan)
_clause_result = builder(ClauseResult)
_VERDICTS: tuple[Verdict, Verdict, Verdict] = ("aman", "tinjau", "langgar")


def aggregate(findings: Sequence[Finding]) -> dict[str, float]:
    """``category -> score``: best score per piece of evidence, noisy-or across pieces."""
    pieces: dict[str, dict[tuple[str, str], float]] = {}
    for f in findings:
        key = (f.recognizer, f.meta.get("term") or f.evidence.lower())
        table = pieces.setdefault(f.category, {})
        if f.score > table.get(key, -1.0):
            table[key] = f.score
    return {cat: noisy_or(tuple(table.values())) for cat, table in pieces.items()}


@dataclass(frozen=True, slots=True)
class _CategoryInfo:
    kind: str
    review: float
    breach: float
    name_id: str
    name_en: str
    model: float  # Category.model_threshold


def _max_verdict(a: Verdict, b: Verdict) -> Verdict:
    return a if VERDICT_RANK[a] >= VERDICT_RANK[b] else b


def merge_spans(spans: Sequence[EvidenceSpan]) -> list[EvidenceSpan]:
    """Overlapping evidence of one category becomes one span (sorted input; the text of a
    merged span is joined from the pieces, which are slices of the same masked text)."""
    out: list[EvidenceSpan] = []
    for e in spans:
        prev = next((p for p in reversed(out) if p.category == e.category), None)
        if (
            prev is not None
            and e.start < prev.end
            and len(prev.text) == prev.end - prev.start
            and len(e.text) == e.end - e.start
        ):
            k = out.index(prev)
            end = max(prev.end, e.end)
            text = prev.text + e.text[prev.end - e.start :] if e.end > prev.end else prev.text
            out[k] = _evidence(prev.start, end, text, prev.category, max(prev.score, e.score))
            continue
        out.append(e)
    return out


def _without_repeats(
    results: list[ClauseResult], sentences: dict[str, list[str]], lang: str
) -> list[ClauseResult]:
    """A sentence already given under an earlier clause is not repeated: the later clause
    keeps its other sentences and points to the earlier one."""
    first: dict[str, str] = {}
    out: list[ClauseResult] = []
    for r in results:
        parts = sentences.get(r.id, [])
        fresh = [p for p in parts if p and p not in first]
        seen = sorted({first[p] for p in parts if p in first}, key=[x.id for x in results].index)
        for p in fresh:
            first[p] = r.id
        if seen:
            note = [
                str(explain.templates()["same_as"][_lang_key(lang)]).format(clause=c) for c in seen
            ]
            r = dataclasses.replace(r, explanation=" ".join([*fresh, *note]))
        out.append(r)
    return out


def _lang_key(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else "id"


class PolicyMapper:
    """Everything about one policy that the mapping needs, precomputed once."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._cats: dict[str, _CategoryInfo] = {
            c.id: _CategoryInfo(
                c.kind,
                c.review_threshold,
                c.breach_threshold,
                c.name_id,
                c.name_en,
                c.model_threshold,
            )
            for c in policy.categories
        }
        self._order = {c.id: i for i, c in enumerate(policy.clauses)}
        self._clauses_for = {cid: policy.clauses_for_category(cid) for cid in self._cats}
        self._checklist: dict[str, tuple[ChecklistItem, ...]] = {}

    def category_name(self, category: str, lang: str) -> str:
        info = self._cats.get(category)
        if info is None:
            return category
        return info.name_en if lang.startswith("en") and info.name_en else info.name_id

    def category_verdict(self, category: str, score: float) -> Verdict:
        info = self._cats.get(category)
        if info is None or info.kind == "positive":
            return "aman"
        if score >= info.breach:
            verdict: Verdict = "langgar"
        elif score >= info.review:
            verdict = "tinjau"
        else:
            return "aman"
        if info.kind == "caution" and verdict == "langgar":
            return "tinjau"
        return verdict

    def model_only_verdict(self, category: str, score: float) -> Verdict:
        """The trained model alone (a whole-text probability, no words to point at): ``tinjau``
        when it is as sure as the breach threshold, else ``aman`` — never ``langgar``. A
        ``caution`` category (tanpa_sumber), whose top verdict is ``tinjau``, takes it from the
        review threshold (``Category.model_threshold``); the breach threshold of a caution
        category is never reached, so the model alone would never raise it."""
        info = self._cats.get(category)
        if info is None or info.kind == "positive":
            return "aman"
        return "tinjau" if score >= info.model else "aman"

    def checklist(self, lang: str) -> tuple[ChecklistItem, ...]:
        items = self._checklist.get(lang)
        if items is None:
            en = lang.startswith("en")
            items = tuple(
                ChecklistItem(c.id, (c.text_en or c.text_id) if en else c.text_id)
                for c in self.policy.clauses
                if c.kind == "pertimbangan"
            )
            self._checklist[lang] = items
        return items

    def map(
        self, findings: Sequence[Finding], *, lang: str = "id", explain_text: bool = True
    ) -> tuple[Verdict, tuple[CategoryResult, ...], tuple[ClauseResult, ...]]:
        """The overall verdict, the per-category results and the clause results."""
        if not findings:
            return "aman", (), ()
        scores = aggregate(findings)
        worded = {f.category for f in findings if not explain.is_model(f)}
        overall: Verdict = "aman"
        categories: list[CategoryResult] = []
        raised: dict[str, Verdict] = {}
        positive: list[str] = []
        for cat, score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
            if cat in worded:
                verdict = self.category_verdict(cat, score)
            else:
                verdict = self.model_only_verdict(cat, score)
            info = self._cats.get(cat)
            kind = info.kind if info is not None else "unknown"
            categories.append(_category_result(cat, kind, score, verdict))
            if verdict != "aman":
                raised[cat] = verdict
                overall = _max_verdict(overall, verdict)
            elif info is not None and info.kind == "positive" and score >= info.review:
                positive.append(cat)
        if not raised and not positive:
            return overall, tuple(categories), ()
        return (
            overall,
            tuple(categories),
            self._clauses(findings, scores, raised, positive, lang, explain_text),
        )

    def _clauses(
        self,
        findings: Sequence[Finding],
        scores: dict[str, float],
        raised: dict[str, Verdict],
        positive: list[str],
        lang: str,
        explain_text: bool,
    ) -> tuple[ClauseResult, ...]:
        en = lang.startswith("en")
        by_cat: dict[str, list[Finding]] = {}
        for f in findings:
            by_cat.setdefault(f.category, []).append(f)
        acc: dict[str, dict[str, Any]] = {}
        for cat in (*raised, *positive):
            verdict: Verdict = raised.get(cat, "aman")
            for clause in self._clauses_for.get(cat, ()):
                slot = acc.setdefault(
                    clause.id, {"clause": clause, "verdict": "aman", "score": 0.0, "cats": []}
                )
                slot["verdict"] = _max_verdict(slot["verdict"], verdict)
                slot["score"] = max(slot["score"], scores[cat])
                slot["cats"].append(cat)
        results: list[ClauseResult] = []
        sentences: dict[str, list[str]] = {}
        for slot in acc.values():
            clause = slot["clause"]
            cats: list[str] = sorted(slot["cats"], key=lambda c: -scores[c])
            best: dict[tuple[int, int, str], EvidenceSpan] = {}
            for c in cats:
                found = by_cat.get(c, ())
                if any(not explain.is_model(f) for f in found):
                    # words to show: leave out the model's whole-text span
                    found = [f for f in found if not explain.is_model(f)]
                for f in found:
                    if f.score <= 0.0:
                        continue  # withdrawn by its context: not evidence
                    key = (f.start, f.end, f.category)
                    if key not in best or f.score > best[key].score:
                        best[key] = _evidence(f.start, f.end, f.evidence, f.category, f.score)
            evidence = merge_spans(sorted(best.values(), key=lambda e: (e.start, e.end)))[
                :MAX_EVIDENCE_PER_CLAUSE
            ]
            explanation = ""
            if explain_text:
                parts = [
                    explain.category_sentence(
                        c, self.category_name(c, lang), by_cat.get(c, ()), lang
                    )
                    for c in cats
                ]
                sentences[clause.id] = parts
                explanation = " ".join(parts)
            results.append(
                _clause_result(
                    clause.id,
                    clause.kind,
                    clause.severity,
                    slot["verdict"],
                    tuple(cats),
                    slot["score"],
                    (clause.text_en or clause.text_id) if en else clause.text_id,
                    explanation,
                    (clause.advice_en or clause.advice_id) if en else clause.advice_id,
                    tuple(evidence),
                )
            )
        severity_rank = {"tinggi": 2, "sedang": 1, "rendah": 0}
        results.sort(
            key=lambda r: (
                -VERDICT_RANK[r.verdict],
                -severity_rank.get(r.severity, 0),
                self._order.get(r.id, 0),
            )
        )
        if explain_text and len(results) > 1:
            results = _without_repeats(results, sentences, lang)
        return tuple(results)
