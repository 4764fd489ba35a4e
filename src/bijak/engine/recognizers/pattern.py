"""One presidio-style pattern recognizer, configured by data (``lang/id/patterns.yaml``).

A :class:`PatternSpec` says, for one recognizer: its category; cheap prefilters that let a
text be skipped; regular expressions (RE2, linear time) with a score and a kind each; context
words that raise the score (or are required) when they stand within some characters of the
match; an optional validation hook (a named Python function: a checksum, a structure check, an
allow-list); and how the evidence is masked. ``PatternRecognizer(spec)`` runs it::

    rec = PatternRecognizer(load_pattern_spec("bijak.nik.v1"))
    rec.analyze(normalize("NIK 3201231508850003"))

Validators are registered by name with :func:`validator`; they take the matched value and
the recognizer's parameters (e.g. ``allow``: the policy's own contact numbers) and return
``True`` (keep), ``False`` (reject) or a string (keep, under that kind: e.g. ``mirip_nik``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import re2
import yaml

from bijak.engine.findings import Finding, new_finding
from bijak.engine.masking import mask_digits, mask_email, mask_value
from bijak.engine.recognizers._prefilter import (
    digit_count,
    longest_digit_run_at_least,
    requires_digit,
)

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

Validator = Callable[[str, Mapping[str, Any]], "bool | str"]
_VALIDATORS: dict[str, Validator] = {}


class PatternSpecError(ValueError):
    """A pattern specification that does not follow the format."""


def validator(name: str) -> Callable[[Validator], Validator]:
    """Register a validation hook under ``name`` (referred to by ``validator:`` in the data)."""

    def deco(fn: Validator) -> Validator:
        _VALIDATORS[name] = fn
        return fn

    return deco


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    regex: Any  # a compiled re2 pattern
    group: int
    score: float
    kind: str
    mask: str  # "value" | "digits" | "email" | "none"
    keep_start: int
    keep_end: int
    validate: bool
    context_score: float | None
    """Score when a context word is near; ``None``: context does not change it."""
    context_kind: str | None
    requires_context: bool
    invalid_score: float | None
    """Score of a match that fails validation but has a context word (``None``: dropped)."""
    invalid_kind: str
    needs_digit: bool = False
    """Every match holds an ASCII digit (read from the regex): skipped on a text without one."""


@dataclass(frozen=True, slots=True)
class PatternSpec:
    name: str
    category: str
    description: str
    patterns: tuple[Pattern, ...]
    context_words: tuple[str, ...]
    context_before: int
    context_after: int
    validator: str | None
    min_length: int
    min_digits: int
    min_digit_run: int
    any_of: tuple[str, ...]
    digit_boundary: bool
    params: Mapping[str, Any] = field(default_factory=dict)


def _pattern(raw: Mapping[str, Any], where: str, has_validator: bool) -> Pattern:
    try:
        regex = re2.compile(str(raw["regex"]))
    except KeyError:
        raise PatternSpecError(f"{where}: 'regex' is required") from None
    except re2.error as exc:
        raise PatternSpecError(f"{where}: bad regex: {exc}") from None
    score = float(raw.get("score", 0.0))
    if not 0.0 <= score <= 1.0:
        raise PatternSpecError(f"{where}: score outside [0, 1]")
    mask = raw.get("mask") or {}
    style = str(mask.get("style", "value")) if isinstance(mask, dict) else str(mask)
    if style not in ("value", "digits", "email", "none"):
        raise PatternSpecError(f"{where}: mask style must be value, digits, email or none")
    context = raw.get("context") or {}
    invalid = raw.get("invalid_with_context") or {}
    return Pattern(
        id=str(raw.get("id", "pattern")),
        regex=regex,
        group=int(raw.get("group", 0)),
        score=score,
        kind=str(raw.get("kind", raw.get("id", "pattern"))),
        mask=style,
        keep_start=int(mask.get("keep_start", 4)) if isinstance(mask, dict) else 4,
        keep_end=int(mask.get("keep_end", 4)) if isinstance(mask, dict) else 4,
        validate=bool(raw.get("validate", has_validator)),
        context_score=float(context["score"]) if "score" in context else None,
        context_kind=str(context["kind"]) if "kind" in context else None,
        requires_context=bool(context.get("required", False)),
        invalid_score=float(invalid["score"]) if "score" in invalid else None,
        invalid_kind=str(invalid.get("kind", "")),
        needs_digit=requires_digit(str(raw["regex"])),
    )


def parse_pattern_spec(raw: Mapping[str, Any], where: str = "<spec>") -> PatternSpec:
    for key in ("name", "category", "patterns"):
        if key not in raw:
            raise PatternSpecError(f"{where}: missing '{key}'")
    name = str(raw["name"])
    check = raw.get("validator")
    if check is not None and str(check) not in _VALIDATORS:
        _import_validators()
        if str(check) not in _VALIDATORS:
            raise PatternSpecError(f"{where}: unknown validator {check!r}")
    context = raw.get("context") or {}
    pre = raw.get("prefilter") or {}
    return PatternSpec(
        name=name,
        category=str(raw["category"]),
        description=str(raw.get("description", "")).strip(),
        patterns=tuple(
            _pattern(p, f"{where}: {name}.patterns[{i}]", check is not None)
            for i, p in enumerate(raw["patterns"])
        ),
        context_words=tuple(str(w).lower() for w in context.get("words") or ()),
        context_before=int(context.get("before", 30)),
        context_after=int(context.get("after", 0)),
        validator=str(check) if check is not None else None,
        min_length=int(pre.get("min_length", 0)),
        min_digits=int(pre.get("min_digits", 0)),
        min_digit_run=int(pre.get("min_digit_run", 0)),
        any_of=tuple(str(w).lower() for w in pre.get("any_of") or ()),
        digit_boundary=bool(raw.get("digit_boundary", False)),
        params=dict(raw.get("params") or {}),
    )


def _import_validators() -> None:
    # the modules that register validators (imported lazily: they import this module)
    from bijak.engine.recognizers import (  # noqa: F401
        email,
        nik,
        phone,
    )


@cache
def pattern_data(lang: str = "id") -> Mapping[str, Any]:
    path = resources.files("bijak.engine").joinpath("lang", lang, "patterns.yaml")
    text = path.read_text(encoding="utf-8")
    if "written by the bijak authors" not in text.lower():
        raise PatternSpecError("patterns.yaml: header must say it was written by the bijak authors")
    data: Mapping[str, Any] = yaml.safe_load(text)
    return data


def load_pattern_spec(name: str, lang: str = "id") -> PatternSpec:
    """The shipped spec of the recognizer ``name`` (e.g. ``bijak.nik.v1``)."""
    for i, raw in enumerate(pattern_data(lang)["recognizers"]):
        if raw.get("name") == name:
            return parse_pattern_spec(raw, f"patterns.yaml[{i}]")
    raise PatternSpecError(f"patterns.yaml: no recognizer named {name!r}")


def pattern_data_version(lang: str = "id") -> str:
    return str(pattern_data(lang).get("version", "0"))


class PatternRecognizer:
    """Runs one :class:`PatternSpec`. ``params`` go to the validation hook (e.g. ``allow``)."""

    def __init__(self, spec: PatternSpec, **params: Any) -> None:
        self.spec = spec
        self.name: str = spec.name
        self.categories: tuple[str, ...] = (spec.category,)
        self.params: Mapping[str, Any] = {**spec.params, **params}
        self._check = _VALIDATORS[spec.validator] if spec.validator else None

    def _skip(self, doc: NormalizedText) -> bool:
        spec = self.spec
        text = doc.original
        if len(text) < spec.min_length:
            return True
        if spec.min_digits and digit_count(text) < spec.min_digits:
            return True
        if spec.min_digit_run and not longest_digit_run_at_least(text, spec.min_digit_run):
            return True
        if spec.any_of:
            low = text.lower()
            if not any(w in low or w in doc.text for w in spec.any_of):
                return True
        return False

    def _has_context(self, low: str, start: int, end: int) -> bool:
        spec = self.spec
        if not spec.context_words:
            return False
        window = low[max(0, start - spec.context_before) : start]
        if spec.context_after:
            window += " " + low[end : end + spec.context_after]
        return any(w in window for w in spec.context_words)

    def matches(
        self, doc: NormalizedText, *, keep_zero: bool = False
    ) -> list[tuple[Pattern, int, int, str, float]]:
        """``(pattern, start, end, kind, score)`` of every kept match, before masking (with
        ``keep_zero``, also the matches whose score is 0: a subclass may raise them)."""
        if self._skip(doc):
            return []
        return self._matches(doc, keep_zero)

    def _matches(
        self,
        doc: NormalizedText,
        keep_zero: bool = False,
        skip_kinds: frozenset[str] = frozenset(),
    ) -> list[tuple[Pattern, int, int, str, float]]:
        """:meth:`matches` once ``_skip`` has let the text through (without the patterns of
        ``skip_kinds``)."""
        text = doc.original
        low = text.lower()
        spec = self.spec
        out: list[tuple[Pattern, int, int, str, float]] = []
        seen: set[tuple[int, int]] = set()
        has_digit: bool | None = None
        for pat in spec.patterns:
            if pat.kind in skip_kinds:
                continue
            if pat.needs_digit:
                if has_digit is None:
                    has_digit = digit_count(text) > 0
                if not has_digit:
                    continue  # it cannot match a text without a digit
            for m in pat.regex.finditer(text):
                start, end = m.start(pat.group), m.end(pat.group)
                if start < 0 or end <= start or (start, end) in seen:
                    continue  # no span, or already found by an earlier pattern
                if spec.digit_boundary and end < len(text) and text[end].isdigit():
                    continue  # part of a longer number
                context = self._has_context(low, start, end)
                if pat.requires_context and not context:
                    continue
                kind, score = pat.kind, pat.score
                if context and pat.context_score is not None:
                    score = pat.context_score
                    kind = pat.context_kind or kind
                if pat.validate and self._check is not None:
                    verdict = self._check(text[start:end], self.params)
                    if verdict is False:
                        if pat.invalid_score is None or not context:
                            continue
                        if placeholder_digits(text[start:end]):
                            continue  # "NIK 0000000000000000": a dummy, not a mistyped number
                        kind, score = pat.invalid_kind or kind, pat.invalid_score
                    elif isinstance(verdict, str):
                        kind = verdict
                if score > 0.0 or keep_zero:
                    seen.add((start, end))
                    out.append((pat, start, end, kind, score))
        return out

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        if self._skip(doc):  # most texts: no list, no generator
            return []
        text = doc.original
        return [
            new_finding(
                self.spec.category,
                start,
                end,
                score,
                self.name,
                masked(pat, text[start:end]),
                # a contact point counts once however many a post lists: a clinic's two lines
                # are one piece of evidence (the report's noisy-or keys pieces by "term")
                {"kind": kind, "term": kind} if kind == pat.context_kind else {"kind": kind},
            )
            for pat, start, end, kind, score in self._matches(doc)
        ]


def masked(pat: Pattern, value: str) -> str:
    if pat.mask == "none":
        return value
    if pat.mask == "email":
        return mask_email(value)
    if pat.mask == "digits":
        return mask_digits(value)
    return mask_value(value, pat.keep_start, pat.keep_end)


def pattern_factory(
    name: str,
) -> Callable[..., PatternRecognizer]:
    """A registry factory for the shipped spec ``name``; ``pipeline.yaml`` parameters and the
    policy's data (``context``) reach the validation hook as ``params``."""

    def make(context: Any = None, **params: Any) -> PatternRecognizer:
        spec = load_pattern_spec(name)
        wanted = spec.params.get("from_policy") or ()
        if context is not None:
            for key in wanted:
                if key in context.policy_data and key not in params:
                    params[key] = context.policy_data[key]
        return PatternRecognizer(spec, **params)

    make.__name__ = f"make_{name.replace('.', '_')}"
    return make


def placeholder_digits(value: str) -> bool:
    """Whether the digits of ``value`` are a placeholder that stands for no one: one digit
    repeated ("0000000000000000"), two at most ("1111000011110000"), or a run counting up or
    down ("1234567890123456")."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < 6:
        return False
    if len(set(digits)) <= 2:
        return True
    up = "0123456789" * 4
    return digits in up or digits in up[::-1]
