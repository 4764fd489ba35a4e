"""Personal and patient data: bijak.patient_data.v1, medical-record forms, masking everywhere.

Posts written by the bijak authors for this test; no dataset text.
"""

from __future__ import annotations

import json

import pytest
from engine_helpers import run, span_of
from privacy_corpus import generate, leaks

from bijak.engine import Pipeline, analyze
from bijak.engine.recognizers.medical_record import make_medical_record_recognizer
from bijak.engine.recognizers.patient_data import make_patient_data_recognizer

PATIENT = [
    # (post, masked pieces, kinds)
    ("Ibu Siti Aminah hasil tes HIV positif.", ["Siti Aminah"], ["pasien_kesehatan"]),
    ("Tn. Budi Santoso didiagnosis skizofrenia paranoid", ["Budi Santoso"], ["pasien_kesehatan"]),
    ("Kabar Sdr. Rudi Hartono, TB paru, masih isolasi", ["Rudi Hartono"], ["pasien_kesehatan"]),
    (
        "Mbak Ratna sedang hamil 4 bulan, jangan dikasih tugas lapangan",
        ["Ratna"],
        ["pasien_kesehatan"],
    ),
    ("Siti Rahma (34) positif HIV sejak tahun lalu", ["Siti Rahma"], ["pasien_kesehatan"]),
    (
        "Ibu Siti Aminah warga RT 03/RW 05 Kel. Cempaka hasil tes HIV positif.",
        ["Siti Aminah", "RT 03/RW 05"],
        ["pasien_kesehatan", "alamat_pasien"],
    ),
    # an address next to a name, no health detail: the address only, lower
    ("Bapak Joko tinggal di RT 2 RW 7 dekat masjid", ["RT 2 RW 7"], ["alamat_bernama"]),
    # office gossip with regional honorifics and everyday words for a condition (session 4)
    ("Kang Asep bagian IT ternyata lagi rehab narkoba", ["Asep"], ["pasien_kesehatan"]),
    ("Teh Euis anak admin hamil duluan sebelum nikah", ["Euis"], ["pasien_kesehatan"]),
    ("Bude Warni kena sakit jiwa lagi katanya", ["Warni"], ["pasien_kesehatan"]),
    # initials after "si"/"inisial" name a person; a home address named as someone's counts
    # (session 6)
    ("Ternyata si DK berobat ke klinik kami, diagnosisnya HIV.", ["DK"], ["pasien_kesehatan"]),
    (
        "Pasien yang hamil di luar nikah itu alamatnya Dusun Krajan dekat pos ronda.",
        ["Dusun Krajan dekat"],
        ["alamat_pasien"],
    ),
    # a full name after a relation or "atas nama", and more conditions (session 6)
    (
        "Rekap ANC: putrinya Siti Rahmawati, usia kandungan 30 minggu, HIV positif.",
        ["Siti Rahmawati"],
        ["pasien_kesehatan"],
    ),
    (
        "Tunggakan atas nama Dewi Anjani belum dibayar, padahal antidepresan sudah kami berikan.",
        ["Dewi Anjani"],
        ["pasien_kesehatan"],
    ),
    # a patient's home, no health detail: the address, for review
    (
        "Keluarga pasien yang ngamuk di IGD rumahnya di gang mawar, kasih pelajaran aja.",
        ["gang mawar"],
        ["alamat_pasien"],
    ),
]


@pytest.mark.parametrize(("text", "pieces", "kinds"), PATIENT)
def test_a_named_or_addressed_person_with_a_health_detail(text, pieces, kinds):
    found = run(make_patient_data_recognizer(), text)
    spans = [(f.start, f.end) for f in found]
    assert spans == [span_of(text, piece) for piece in pieces]
    assert sorted({f.meta["kind"] for f in found}) == sorted(set(kinds))
    for f in found:
        assert text[f.start : f.end] not in f.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Selamat ulang tahun Bapak Ahmad, semoga sehat selalu.",
        "Ibu Kota Nusantara dibangun bertahap.",
        "Penyuluhan HIV dan TB untuk warga RT 05 hari Sabtu.",
        "Stigma terhadap ODHA harus dihapus, mari dukung pengobatan.",
        "Pak Budi selalu berpikir positif.",
        "Om Swastiastu, selamat hari raya Galungan bagi umat Hindu.",
        "Neng, jangan lupa periksa kehamilan rutin di posyandu ya.",
        "Dek Rafa sudah sembuh dari demam, terima kasih doanya.",
        "Si DK jago banget main futsal, gol terus tadi sore.",
        "Warga yang tinggal di Desa Sukamaju diimbau ikut skrining TB gratis di puskesmas.",
        "Rumahnya di Gang Kenanga, dekat warung bakso. Mampir ya kalau lewat!",
        # a list of data fields with a protective or instructional word is not a leak
        "Jangan pernah sebar foto KTP dan KK di media sosial, bisa disalahgunakan.",
        "Syarat pendaftaran: fotokopi KTP, KK, dan kartu BPJS. Upload lewat aplikasi resmi.",
        "Kirim nama dan nomor HP kalian ke panitia ya buat grup kepanitiaan.",
        "Upload foto kegiatan posyandu, nama kader dan alamat posyandu ada di caption.",
        "Hasil lab dan rekam medis pasien bisa diakses dokter penanggung jawab lewat SIMRS.",
        "Tetangga Bu Ani sudah sembuh dari demam, alhamdulillah.",
        "Atas nama Kepala Dinas Kesehatan, kami menyampaikan terima kasih.",
        "Data posyandu bulan ini: nama kader, umur, alamat posyandu. Silakan tempel di papan.",
    ],
)
def test_no_patient_data_without_a_person_and_a_health_detail(text):
    assert [f for f in run(make_patient_data_recognizer(), text) if f.score >= 0.5] == []


