"""bijak.medical_record.v1, bijak.nota_dinas.v1, bijak.health_claim.v1, bijak.official.v1,
bijak.claims.v1 and the model slot."""

from __future__ import annotations

import pytest
from engine_helpers import run, span_of

from bijak.engine.findings import Finding
from bijak.engine.lexicons import load_lexicon
from bijak.engine.recognizers.claims import ClaimRecognizer
from bijak.engine.recognizers.health_claim import HealthClaimRecognizer
from bijak.engine.recognizers.medical_record import (
    make_medical_record_recognizer as MedicalRecordRecognizer,
)
from bijak.engine.recognizers.model_slot import make_model_recognizer
from bijak.engine.recognizers.nota_dinas import (
    make_nota_dinas_recognizer as NotaDinasRecognizer,
)
from bijak.engine.recognizers.official import OfficialContentRecognizer

MEDICAL = [
    ("no. RM 12-34-56 kontrol besok", ["12-34-56"], ["rekam_medis"]),
    ("Nomor rekam medis: 0012345", ["0012345"], ["rekam_medis"]),
    ("pasien atas nama Budi Santoso sudah pulang", ["Budi Santoso"], ["nama_pasien"]),
    (
        "pasien bed 3 didiagnosa TB paru",
        ["pasien bed 3 didiagnosa TB paru"],
        ["diagnosa_pasien"],
    ),
]


@pytest.mark.parametrize(("text", "pieces", "kinds"), MEDICAL)
def test_medical_record(text, pieces, kinds):
    found = run(MedicalRecordRecognizer(), text)
    assert [(f.start, f.end) for f in found] == [span_of(text, p) for p in pieces]
    assert [f.meta["kind"] for f in found] == kinds


def test_medical_record_number_and_name_are_masked():
    (f,) = run(MedicalRecordRecognizer(), "no. RM 12-34-56")
    assert f.evidence == "12-**-56"
    (g,) = run(MedicalRecordRecognizer(), "pasien atas nama Budi Santoso")
    assert g.evidence == "B*** *******"


@pytest.mark.parametrize("text", ["pasien hari ini banyak sekali", "terima kasih", "RM 50 ribu"])
def test_no_medical_record(text):
    assert run(MedicalRecordRecognizer(), text) == []


NOTA = [
    ("sesuai ND.01.02/III/123/2024 kemarin", "ND.01.02/III/123/2024"),
    ("Nota Dinas Nomor HK.02.02/IV/55/2025 bocor", "Nota Dinas Nomor HK.02.02/IV/55/2025"),
]


@pytest.mark.parametrize(("text", "piece"), NOTA)
def test_nota_dinas_number(text, piece):
    (f,) = run(NotaDinasRecognizer(), text)
    assert (f.start, f.end) == span_of(text, piece)
    assert f.category == "rahasia"


def test_public_circular_number_is_not_a_nota_dinas():
    assert run(NotaDinasRecognizer(), "SE HK.02.02/III/2438/2018 tentang media sosial") == []


@pytest.fixture(scope="module")
def claims_rec():
    return HealthClaimRecognizer(load_lexicon("tanpa_sumber"))


CLAIMS = [
    ("Rebusan daun ini bisa menyembuhkan kanker!", ["bisa menyembuhkan", "menyembuhkan kanker"]),
    ("dijamin 100% sembuh dalam seminggu", ["100% sembuh", "sembuh dalam"]),
    ("vaksin menyebabkan autis, hati-hati", ["vaksin menyebabkan", "menyebabkan autis"]),
    ("minum air rebusan jahe", ["air rebusan"]),
]


@pytest.mark.parametrize(("text", "pieces"), CLAIMS)
def test_health_claim_without_source(claims_rec, text, pieces):
    found = run(claims_rec, text)
    assert [(f.start, f.end) for f in found] == [span_of(text, p) for p in pieces]
    assert {f.category for f in found} == {"tanpa_sumber"}


@pytest.mark.parametrize(
    "text",
    [
        "Menurut penelitian, obat ini bisa menyembuhkan infeksi",
        "Sumber: kemkes.go.id — imunisasi dapat menyembuhkan? Tidak, mencegah.",
        "bisa menyembuhkan, lihat https://www.who.int/news",
        "Selamat pagi, semoga sehat selalu",
    ],
)
def test_health_claim_with_a_source_or_no_claim(claims_rec, text):
    assert run(claims_rec, text) == []


OFFICIAL = [
    (
        "Baca https://sehatnegeriku.kemkes.go.id/baca/rilis ya",
        "https://sehatnegeriku.kemkes.go.id/baca/rilis",
        "tautan_resmi",
    ),
    ("info dari @kemenkes_ri hari ini", "@kemenkes_ri", "akun_resmi"),
    ("Ayo hidup sehat #GermasSehat", "#GermasSehat", "tagar_resmi"),
]


@pytest.mark.parametrize(("text", "piece", "kind"), OFFICIAL)
def test_official_content(text, piece, kind):
    (f,) = run(OfficialContentRecognizer(), text)
    assert (f.start, f.end) == span_of(text, piece)
    assert f.category == "konten_resmi"
    assert f.meta["kind"] == kind


def test_claim_slot_is_a_no_op_until_a_knowledge_base_is_given():
    assert run(ClaimRecognizer(), "vaksin mengandung chip") == []

    def kb(doc):
        return [Finding("hoaks", 0, 6, 0.9, "bijak.claims.v1", doc.original[:6])]

    (f,) = run(ClaimRecognizer(kb), "vaksin mengandung chip")
    assert (f.category, f.evidence) == ("hoaks", "vaksin")


def test_slot_model_returns_a_recognizer_or_none():
    rec = make_model_recognizer()
    assert rec is None or rec.name.startswith("bijak.model")


def test_slot_model_is_none_when_the_model_module_is_missing(monkeypatch):
    import importlib

    from bijak.engine.recognizers import model_slot

    def missing(name):
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(importlib, "import_module", missing)
    assert model_slot.make_model_recognizer() is None


def test_slot_model_does_not_hide_a_broken_import_inside_the_model(monkeypatch):
    import importlib

    from bijak.engine.recognizers import model_slot

    def broken(name):
        raise ModuleNotFoundError("No module named 'numpyy'", name="numpyy")

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError, match="numpyy"):
        model_slot.make_model_recognizer()
