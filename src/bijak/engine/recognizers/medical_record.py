"""``bijak.medical_record.v1``: patient data — medical-record numbers next to "no. RM" /
"rekam medis", a patient's name after "pasien atas nama", and a diagnosis tied to a patient.

Scores: record number 0.85, patient name 0.65, "pasien ... didiagnosa ..." 0.4 (weak: a
general remark about patients is not personal data).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.masking import personal_data_finding
from bijak.engine.recognizers._prefilter import longest_digit_run_at_least
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.medical_record.v1"
RECORD = re2.compile(
    r"(?i)(?:no\.?\s*rm|nomor\s*rm|no\.?\s*rekam\s*medi[sk]|nomor\s*rekam\s*medi[sk]|rekam\s*medi[sk]|\bmrn?)"
    r"\s*[:.#]?\s*([0-9][0-9./-]{3,15}[0-9])"
)
NAME_AFTER = re2.compile(
    r"(?:[Pp]asien|PASIEN|[Pp]x)\s+(?:atas\s+nama|[Bb]ernama|[Aa]\.?\s?[Nn]\.|[Ii]nisial|[Nn]y\.|[Tt]n\.|[Aa]n\.?)\s*:?\s*"
    r"([A-Z][A-Za-z'.]*(?:\s+[A-Z][A-Za-z'.]*){0,3})"
)
DIAGNOSIS = re2.compile(
    r"(?i)\b(?:pasien|px)\b[^.\n]{0,60}\b(?:didiagnosa|didiagnosis|diagnosa|diagnosis|dx)\b[^.\n]{0,40}"
)
CUES = ("rm", "rekam", "medi", "mr", "pasien", "px")


class MedicalRecordRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("data_pribadi",)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        if not any(map(doc.text.__contains__, CUES)):  # doc.text is lower-case
            return []
        low = text.lower()
        has_record = longest_digit_run_at_least(text, 2)
        out: list[Finding] = []
        if has_record:
            for m in RECORD.finditer(text):
                start, end = m.start(1), m.end(1)
                out.append(self._finding(text, start, end, 0.85, "rekam_medis", 2, 2))
        if "pasien" in low or "px" in low:
            for m in NAME_AFTER.finditer(text):
                start, end = m.start(1), m.end(1)
                out.append(self._finding(text, start, end, 0.65, "nama_pasien", 1, 0))
            for m in DIAGNOSIS.finditer(text):
                start, end = m.start(), m.end()
                out.append(
                    Finding(
                        category="data_pribadi",
                        start=start,
                        end=end,
                        score=0.4,
                        recognizer=NAME,
                        evidence=text[start:end],
                        meta={"kind": "diagnosa_pasien"},
                    )
                )
        return out

    @staticmethod
    def _finding(
        text: str, start: int, end: int, score: float, kind: str, keep_start: int, keep_end: int
    ) -> Finding:
        return personal_data_finding(
            recognizer=NAME,
            kind=kind,
            text=text,
            start=start,
            end=end,
            score=score,
            keep_start=keep_start,
            keep_end=keep_end,
        )


@recognizers.register(NAME)
def make_medical_record_recognizer() -> MedicalRecordRecognizer:
    return MedicalRecordRecognizer()
