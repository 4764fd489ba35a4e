"""The circular as frozen values. Built by `bijak.policy.loader` from a validated policy file."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

ClauseKind = Literal["himbauan", "larangan", "pertimbangan", "aduan"]
Severity = Literal["rendah", "sedang", "tinggi"]
CategoryKind = Literal["breach", "caution", "positive"]
Verdict = Literal["aman", "tinjau", "langgar"]
ChannelKind = Literal["web", "email", "whatsapp", "phone", "sms", "other"]

SEVERITY_RANK: dict[str, int] = {"rendah": 1, "sedang": 2, "tinggi": 3}


def _pick(lang: str, text_id: str, text_en: str) -> str:
    """The English text when `lang` is English and one exists, else the Indonesian one."""
    if lang.lower().startswith("en") and text_en:
        return text_en
    return text_id


@dataclass(frozen=True)
class Clause:
    id: str
    section: str
    number: int | None
    kind: ClauseKind
    text_id: str
    text_en: str
    categories: tuple[str, ...]
    severity: Severity
    advice_id: str
    advice_en: str

    def text(self, lang: str = "id") -> str:
        return _pick(lang, self.text_id, self.text_en)

    def advice(self, lang: str = "id") -> str:
        return _pick(lang, self.advice_id, self.advice_en)


@dataclass(frozen=True)
class Category:
    id: str
    name_id: str
    name_en: str
    kind: CategoryKind
    review_threshold: float
    breach_threshold: float

    def name(self, lang: str = "id") -> str:
        return _pick(lang, self.name_id, self.name_en)

    @property
    def model_threshold(self) -> float:
        """The score from which the trained model alone (no words to point at) raises a
        ``tinjau``: the breach threshold, one step milder than the rules; for a caution
        category, whose top verdict is ``tinjau``, the review threshold."""
        return self.review_threshold if self.kind == "caution" else self.breach_threshold

    def level(self, score: float) -> Verdict:
        """What a score in this category means on its own: ``langgar`` at or above the breach
        threshold, ``tinjau`` at or above the review threshold, else ``aman``. A caution
        category never reaches ``langgar``; a positive one is always ``aman``."""
        if self.kind == "positive":
            return "aman"
        if self.kind == "breach" and score >= self.breach_threshold:
            return "langgar"
        if score >= self.review_threshold:
            return "tinjau"
        return "aman"


@dataclass(frozen=True)
class Channel:
    id: str
    kind: ChannelKind
    label: str
    value: str
    active: bool = True
    note: str = ""
    note_en: str = ""
    source_value: str = ""

    def note_for(self, lang: str = "id") -> str:
        return _pick(lang, self.note, self.note_en)

    @property
    def href(self) -> str:
        """A link for the channel: the web address, a mailto: or a wa.me link."""
        if self.kind == "web":
            return self.value
        if self.kind == "email":
            return f"mailto:{self.value}"
        digits = "".join(ch for ch in self.value if ch.isdigit())
        if self.kind == "whatsapp":
            if digits.startswith("0"):
                digits = "62" + digits[1:]
            return f"https://wa.me/{digits}"
        if self.kind in ("phone", "sms"):
            return f"tel:{digits}"
        return ""


@dataclass(frozen=True)
class LegalBasis:
    id: str
    short: str
    text_id: str
    text_en: str
    gazette: str = ""
    note_id: str = ""
    note_en: str = ""

    def text(self, lang: str = "id") -> str:
        return _pick(lang, self.text_id, self.text_en)


@dataclass(frozen=True)
class Section:
    id: str
    kind: ClauseKind
    title_id: str
    title_en: str
    intro_id: str = ""
    intro_en: str = ""

    def title(self, lang: str = "id") -> str:
        return _pick(lang, self.title_id, self.title_en)

    def intro(self, lang: str = "id") -> str:
        return _pick(lang, self.intro_id, self.intro_en)


@dataclass(frozen=True)
class Dissemination:
    duty_holder_id: str
    duty_holder_en: str
    text_id: str
    text_en: str

    def text(self, lang: str = "id") -> str:
        return _pick(lang, self.text_id, self.text_en)

    def duty_holder(self, lang: str = "id") -> str:
        return _pick(lang, self.duty_holder_id, self.duty_holder_en)


@dataclass(frozen=True)
class Consequence:
    text_id: str
    text_en: str
    note_id: str = ""
    note_en: str = ""

    def text(self, lang: str = "id") -> str:
        return _pick(lang, self.text_id, self.text_en)

    def note(self, lang: str = "id") -> str:
        return _pick(lang, self.note_id, self.note_en)


@dataclass(frozen=True)
class ComplaintKind:
    id: str
    label_id: str
    label_en: str
    categories: tuple[str, ...]

    def label(self, lang: str = "id") -> str:
        return _pick(lang, self.label_id, self.label_en)


@dataclass(frozen=True)
class SourceFix:
    field: str
    original: str
    fixed: str
    clause: str = ""


@dataclass(frozen=True)
class Policy:
    id: str
    version: str
    title_id: str
    title_en: str
    issuer_id: str
    issuer_en: str
    number: str
    date: str
    effective_date: str
    legal_basis: tuple[LegalBasis, ...]
    dissemination: Dissemination
    consequence: Consequence
    sections: tuple[Section, ...]
    categories: tuple[Category, ...]
    clauses: tuple[Clause, ...]
    channels: tuple[Channel, ...]
    content_hash: str
    complaint_kinds: tuple[ComplaintKind, ...] = ()
    source_fixes: tuple[SourceFix, ...] = ()
    instrument_id: str = ""
    instrument_en: str = ""
    date_note_id: str = ""
    date_note_en: str = ""
    purpose_id: str = ""
    purpose_en: str = ""
    source: str = ""

    # -- lookups ------------------------------------------------------------------------
    @cached_property
    def _clause_index(self) -> dict[str, Clause]:
        return {c.id: c for c in self.clauses}

    @cached_property
    def _category_index(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    @cached_property
    def _clauses_by_category(self) -> dict[str, tuple[Clause, ...]]:
        index: dict[str, list[Clause]] = {}
        for clause in self.clauses:
            for cat in clause.categories:
                index.setdefault(cat, []).append(clause)
        return {cat: tuple(found) for cat, found in index.items()}

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id; KeyError if the policy has none."""
        try:
            return self._clause_index[clause_id]
        except KeyError:
            raise KeyError(clause_id) from None

    def category(self, category_id: str) -> Category:
        """The category with this id; KeyError if the policy declares none."""
        try:
            return self._category_index[category_id]
        except KeyError:
            raise KeyError(category_id) from None

    def clauses_for_category(self, category_id: str) -> tuple[Clause, ...]:
        """The clauses a category evidences, in document order (empty if none)."""
        return self._clauses_by_category.get(category_id, ())

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def clauses_in_section(self, section_id: str) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.section == section_id)

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    @property
    def active_channels(self) -> tuple[Channel, ...]:
        return tuple(c for c in self.channels if c.active)

    def title(self, lang: str = "id") -> str:
        return _pick(lang, self.title_id, self.title_en)

    def issuer(self, lang: str = "id") -> str:
        return _pick(lang, self.issuer_id, self.issuer_en)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: every field, tuples as lists."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            out[f.name] = _jsonable(getattr(self, f.name))
        return out


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value
