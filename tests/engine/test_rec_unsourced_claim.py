"""bijak.unsourced_claim.v1: health claims without a source (tanpa_sumber, A.5).

Posts written by the bijak authors for this test; no dataset text.
"""

from __future__ import annotations

import pytest
from engine_helpers import run

from bijak.engine import analyze
from bijak.engine.recognizers.unsourced_claim import make_unsourced_claim_recognizer

REC = make_unsourced_claim_recognizer()

CLAIMS = [
    (
        "Rebusan daun sirsak pasti sembuhkan kanker 100%, tidak perlu obat dokter!",
        "tidak perlu obat dokter",
    ),
    ("Minum air kelapa dijamin sembuh dari tipes dalam 3 hari.", "dijamin sembuh"),
    ("Anak demam cukup dikompres bawang merah, pasti turun dalam sejam.", "cukup dikompres"),
    ("Suplemen ini 100% alami dan aman untuk ibu hamil.", "100% alami"),
    (
        "90% penderita diabetes sembuh setelah rutin minum jamu ini.",
        "90% penderita diabetes sembuh",
    ),
    (
        "Madu hitam bikin kebal dari segala penyakit, gak usah imunisasi.",
        "kebal dari segala penyakit",
    ),
    ("Menurut saya ramuan ini ampuh menyembuhkan darah tinggi.", "ampuh menyembuhkan"),
]


@pytest.mark.parametrize(("text", "piece"), CLAIMS)
def test_an_unsourced_health_claim_is_a_caution(text, piece):
    found = run(REC, text)
    assert piece in [f.evidence for f in found]
    report = analyze(text)
    verdicts = {c.id: c.verdict for c in report.categories}
    assert verdicts["tanpa_sumber"] == "tinjau"  # a caution, never a breach


SOURCED_OR_NOT_A_CLAIM = [
    "Menurut WHO, vaksin campak 97% efektif mencegah campak setelah dua dosis.",
    "Menurut Kemenkes, obat TB harus diminum rutin 6 bulan agar sembuh total.",
    "Obat ini terbukti menurunkan gula darah (sumber: jurnal Diabetes Care 2023).",
    "Suplemen ini aman, cek izin edar BPOM dan baca https://www.pom.go.id sebelum beli.",
    "Vaksinasi 100% gratis di puskesmas setiap Sabtu.",
    "Kami pasti hadir di rapat besok pagi.",
    "Diskon 50% untuk semua baju anak di toko kami.",
]


@pytest.mark.parametrize("text", SOURCED_OR_NOT_A_CLAIM)
def test_a_named_source_or_no_health_claim_is_not_reported(text):
    assert run(REC, text) == []
