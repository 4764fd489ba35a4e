"""Masking of personal data: every output can show the draft with personal data hidden.

Masks keep the length of what they hide (only letters and digits become ``*``), so offsets
in a masked text are the same as in the original.
"""

from __future__ import annotations

from collections.abc import Iterable

from bijak.engine.findings import Finding

MASKED_CATEGORIES: frozenset[str] = frozenset({"data_pribadi"})


def mask_value(value: str, keep_start: int = 4, keep_end: int = 4) -> str:
    """Hide the letters/digits of ``value`` except the first ``keep_start`` and last ``keep_end``.

    >>> mask_value("3201234567890003")
    '3201********0003'
    """
    total = sum(1 for ch in value if ch.isalnum())
    if total <= keep_start + keep_end:
        keep_start, keep_end = min(keep_start, total // 4), min(keep_end, total // 4)
    out: list[str] = []
    seen = 0
    for ch in value:
        if ch.isalnum():
            seen += 1
            out.append(ch if seen <= keep_start or seen > total - keep_end else "*")
        else:
            out.append(ch)
    return "".join(out)


def mask_digits(value: str) -> str:
    """Hide only the digits: ``RT 03/RW 05`` -> ``RT **/RW **``."""
    return "".join("*" if ch.isdigit() else ch for ch in value)


def mask_email(value: str) -> str:
    """``budi.santoso@mail.com`` -> ``b***********@mail.com``."""
    local, sep, domain = value.partition("@")
    if not sep:
        return mask_value(value, 1, 0)
    return local[:1] + "*" * (len(local) - 1) + "@" + domain


def mask_text(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the span of every personal-data finding replaced by its masked evidence.

    Masks are laid over each other character by character, so a wide finding (e.g. a patient
    and a diagnosis, shown as it is) never uncovers a name that a narrower finding masked."""
    spans = [
        (f.start, f.end, f.evidence)
        for f in findings
        if f.category in MASKED_CATEGORIES and f.end > f.start
    ]
    if not spans:
        return text
    chars: list[str] | None = None
    for start, end, evidence in spans:
        raw = text[start:end]
        masked = evidence if len(evidence) == end - start else mask_value(raw, 0, 0)
        if masked == raw:
            continue
        if chars is None:
            chars = list(text)
        for i, (a, b) in enumerate(zip(raw, masked, strict=True)):
            if a != b:
                chars[start + i] = b
    return text if chars is None else "".join(chars)
