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


def personal_data_finding(
    *,
    recognizer: str,
    kind: str,
    text: str,
    start: int,
    end: int,
    score: float,
    keep_start: int = 4,
    keep_end: int = 4,
) -> Finding:
    """A `data_pribadi` finding over ``text[start:end]`` whose evidence is already masked."""
    return Finding(
        category="data_pribadi",
        start=start,
        end=end,
        score=score,
        recognizer=recognizer,
        evidence=mask_value(text[start:end], keep_start, keep_end),
        meta={"kind": kind},
    )


def mask_email(value: str) -> str:
    """``budi.santoso@mail.com`` -> ``b***********@mail.com``."""
    local, sep, domain = value.partition("@")
    if not sep:
        return mask_value(value, 1, 0)
    return local[:1] + "*" * (len(local) - 1) + "@" + domain


def mask_text(text: str, findings: Iterable[Finding]) -> str:
    """``text`` with the span of every personal-data finding replaced by its masked evidence."""
    spans = sorted(
        (f.start, f.end, f.evidence)
        for f in findings
        if f.category in MASKED_CATEGORIES and f.end > f.start
    )
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end, evidence in spans:
        if end <= pos:
            continue
        if start < pos:  # overlapping spans: mask the rest of the later one
            evidence = evidence[pos - start :]
            start = pos
        parts.append(text[pos:start])
        masked = evidence if len(evidence) == end - start else mask_value(text[start:end], 0, 0)
        parts.append(masked)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
