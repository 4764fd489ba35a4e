"""The shipped circular loads completely, with the circular's own words, and another agency's
policy file loads with no code change."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from bijak.policy import DEFAULT_POLICY_PATH, Category, Clause, Policy, load_policy

FIXTURES = Path(__file__).with_name("fixtures")
DESIGN_CATEGORIES = {
    "hoaks",
    "fitnah",
    "provokasi",
    "radikalisme",
    "terorisme",
    "pornografi",
    "sara",
    "ujaran_kebencian",
    "kata_kasar",
    "penghinaan",
    "politik",
    "agama_sensitif",
    "pamer",
    "keluhan_layanan",
    "perjudian",
    "narkoba",
    "penipuan",
    "data_pribadi",
    "rahasia",
    "tanpa_sumber",
}


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy()


def test_every_clause_is_loaded_in_document_order(policy):
    expected = (
        [f"A.{n}" for n in range(1, 14)]
        + [f"B.{n}" for n in range(1, 9)]
        + [f"C.{n}" for n in range(1, 7)]
        + ["D"]
    )
    assert [c.id for c in policy.clauses] == expected
    kinds = {c.section: c.kind for c in policy.clauses}
    assert kinds == {"A": "himbauan", "B": "larangan", "C": "pertimbangan", "D": "aduan"}
    assert policy.clause("A.10").number == 10 and policy.clause("D").number is None


@pytest.mark.parametrize(
    ("clause_id", "text_id"),
    [
        (
            "A.5",
            "Memastikan bahwa informasi yang disebarluaskan jelas sumbernya, dapat dipastikan "
            "kebenarannya, dan tidak mengandung unsur kebohongan;",
        ),
        (
            "A.9",
            "Jika ingin melakukan konfirmasi atau klarifikasi kebenaran atas berita dan "
            "informasi kesehatan dilakukan melalui jalur pribadi (japri) kepada pihak yang "
            "berkompeten;",
        ),
        (
            "B.2",
            "Mengunggah atau mengomentari sesuatu yang mengandung unsur SARA (suku, agama, "
            "ras dan antar golongan);",
        ),
        (
            "B.3",
            "Berperilaku dan berkomunikasi di media sosial yang berpotensi merusak citra dan "
            "reputasi institusi kesehatan;",
        ),
        ("B.5", "Menyebarkan hoaks terkait kesehatan."),
        ("C.2", "Konten/informasi yang baik belum tentu benar;"),
    ],
)
def test_clause_texts_are_the_circulars_words(policy, clause_id, text_id):
    assert policy.clause(clause_id).text_id == text_id


def test_every_source_typo_fix_is_recorded_and_applied(policy):
    fixes = {(f.original, f.fixed) for f in policy.source_fixes}
    assert {
        ("disebarluskan", "disebarluaskan"),
        ("berkomuniksi", "berkomunikasi"),
        ("Pdndayagunaan", "Pendayagunaan"),
        ("Kementrian", "Kementerian"),
    } <= fixes
    everything = json.dumps(
        {k: v for k, v in policy.to_dict().items() if k != "source_fixes"}, ensure_ascii=False
    )
    for original, fixed in fixes:
        assert original not in everything
        assert fixed in everything


@pytest.mark.parametrize(
    ("clause_id", "categories", "severity"),
    [
        (
            "B.1",
            ("hoaks", "fitnah", "provokasi", "radikalisme", "terorisme", "pornografi"),
            "tinggi",
        ),
        ("B.2", ("sara", "ujaran_kebencian"), "tinggi"),
        ("B.3", ("kata_kasar",), "sedang"),
        ("B.4", ("politik", "agama_sensitif"), "sedang"),
        ("B.5", ("hoaks",), "tinggi"),
        ("B.6", ("pamer",), "rendah"),
        ("B.7", ("keluhan_layanan",), "sedang"),
        ("B.8", ("penghinaan", "kata_kasar"), "sedang"),
        ("A.2", ("data_pribadi", "rahasia"), "tinggi"),
        ("A.3", ("rahasia",), "tinggi"),
        ("A.5", ("tanpa_sumber",), "sedang"),
        ("A.6", ("konten_resmi",), "rendah"),
        ("A.10", ("konten_resmi",), "rendah"),
        ("A.11", ("konten_resmi",), "rendah"),
        (
            "D",
            (
                "hoaks",
                "pornografi",
                "ujaran_kebencian",
                "sara",
                "perjudian",
                "narkoba",
                "penipuan",
                "radikalisme",
                "terorisme",
            ),
            "tinggi",
        ),
    ],
)
def test_clauses_carry_the_design_categories(policy, clause_id, categories, severity):
    clause = policy.clause(clause_id)
    assert clause.categories == categories
    assert clause.severity == severity
    assert clause.advice_id and clause.advice_en and clause.text_en


def test_categories_are_the_design_ids_plus_konten_resmi(policy):
    assert set(policy.category_ids) == DESIGN_CATEGORIES | {"konten_resmi"}
    assert policy.category("konten_resmi").kind == "positive"
    assert policy.category("tanpa_sumber").kind == "caution"
    for cat in policy.categories:
        assert 0 <= cat.review_threshold <= cat.breach_threshold <= 1
        assert cat.name_id and cat.name_en


def test_every_category_but_the_positive_one_leads_to_a_clause(policy):
    for cat in policy.categories:
        assert policy.clauses_for_category(cat.id), cat.id
    assert [c.id for c in policy.clauses_for_category("hoaks")] == ["B.1", "B.5", "D"]
    assert [c.id for c in policy.clauses_for_category("kata_kasar")] == ["B.3", "B.8"]
    assert policy.clauses_for_category("tidak_ada") == ()


def test_unknown_ids_raise_key_error(policy):
    with pytest.raises(KeyError):
        policy.clause("B.9")
    with pytest.raises(KeyError):
        policy.category("tidak_ada")


def test_channels_hold_the_current_number_and_record_the_seeds(policy):
    channels = {c.id: c for c in policy.channels}
    assert [c.kind for c in policy.channels] == ["web", "email", "whatsapp"]
    wa = channels["aduankonten-whatsapp"]
    assert wa.value == "0811-9224-545" and wa.source_value == "081-1922-4545"
    assert "081-1922-4545" in wa.note and wa.href == "https://wa.me/628119224545"
    assert channels["aduankonten-email"].value == "aduankonten@mail.kominfo.go.id"
    assert channels["aduankonten-email"].href == "mailto:aduankonten@mail.kominfo.go.id"
    assert channels["aduankonten-web"].value == "https://aduankonten.id"
    assert "Komdigi" in channels["aduankonten-web"].note


def test_legal_basis_consequence_and_dissemination(policy):
    assert [b.short for b in policy.legal_basis] == [
        "PermenPAN PER/12/M.PAN/08/2007",
        "PermenPAN-RB 83/2012",
        "PMK 81/2015",
    ]
    assert policy.legal_basis[1].gazette == "Berita Negara Republik Indonesia Tahun 2013 Nomor 102"
    assert policy.legal_basis[2].gazette == "Berita Negara Republik Indonesia Tahun 2015 Nomor 1971"
    assert policy.consequence.text_id.startswith("Apabila terdapat pelanggaran atas larangan")
    assert "Nomor 94 Tahun 2021" in policy.consequence.note_id
    assert policy.dissemination.duty_holder_id == "Pejabat Eselon II"
    assert policy.number == "HK.02.02/III/2438/2018" and policy.date == "2018"
    assert [k.id for k in policy.complaint_kinds] == [
        "hoaks",
        "pornografi",
        "ujaran_kebencian_sara",
        "perjudian",
        "narkoba",
        "penipuan",
        "radikalisme",
        "terorisme",
    ]


def test_content_hash_is_the_sha256_of_the_file_bytes(policy):
    assert policy.content_hash == hashlib.sha256(DEFAULT_POLICY_PATH.read_bytes()).hexdigest()
    assert load_policy(DEFAULT_POLICY_PATH) is policy  # cached by content hash


def test_values_are_frozen(policy):
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.clause("B.2").severity = "rendah"  # type: ignore[misc]
    assert isinstance(policy.clauses[0], Clause) and isinstance(policy.categories[0], Category)


def test_to_dict_is_json_ready_and_complete(policy):
    data = json.loads(json.dumps(policy.to_dict()))
    assert data["id"] == "kemenkes-hk0202-2438-2018"
    assert data["content_hash"] == policy.content_hash
    assert len(data["clauses"]) == 28
    assert data["clauses"][14]["categories"] == ["sara", "ujaran_kebencian"]
    assert data["categories"][0]["breach_threshold"] == 0.8


def test_english_and_indonesian_accessors(policy):
    clause = policy.clause("B.5")
    assert clause.text("en") == "Spreading health-related hoaxes."
    assert clause.text("id") == clause.text_id and clause.text("en-gb") == clause.text_en


def test_a_second_agency_policy_loads_with_no_code_change():
    other = load_policy(FIXTURES / "dinkes-contoh.yaml")
    assert other.id == "dinkes-contoh-2024" and other.effective_date == "2024-04-01"
    assert [c.id for c in other.clauses] == ["H.1", "L.1", "L.2"]
    assert [s.title_id for s in other.sections] == ["Anjuran", "Larangan"]
    assert other.clauses_for_category("kampanye")[0].id == "L.2"
    assert other.category("data_pribadi").review_threshold == 0.4
    assert other.channels[0].href == "mailto:aduan@dinkes.contoh.invalid"
    assert other.content_hash != load_policy().content_hash


def test_policy_package_never_imports_django():
    import subprocess
    import sys

    code = (
        "import sys, bijak.policy; bijak.policy.load_policy(); "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_policy_survives_pickling_for_worker_processes(policy):
    import pickle

    copy = pickle.loads(pickle.dumps(policy))
    assert copy == policy
    assert copy.clauses_for_category("sara") == policy.clauses_for_category("sara")


@pytest.mark.parametrize(
    ("category", "score", "level"),
    [
        ("sara", 0.49, "aman"),
        ("sara", 0.5, "tinjau"),
        ("sara", 0.79, "tinjau"),
        ("sara", 0.8, "langgar"),
        ("sara", 1.0, "langgar"),
        ("tanpa_sumber", 0.4, "aman"),
        ("tanpa_sumber", 0.6, "tinjau"),
        ("tanpa_sumber", 1.0, "tinjau"),  # a caution never becomes a breach
        ("konten_resmi", 1.0, "aman"),  # a positive signal never raises a flag
    ],
)
def test_category_level_follows_its_thresholds(policy, category, score, level):
    assert policy.category(category).level(score) == level
