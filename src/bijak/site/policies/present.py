"""Turning a `bijak.policy.Policy` into what the policy pages show, in the active language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bijak.policy import Clause, Policy
from bijak.policy.examples import Example, examples_for

KIND_LABELS = {
    "himbauan": _("Himbauan"),
    "larangan": _("Larangan"),
    "pertimbangan": _("Pertimbangan"),
    "aduan": _("Aduan"),
}
SEVERITY_LABELS = {"rendah": _("Rendah"), "sedang": _("Sedang"), "tinggi": _("Tinggi")}
CHANNEL_LABELS = {
    "web": _("Situs web"),
    "email": _("Surel"),
    "whatsapp": _("WhatsApp"),
    "phone": _("Telepon"),
    "sms": _("SMS"),
    "other": _("Lainnya"),
}


def current_lang() -> str:
    return "en" if (get_language() or "id").lower().startswith("en") else "id"


@dataclass(frozen=True)
class ClauseView:
    id: str
    kind: str
    kind_label: str
    severity: str
    severity_label: str
    text: str
    text_id: str
    advice: str
    categories: tuple[tuple[str, str], ...]  # (id, name)


def clause_view(policy: Policy, clause: Clause, lang: str) -> ClauseView:
    names = []
    for cat_id in clause.categories:
        try:
            names.append((cat_id, policy.category(cat_id).name(lang)))
        except KeyError:  # a validated policy declares every category; be safe anyway
            names.append((cat_id, cat_id))
    return ClauseView(
        id=clause.id,
        kind=clause.kind,
        kind_label=str(KIND_LABELS.get(clause.kind, clause.kind)),
        severity=clause.severity,
        severity_label=str(SEVERITY_LABELS.get(clause.severity, clause.severity)),
        text=clause.text(lang),
        text_id=clause.text_id,
        advice=clause.advice(lang),
        categories=tuple(names),
    )


def sections_view(policy: Policy, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": section.id,
            "kind": section.kind,
            "title": section.title(lang),
            "intro": section.intro(lang),
            "clauses": [
                clause_view(policy, c, lang) for c in policy.clauses_in_section(section.id)
            ],
        }
        for section in policy.sections
    ]


def channels_view(policy: Policy, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "id": ch.id,
            "kind": ch.kind,
            "kind_label": str(CHANNEL_LABELS.get(ch.kind, ch.kind)),
            "label": ch.label,
            "value": ch.value,
            "href": ch.href,
            "note": ch.note_for(lang),
            "source_value": ch.source_value,
        }
        for ch in policy.channels
        if ch.active
    ]


@dataclass(frozen=True)
class ExampleView:
    kind: str
    post: str
    better: str
    why: str


def examples_view(policy: Policy, clause: Clause, lang: str) -> list[ExampleView]:
    found: tuple[Example, ...] = examples_for(policy.id, clause.id)
    return [ExampleView(e.kind, e.post(lang), e.better(lang), e.why(lang)) for e in found]


def clause_short(text: str, limit: int = 70) -> str:
    """A clause's text cut at a word for a label: the circular's list glue ("; dan", "; dan/atau",
    ";") dropped, an ellipsis where cut."""
    clean = text.strip()
    for tail in ("; dan/atau", "; dan", "; and/or", "; and", "; atau", "; or", ";", ","):
        if clean.endswith(tail):
            clean = clean[: -len(tail)].rstrip()
            break
    if clean.endswith("."):
        clean = clean[:-1]
    if len(clean) <= limit:
        return clean
    cut = clean[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def clause_labels(policy: Policy, lang: str) -> dict[str, str]:
    """Clause id -> short readable label, for charts and lists ("B.8 Menghina …")."""
    labels = {}
    for section in policy.sections:
        for clause in policy.clauses_in_section(section.id):
            labels[clause.id] = clause_short(clause.text(lang))
    return labels
