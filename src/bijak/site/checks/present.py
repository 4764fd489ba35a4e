"""Turning an engine :class:`~bijak.engine.report.Report` into what the check page shows: the
draft with the triggering words marked, the clauses that may be broken with their advice, and the
C.1–C.6 checklist. Pure functions; HTML is escaped here and only here. The highlighter also
takes stored evidence (dicts from the database, as the review desk keeps them)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from bijak.engine.findings import Finding
from bijak.engine.report import Report

PERSONAL = "data_pribadi"
MASK = "•"


@dataclass
class Span:
    start: int
    end: int
    categories: list[str] = field(default_factory=list)


SpanSource = Finding | Mapping[str, Any]


def _fields(finding: SpanSource) -> tuple[str, int, int, str]:
    """(category, start, end, recognizer) of an engine finding or of stored evidence."""
    if isinstance(finding, Finding):
        return finding.category, finding.start, finding.end, finding.recognizer
    start, end = int(finding.get("start", 0)), int(finding.get("end", 0))
    return str(finding.get("category", "")), start, end, str(finding.get("recognizer", ""))


def _is_document_level(finding: SpanSource, length: int) -> bool:
    """A model's whole-text finding says "the post as a whole"; it is not a word to mark."""
    _, start, end, recognizer = _fields(finding)
    return recognizer.startswith("bijak.model") and start == 0 and end >= length


def merged_spans(text: str, findings: Sequence[SpanSource]) -> list[Span]:
    """Finding spans clipped to the text, sorted, overlapping or touching ones merged."""
    length = len(text)
    raw: list[Span] = []
    for finding in findings:
        try:
            category, start, end, _recognizer = _fields(finding)
        except (TypeError, ValueError):
            continue
        start, end = max(0, min(length, start)), max(0, min(length, end))
        if end <= start or _is_document_level(finding, length):
            continue
        raw.append(Span(start, end, [category]))
    raw.sort(key=lambda s: (s.start, s.end))
    merged: list[Span] = []
    for span in raw:
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, span.end)
            for cat in span.categories:
                if cat not in last.categories:
                    last.categories.append(cat)
        else:
            merged.append(Span(span.start, span.end, list(span.categories)))
    return merged


def mask(value: str) -> str:
    """Personal data as shown on screen: every letter and digit but the last four hidden."""
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    keep = set(positions[-4:]) if len(positions) > 4 else set()
    return "".join(MASK if (ch.isalnum() and i not in keep) else ch for i, ch in enumerate(value))


