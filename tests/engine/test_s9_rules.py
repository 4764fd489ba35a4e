"""Session 9: word rules studied on development batch 21. Every post is written by the bijak
authors for this test; names and numbers are invented."""

from __future__ import annotations

import pytest
from fa_checks import verdict

from bijak.engine import Pipeline
from bijak.engine.lexicons import load_lexicon, spelling_variants
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.lexicon import variant_entries


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    """The word rules alone: what these tests check does not depend on the trained model."""
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


def _terms(pipe: Pipeline, text: str, category: str) -> set[str]:
    return {
        str(f.meta.get("term"))
        for f in pipe.analyze(text).findings
        if f.category == category and f.score > 0
    }


def test_spelling_variants_stress_and_dodge_but_never_make_another_word() -> None:
    got = spelling_variants("goblok")
    assert {"guoblok", "govlok", "goblog", "guoblog"} <= got
    assert "goblok" not in got
    assert "saraf" not in spelling_variants("sarap")  # a nerve, not "crazy"
    assert spelling_variants("asu") == frozenset()  # too short to vary safely


def test_generated_spellings_skip_known_words() -> None:
    lexicons = [load_lexicon("kata_kasar"), load_lexicon("penghinaan")]
    forms = {form for form, _ in variant_entries(lexicons)}
    assert "govlok" in forms
    assert "bodo" not in forms and "goblog" not in forms  # slang table forms: already mapped


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Tim IT nya guoblog banget, login aja gagal terus", "goblok"),
        ("woi admin govlok, jawab dong", "goblok"),
        ("kelakuanmu bangsad tenan", "bangsat"),
        ("kocak lu bgsd", "bangsat"),
    ],
)
def test_stressed_and_dodging_spellings_of_curses_are_found(
    rules: Pipeline, text: str, term: str
) -> None:
    report = rules.analyze(text)
    assert verdict(report, "kata_kasar") != "aman"
    assert term not in text  # a spelling the word list does not hold


def test_a_nerve_clinic_is_not_a_curse(rules: Pipeline) -> None:
    text = "Riset kecil di poli saraf: banyak pasien epilepsi datang terlambat."
    assert verdict(rules.analyze(text), "kata_kasar") == "aman"


@pytest.mark.parametrize(
    "text",
    [
        "Nomor darurat ambulans PSC 119 Kabupaten Tanjung Sari: 119 atau WA 0812-0000-5501. "
        "Simpan ya bapak ibu.",
        "Bidan desa Mekarsari sekarang punya nomor dinas: 0813-0000-2211, aktif 24 jam.",
        "Pendaftaran via WA 0857-0000-1101. Konsultasi gizi: 0857-0000-1102.",
    ],
)
def test_emergency_and_service_lines_are_contact_points(rules: Pipeline, text: str) -> None:
    report = rules.analyze(text)
    assert verdict(report, "data_pribadi") == "aman"
    assert "0000" not in report.masked_text  # still masked


def test_ones_own_check_up_is_not_a_patient_named(rules: Pipeline) -> None:
    text = "Hamil anak pertama, 10 minggu. Cek Hb tadi 11,2, aman kata bidan. #bumil"
    assert verdict(rules.analyze(text), "data_pribadi") == "aman"


def test_a_teenager_pinned_down_by_her_fathers_role_is_patient_data(rules: Pipeline) -> None:
    text = (
        "pasien hamil termuda aku tahun ini 14 tahun, inisial S, anaknya pak RT 03 Sukamulya "
        "yang punya warung bakso itu loh"
    )
    report = rules.analyze(text)
    assert verdict(report, "data_pribadi") == "langgar"
    assert any(f.meta.get("kind") == "orang_dikenali" for f in report.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Apotek kami tidak melayani pembelian tramadol atau alprazolam tanpa resep dokter.",
        "Ada yang nawarin obat penenang tanpa resep lewat DM? Itu ilegal, psikotropika hanya "
        "dengan resep. Laporkan ke BPOM.",
    ],
)
def test_a_pharmacys_refusal_and_a_warning_are_not_drug_offers(rules: Pipeline, text: str) -> None:
    assert verdict(rules.analyze(text), "narkoba") == "aman"


def test_a_pharmacy_that_sells_without_prescription_is_still_found(rules: Pipeline) -> None:
    text = "Tramadol ready kak, tanpa resep, DM aja ya, COD bisa."
    assert verdict(rules.analyze(text), "narkoba") != "aman"


def test_a_claim_called_misleading_is_not_spread(rules: Pipeline) -> None:
    text = (
        "Beredar klaim 'minum air kelapa pasti sembuh tifus, obat boleh stop'. Ini menyesatkan, "
        "antibiotik tetap diminum sampai habis."
    )
    assert verdict(rules.analyze(text), "tanpa_sumber") == "aman"


def test_a_supplement_scare_stated_as_fact_is_a_hoax(rules: Pipeline) -> None:
    text = (
        "Fakta yang jarang dibahas: tablet tambah darah bikin bayi lahir kuning. Anak tetangga "
        "saya buktinya. Hentikan TTD begitu masuk 7 bulan!"
    )
    report = rules.analyze(text)
    assert any(
        f.category == "hoaks" and f.recognizer == "bijak.chain_hoax.v1" for f in report.findings
    )


def test_the_same_supplement_taught_as_a_risk_is_not_a_hoax(rules: Pipeline) -> None:
    text = (
        "Tablet tambah darah diminum satu tablet sehari selama hamil. Kalau mual, minum "
        "malam hari sebelum tidur."
    )
    assert verdict(rules.analyze(text), "hoaks") == "aman"


