"""``bijak.medical_record.v1``: patient data — medical-record numbers after "no. RM" /
"rekam medis" (00-45-78-12, 00.45.78, 123456), a patient's name after "pasien atas nama", and a
diagnosis tied to a patient.

Scores: record number 0.85, patient name 0.65, "pasien ... didiagnosa ..." 0.4 (weak: a
general remark about patients is not personal data). Data only (``lang/id/patterns.yaml``),
run by the one ``PatternRecognizer``; a named person with a diagnosis is
``bijak.patient_data.v1``.
"""

from __future__ import annotations

from bijak.engine.recognizers.pattern import pattern_factory
from bijak.engine.registry import recognizers

NAME = "bijak.medical_record.v1"

make_medical_record_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