@pytest.mark.parametrize(
    ("text", "kind", "breach"),
    [
        (
            "Screenshot data peserta vaksin: nama, NIK, tanggal lahir, alamat. Yang kenal tolong"
            " ingetin.",
            "daftar_data",
            False,
        ),
        (
            "Upload KTP dan KK pasien baru, yang butuh ambil aja dari foto ini.",
            "daftar_data",
            False,
        ),
        (
            "Daftar bumil risti lengkap dengan nama, alamat, dan nomor HP suami sudah saya pajang"
            " di status WA.",
            "daftar_data",
            False,
        ),
        (
            "Daftar pasien TB yang mangkir sudah saya tempel di papan pengumuman balai desa:"
            " nama, umur, alamat.",
            "daftar_data",
            False,
        ),
        (
            "Foto rekam medis pasien artis yang dirawat semalam, lengkap sama hasil labnya.",
            "daftar_data_pasien",
            True,
        ),
    ],
)
def test_a_post_that_describes_sharing_peoples_data_is_reported(text, kind, breach):
    """Sharing someone's data is a breach of A.2 even when the values are not written out."""
    found = [f for f in run(make_patient_data_recognizer(), text) if f.meta["kind"] == kind]
    assert len(found) == 1
    assert found[0].score >= (0.8 if breach else 0.5)
    report = analyze(text)
    dp = next(c for c in report.categories if c.id == "data_pribadi")
    assert dp.verdict == ("langgar" if breach else "tinjau")


def test_a_person_with_a_diagnosis_is_a_breach_of_patient_confidentiality_a2():
    report = analyze("Ibu Siti Aminah warga RT 03/RW 05 Kel. Cempaka hasil tes HIV positif.")
    assert report.verdict == "langgar"
    a2 = next(c for c in report.clauses if c.id == "A.2")
    assert a2.verdict == "langgar"
    assert "Siti Aminah" not in report.to_json()
    assert "RT 03/RW 05" not in report.to_json()
    assert report.masked_text.startswith("Ibu S*** ****** warga RT **/RW **")


RECORDS = [
    ("No RM 00-45-78-12 pasien jiwa", "00-45-78-12", "00-**-**-12"),
    ("No. RM: 123456 kontrol ulang", "123456", "12**56"),
    ("rekam medis 00.45.78 hilang", "00.45.78", "00.**.78"),
    ("Nomor Rekam Medik 00123456", "00123456", "00****56"),
    ("RM: 334455 sudah dicetak", "334455", "33**55"),
    ("Resep untuk RM-7712345 diambil besok", "7712345", "77***45"),
    ("foto resep MR 31-07-99-12 ketinggalan", "31-07-99-12", "31-**-**-12"),
    ("label RM 55.20.18 di map pasien", "55.20.18", "55.**.18"),
]


@pytest.mark.parametrize("text", ["harga tas RM 50 di Kuala Lumpur", "gaji RM 500.000 setahun"])
def test_an_amount_in_ringgit_is_not_a_medical_record(text):
    assert run(make_medical_record_recognizer(), text) == []


@pytest.mark.parametrize(("text", "piece", "masked"), RECORDS)
def test_medical_record_numbers_in_their_common_forms(text, piece, masked):
    found = [
        f for f in run(make_medical_record_recognizer(), text) if f.meta["kind"] == "rekam_medis"
    ]
    assert [(f.start, f.end) for f in found] == [span_of(text, piece)]
    assert found[0].evidence == masked


def test_the_issue_leak_is_masked_in_every_output():
    text = "Pasien Tn. Budi Santoso, No RM 00-45-78-12, didiagnosis skizofrenia paranoid. Budi Santoso kabur."
    for lang in ("id", "en"):
        out = analyze(text, lang=lang).to_json()
        assert "00-45-78-12" not in out
        assert "Budi Santoso" not in out  # the repeat without an honorific is masked too


def test_the_agencys_own_numbers_from_the_policy_are_never_flagged():
    from bijak.policy import load_policy

    policy = load_policy()
    numbers = [ch.value for ch in policy.channels if ch.kind == "whatsapp"]
    assert numbers
    for number in numbers:
        report = analyze(f"Laporkan konten negatif ke WhatsApp {number}.")
        assert [f for f in report.findings if f.category == "data_pribadi"] == []


def test_pipeline_yaml_parameters_reach_the_recognizer(tmp_path):
    config = tmp_path / "pipeline.yaml"
    config.write_text(
        "recognizers:\n  - name: bijak.patient_data.v1\n    health_score: 0.7\n",
        encoding="utf-8",
    )
    pipe = Pipeline.from_config(config)
    (f,) = pipe.findings("Ibu Siti Aminah positif HIV")
    assert f.score == 0.7


def test_a_bad_pipeline_entry_names_the_file(tmp_path):
    config = tmp_path / "pipeline.yaml"
    config.write_text("recognizers:\n  - {health_score: 0.7}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pipeline\.yaml: a recognizer entry must be"):
        Pipeline.from_config(config)


def test_no_raw_personal_value_appears_in_any_output_on_a_generated_corpus():
    pipe = Pipeline()
    bad = []
    for post in generate(400, seed=10):
        outputs = [
            json.dumps(r.to_dict(), ensure_ascii=False)
            for r in (pipe.analyze(post.text), pipe.analyze(post.text, lang="en"))
        ]
        if leaks(post, outputs):
            bad.append(post.text)
    assert bad == []