def test_asking_for_a_second_term_is_politik(rules: Pipeline) -> None:
    text = "Kebaikan Pak Bupati harus dilanjutkan 2 periode. Ingat tanggal 27, jangan salah pilih!"
    assert {"2 periode", "jangan salah pilih"} <= _terms(rules, text, "politik")


# --- studied on development batch 23 -------------------------------------------------------


def test_a_call_to_beat_up_a_stranger_as_a_crowd_is_incitement(rules: Pipeline) -> None:
    text = "Kalau ada orang asing dekat sekolah, jangan tanya-tanya, langsung hajar rame-rame!"
    assert verdict(rules.analyze(text), "provokasi") != "aman"
    calm = "Jangan main hakim sendiri, jangan keroyok orang yang belum tentu pelaku. Lapor polisi."
    assert verdict(rules.analyze(calm), "provokasi") == "aman"


def test_shaming_a_mother_by_her_sin_is_religiously_sensitive(rules: Pipeline) -> None:
    text = "Males banget nolong persalinan anak hasil zina, azab dunia belum seberapa."
    assert verdict(rules.analyze(text), "agama_sensitif") != "aman"


def test_mocking_how_disabled_patients_walk_is_hate_speech(rules: Pipeline) -> None:
    text = "Niruin cara jalan pasien CP di poli rehab, kayak robot rusak wkwk"
    assert verdict(rules.analyze(text), "ujaran_kebencian") != "aman"
    quoted = (
        "Seorang warganet menyebut penyandang disabilitas 'beban negara'. Pernyataan ini keliru "
        "dan menyakitkan."
    )
    assert verdict(rules.analyze(quoted), "ujaran_kebencian") == "aman"


def test_ones_own_hospital_system_failing_in_public_is_a_complaint(rules: Pipeline) -> None:
    text = "SIMRS neng RSUD ngadat meneh, pasien bolak-balik loket. Iki pelayanan opo dagelan."
    assert verdict(rules.analyze(text), "keluhan_layanan") != "aman"


def test_an_outbreak_said_to_be_hidden_in_the_tap_water_is_a_hoax(rules: Pipeline) -> None:
    text = (
        "Info orang dalam: air PDAM kita positif kolera, tapi pemkot nutupin biar gak panik. "
        "Stop minum air keran!"
    )
    assert any(f.recognizer == "bijak.chain_hoax.v1" for f in rules.analyze(text).findings)


def test_a_headings_capitalised_words_are_not_a_patients_name(rules: Pipeline) -> None:
    heading = "*Jadwal Rehabilitasi Psikososial* Kamis: terapi kelompok untuk pasien gangguan jiwa."
    assert verdict(rules.analyze(heading), "data_pribadi") == "aman"
    named = "Rina Marlina pasien gangguan jiwa di bangsal 3, kasihan keluarganya."
    assert verdict(rules.analyze(named), "data_pribadi") == "langgar"


def test_training_on_document_classification_is_not_a_leak(rules: Pipeline) -> None:
    text = (
        "Bimtek kearsipan hari ini: klasifikasi keamanan dokumen SANGAT RAHASIA, RAHASIA, "
        "TERBATAS dan BIASA. Pulang langsung rapikan lemari arsip."
    )
    assert verdict(rules.analyze(text), "rahasia") == "aman"


def test_stimulants_and_anaesthetics_taken_from_the_ward_are_drug_misuse(rules: Pipeline) -> None:
    shift = "Night shift hack dari senior: amfetamin dosis kecil, jaga 3 malam tetep seger."
    assert verdict(rules.analyze(shift), "narkoba") != "aman"
    sop = "SOP kamar operasi: sisa propofol dan fentanil dibuang di depan saksi dan dicatat."
    assert verdict(rules.analyze(sop), "narkoba") == "aman"


# --- studied on batch 25 after its one blind measurement -------------------------------------


def test_an_outbreaks_first_case_named_is_patient_data(rules: Pipeline) -> None:
    text = "Update KLB: kasus pertama adalah Bima Saputra (7 th), hasil NS1 positif, DBD."
    assert verdict(rules.analyze(text), "data_pribadi") == "langgar"
    aggregate = "Update KLB DBD minggu ini: 12 kasus, semua dirawat di RSUD. Ayo 3M Plus!"
    assert verdict(rules.analyze(aggregate), "data_pribadi") == "aman"


def test_a_puskesmas_name_is_not_a_person(rules: Pipeline) -> None:
    text = "Info Rabies Center Puskesmas Lembah Sari: warga yang digigit anjing sudah dapat VAR."
    assert verdict(rules.analyze(text), "data_pribadi") == "aman"


@pytest.mark.parametrize("text", ["Kimak kau, sombong kali", "sundala' ko semua, telaso"])
def test_regional_curses_are_found(rules: Pipeline, text: str) -> None:
    assert verdict(rules.analyze(text), "kata_kasar") != "aman"


def test_an_mpox_myth_is_matched_with_its_correction(rules: Pipeline) -> None:
    text = "Cacar monyet itu cuma efek samping vaksin covid yang diganti namanya, percaya deh."
    claims = [f for f in rules.analyze(text).findings if f.recognizer == "bijak.claims.v1"]
    assert claims and claims[0].meta["claim_id"] == "mpox-efek-vaksin-covid"
    assert "monkeypox" in str(claims[0].meta["fact"])
