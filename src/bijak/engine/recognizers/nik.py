"""``bijak.nik.v1``: Indonesian NIK (Nomor Induk Kependudukan), validated.

A NIK is 16 digits: PP KK CC DDMMYY SSSS — province (a real province code), regency/city and
district (non-zero), date of birth (40 is added to the day for women), and a non-zero serial.
A 16-digit run that fails validation is NOT reported as a NIK. When a word such as "NIK" or
"KTP" stands just before it, it is reported with a low score as "angka mirip NIK" (still
masked, below the review threshold), because a mistyped NIK is still someone's number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.masking import personal_data_finding
from bijak.engine.recognizers._prefilter import digit_count, longest_digit_run_at_least
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.nik.v1"
VALID_SCORE = 0.95
LOOKALIKE_SCORE = 0.3

# Province codes (Kemendagri): 11-19 Sumatra, 21 Kepri, 31-36 Java, 51-53 Bali/Nusa Tenggara,
# 61-65 Kalimantan, 71-76 Sulawesi, 81-82 Maluku, 91-96 Papua (93-96 created in 2022).
PROVINCE_CODES: frozenset[int] = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
     61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96}
)  # fmt: skip
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# 16 digits, plain or in groups of 4 / 6-6-4 separated by a space, dot or dash.
PATTERN = re2.compile(
    r"(?:^|[^0-9])([0-9]{6}[ .-]?[0-9]{6}[ .-]?[0-9]{4}|[0-9]{4}[ .-][0-9]{4}[ .-][0-9]{4}[ .-][0-9]{4})"
)
CONTEXT = ("nik", "ktp", "kependudukan", "e-ktp", "ektp")


def nik_is_valid(digits: str) -> bool:
    """Structure check of a 16-digit NIK (no checksum exists; this is the best available)."""
    if len(digits) != 16 or not digits.isdigit():
        return False
    if int(digits[0:2]) not in PROVINCE_CODES:
        return False
    if digits[2:4] == "00" or digits[4:6] == "00":
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    if day > 40:
        day -= 40
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        return False
    return digits[12:16] != "0000"


class NikRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("data_pribadi",)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        if len(text) < 16 or digit_count(text) < 16 or not longest_digit_run_at_least(text, 4):
            return []
        out: list[Finding] = []
        for m in PATTERN.finditer(text):
            start, end = m.start(1), m.end(1)
            if end < len(text) and text[end].isdigit():
                continue  # part of a longer number
            raw = text[start:end]
            digits = "".join(ch for ch in raw if ch.isdigit())
            if nik_is_valid(digits):
                out.append(_finding(text, start, end, VALID_SCORE, "nik"))
            else:
                before = text[max(0, start - 24) : start].lower()
                if any(word in before for word in CONTEXT):
                    out.append(_finding(text, start, end, LOOKALIKE_SCORE, "mirip_nik"))
        return out


def _finding(text: str, start: int, end: int, score: float, kind: str) -> Finding:
    return personal_data_finding(
        recognizer=NAME, kind=kind, text=text, start=start, end=end, score=score
    )


@recognizers.register(NAME)
def make_nik_recognizer() -> NikRecognizer:
    return NikRecognizer()
