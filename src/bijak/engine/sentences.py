"""Where a sentence ends: one rule for every recognizer and the context filter.

A line break, ``!`` or ``?`` ends a sentence. A full stop does too, except

* after an abbreviation or an initial ("dr. Rina", "Ny. S.", "Jl. Melati", "No. 12");
* with no space after it ("1.500", "3.5", "kemkes.go.id");
* (``closing_quote=True``) when the marks close a quotation: ``"Dasar bodoh!" teriak pelaku``
  is one sentence;
* (``lower_continues=True``) before a lower-case word or a digit: names and addresses written
  carelessly ("Ny. siti", "kamar no. 9") stay with their sentence.

Before session 15 six modules each had their own rule (some knew abbreviations, some knew
quotations, most knew neither): a recognizer could join two words that another split.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MARKS = frozenset(".!?\n")
"""Characters that may end a sentence (the cheap test before the exact one)."""
_CLOSERS = frozenset('"”»')

ABBREVIATIONS: frozenset[str] = frozenset(
    "dr drg dra drs ny nn tn sdr sdri an alm almh no jl jln gg rt rw prof st kec kel kab ds dsn "
    "h hj ir sp dll dsb dkk yth bpk kp perum".split()
)
"""Words a full stop after which does not end a sentence (written as the post writes them,
compared in lower case). Not words that often end a sentence themselves ("pak", "ibu",
"RSUD")."""


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i]


def _stop_ends(text: str, i: int, lower_continues: bool) -> bool:
    """Whether the full stop at ``text[i]`` ends a sentence."""
    n = len(text)
    if i + 1 < n and text[i + 1].isalnum():
        return False  # 1.500, 3.5, kemkes.go.id: no space after the stop
    before = _word_before(text, i)
    if before and (len(before) == 1 or before.lower() in ABBREVIATIONS):
        return False
    if lower_continues:
        k = i + 1
        while k < n and text[k] in " \t":
            k += 1
        if k < n and k <= i + 3 and (text[k].isdigit() or text[k].islower()):
            return False
    return True


def ends_between(
    text: str,
    start: int,
    end: int,
    *,
    closing_quote: bool = False,
    lower_continues: bool = False,
) -> bool:
    """Whether a sentence ends in ``text[start:end]`` (the gap between two words, or a longer
    stretch)."""
    if start >= end or MARKS.isdisjoint(text[start:end]):
        return False
    i = start
    while i < end:
        ch = text[i]
        if ch == "\n":
            return True
        if ch in ".!?":
            k = i  # a run of marks ("?!", "...") is read as one
            while k < len(text) and text[k] in ".!?":
                k += 1
            if closing_quote and k < len(text) and text[k] in _CLOSERS:
                i = k + 1
                continue
            if k - i > 1 or ch != "." or _stop_ends(text, i, lower_continues):
                return True
            i = k
            continue
        i += 1
    return False


def ends_after_token(text: str, tokens: Sequence[Any], i: int) -> bool:
    """Whether a sentence ends between token ``i`` and token ``i + 1`` (or after the last)."""
    if i + 1 >= len(tokens):
        return True
    return ends_between(text, tokens[i].oend, tokens[i + 1].ostart)


def spans(text: str, *, lower_continues: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (the marks stay with the sentence they
    end)."""
    out: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch not in MARKS:
            i += 1
            continue
        k = i
        while k < n and text[k] in MARKS:
            k += 1
        if ch == "\n" or ends_between(text, i, k, lower_continues=lower_continues):
            out.append((start, k))
            start = k
        i = k
    if start < n:
        out.append((start, n))
    return out