def highlight(
    text: str, findings: Sequence[SpanSource], category_names: dict[str, str], masked_text: str = ""
) -> SafeString:
    """The ORIGINAL draft, HTML-escaped, with <mark> around (merged) finding spans.

    Personal data is shown masked: from the engine's `masked_text` when it has the draft's
    length (the engine's masks keep offsets), else masked here.
    """
    shown = masked_text if masked_text and len(masked_text) == len(text) else ""
    parts: list[str] = []
    pos = 0
    for span in merged_spans(text, findings):
        parts.append(escape((shown or text)[pos : span.start]))
        piece = text[span.start : span.end]
        if PERSONAL in span.categories:
            piece = shown[span.start : span.end] if shown else mask(piece)
        names = ", ".join(category_names.get(c, c) for c in span.categories)
        parts.append(
            f'<mark data-categories="{escape(" ".join(span.categories))}" title="{escape(names)}">'
            f"{escape(piece)}</mark>"
        )
        pos = span.end
    parts.append(escape((shown or text)[pos:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


@dataclass
class ClauseView:
    id: str
    verdict: str
    text: str
    explanation: str
    advice: str
    words: list[str]
    channels: list[dict[str, Any]] = field(default_factory=list)
    title: str = ""


@dataclass
class ChecklistItem:
    id: str
    text: str


@dataclass
class CheckView:
    lang: str  # the language the engine wrote its explanations in (a saved draft keeps its own)
    verdict: str
    verdict_label: str
    verdict_help: str
    highlighted: SafeString
    clauses: list[ClauseView]
    checklist: list[ChecklistItem]
    marked: int

    @property
    def summary(self) -> str:
        """One sentence for screen readers and the top of the result."""
        if not self.clauses:
            return _("Hasil: %(verdict)s. Tidak ada poin tata tertib yang terpicu.") % {
                "verdict": self.verdict_label
            }
        return _("Hasil: %(verdict)s. Poin yang perlu diperhatikan: %(ids)s.") % {
            "verdict": self.verdict_label,
            "ids": ", ".join(c.id for c in self.clauses),
        }


def verdict_label(verdict: str) -> str:
    return {
        "aman": _("Aman"),
        "tinjau": _("Perlu ditinjau"),
        "langgar": _("Kemungkinan melanggar"),
    }.get(verdict, verdict)


def verdict_help(verdict: str) -> str:
    return {
        "aman": _(
            "Tidak ditemukan hal yang bertentangan dengan tata tertib. Tetap periksa daftar di bawah sebelum mengunggah."
        ),
        "tinjau": _("Ada bagian yang perlu Anda pikirkan lagi sebelum mengunggah."),
        "langgar": _("Draf ini kemungkinan melanggar tata tertib. Ubah dulu sebelum mengunggah."),
    }.get(verdict, "")


def _policy_texts(
    policy: Any, lang: str
) -> tuple[dict[str, tuple[str, str, tuple[str, ...]]], dict[str, str]]:
    clauses: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    names: dict[str, str] = {}
    if policy is None:
        return clauses, names
    en = lang == "en"
    for clause in getattr(policy, "clauses", ()):
        text = (clause.text_en if en and clause.text_en else clause.text_id) or ""
        advice = (clause.advice_en if en and clause.advice_en else clause.advice_id) or ""
        clauses[clause.id] = (
            " ".join(text.split()),
            " ".join(advice.split()),
            tuple(clause.categories),
        )
    for cat in getattr(policy, "categories", ()):
        names[cat.id] = (cat.name_en if en and cat.name_en else cat.name_id) or cat.id
    return clauses, names


def _str(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


_MODEL_CATEGORY = re.compile(
    r"(?:Model bijak menilai teks ini mengarah ke kategori|The bijak model rates this text as)"
    r" (?P<category>.+?) \((?:skor|score) (?P<score>[0-9.]+)\)\."
)
_MODEL_ALSO = re.compile(
    r"(?:Model bijak juga menilai demikian|The bijak model agrees) \((?:skor|score) (?P<score>[0-9.]+)\)\."
)


def _likelihood(score: str) -> str:
    from bijak.site.ui.templatetags.bijak_ui import score_words

    try:
        return score_words(float(score))
    except ValueError:
        return ""


def explanation_in_words(explanation: str) -> str:
    """The engine's model sentences carry a raw score ("skor 0.83"); people get words instead."""

    def category(m: re.Match[str]) -> str:
        return _("Menurut model bijak, teks ini %(likely)s termasuk kategori %(category)s.") % {
            "likely": _likelihood(m["score"]),
            "category": m["category"],
        }

    def also(m: re.Match[str]) -> str:
        return _("Model bijak juga menilai demikian (%(likely)s).") % {
            "likely": _likelihood(m["score"])
        }

    return _MODEL_ALSO.sub(also, _MODEL_CATEGORY.sub(category, explanation))


_CHANNEL_HINT = re.compile(r"kanal|aduan|pengaduan|laporkan|channel|complaint|report", re.I)


def _channels(policy: Any, lang: str) -> list[dict[str, Any]]:
    if policy is None:
        return []
    from bijak.site.policies.present import channels_view

    return channels_view(policy, lang)


def _plain(text: str) -> str:
    """A clause's text out of its list: without the circular's trailing "; dan" or ";"."""
    from bijak.site.policies.present import clause_short

    return clause_short(text, limit=100_000) + (
        "." if text and not text.rstrip().endswith("?") else ""
    )


def _short(text: str) -> str:
    from bijak.site.policies.present import clause_short

    return clause_short(text)


def _in_lang(lang: str, explanation: str) -> str:
    """The engine wrote the explanation in the report's language; its score words follow it."""
    from django.utils import translation

    with translation.override(lang):
        return explanation_in_words(explanation)


def _clause_words(text: str, clause: Any, findings: Sequence[Finding]) -> list[str]:
    """The words that triggered a clause: its evidence, else its categories' findings."""
    words: list[str] = []
    for ev in clause.evidence:
        whole = ev.start == 0 and ev.end >= len(text) and len(text) > 40
        if ev.text and not whole and ev.text not in words:
            words.append(ev.text)
    for f in findings if not clause.evidence else ():
        if f.category in clause.categories and not _is_document_level(f, len(text)):
            word = text[f.start : f.end]
            if f.category == PERSONAL:
                word = mask(word)
            if word and word not in words:
                words.append(word)
    return [w for w in words if not any(w != other and w in other for other in words)]


def check_view(*, text: str, report: Report, policy: Any, lang: str) -> CheckView:
    """Everything the result part of the check page shows, from the engine's typed report and
    the policy the engine used (for the clause texts in the page's language)."""
    report_lang = report.lang or lang
    policy_clauses, names = _policy_texts(policy, lang)
    highlighted = highlight(text, report.findings, names, report.masked_text)
    clauses: list[ClauseView] = []
    for clause in report.clauses:
        if clause.verdict not in ("tinjau", "langgar"):
            continue
        ptext, padvice, pcats = policy_clauses.get(clause.id, ("", "", ()))
        if not clause.categories and pcats:
            clause = dataclasses.replace(clause, categories=pcats)
        advice = _str(clause.advice)
        clauses.append(
            ClauseView(
                id=clause.id,
                verdict=clause.verdict,
                text=_plain(ptext or _str(clause.text)),
                explanation=_in_lang(report_lang, _str(clause.explanation)),
                advice=padvice or advice,
                words=_clause_words(text, clause, report.findings),
                channels=_channels(policy, lang) if _CHANNEL_HINT.search(advice or padvice) else [],
                title=_short(_str(clause.text) or ptext),
            )
        )
    checklist = [
        ChecklistItem(
            item.id, _plain(policy_clauses.get(item.id, ("", "", ()))[0] or _str(item.text))
        )
        for item in report.checklist
    ]
    if not checklist:
        checklist = [
            ChecklistItem(cid, v[0]) for cid, v in policy_clauses.items() if cid.startswith("C.")
        ]
    return CheckView(
        lang=report_lang,
        verdict=report.verdict,
        verdict_label=verdict_label(report.verdict),
        verdict_help=verdict_help(report.verdict),
        highlighted=highlighted,
        clauses=clauses,
        checklist=checklist,
        marked=len(merged_spans(text, report.findings)),
    )


SAVED_EXCERPT_CHARS = 60


def saved_excerpt(saved: Any) -> str:
    """The start of a kept draft for lists, with personal data masked like every other output:
    the report's `masked_text` (same offsets as the draft); a report without one shows no text."""
    masked = str((saved.report or {}).get("masked_text") or "")
    if len(masked) != len(saved.text):
        return _("(isi disembunyikan)")
    if len(masked) <= SAVED_EXCERPT_CHARS:
        return masked
    return masked[: SAVED_EXCERPT_CHARS - 1] + "…"
