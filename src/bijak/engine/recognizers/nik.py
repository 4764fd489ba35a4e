"""``bijak.nik.v1``: Indonesian NIK (Nomor Induk Kependudukan), validated.

The pattern, scores and context words are data (``lang/id/patterns.yaml``), run by the one
``PatternRecognizer``; this module holds the validation hook.

A NIK is 16 digits: PP KK CC DDMMYY SSSS — province (a real province code), regency/city and
district (non-zero), date of birth (40 is added to the day for women), and a non-zero serial.
A 16-digit run that fails validation is NOT reported as a NIK. When a word such as "NIK" or
"KTP" stands just before it, it is reported with a low score as "angka mirip NIK" (still
masked, below the review threshold), because a mistyped NIK is still someone's number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bijak.engine.recognizers.pattern import pattern_factory, validator
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Mapping

NAME = "bijak.nik.v1"
VALID_SCORE = 0.95
# A 16-digit number that fails the checks but follows "NIK"/"KTP": the writer presents it as
# an identity number (often a real one mistyped), so it is reviewed (data_pribadi reviews at 0.5).
LOOKALIKE_SCORE = 0.6

# Province codes (Kemendagri): 11-19 Sumatra, 21 Kepri, 31-36 Java, 51-53 Bali/Nusa Tenggara,
# 61-65 Kalimantan, 71-76 Sulawesi, 81-82 Maluku, 91-96 Papua (93-96 created in 2022).
PROVINCE_CODES: frozenset[int] = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
     61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96}
)  # fmt: skip
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


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


@validator("nik")
def check_nik(value: str, params: Mapping[str, Any]) -> bool:
    return nik_is_valid("".join(ch for ch in value if ch.isdigit()))


make_nik_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
