"""bijak.accusation.v1: unproven accusations against a named person or body (fitnah, B.1).

Posts written by the bijak authors for this test (invented names); no dataset text.
"""

from __future__ import annotations

import pytest
from engine_helpers import run

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.accusation import make_accusation_recognizer

REC = make_accusation_recognizer()

ACCUSATIONS = [
    (
        "Pantas Bu Rahmi Wulandari cepat naik jabatan, ternyata simpanan bos besar. Semua orang sudah tahu.",
        "simpanan bos",
    ),
    ("Hati-hati sama Dedi Kurniawan, dia suka ambil uang kas ruangan.", "ambil uang kas"),
    ("RSUD Sukamakmur diam-diam jual organ pasien yang meninggal!", "jual organ"),
    (
        "Puskesmas Cempaka sengaja memalsukan data imunisasi biar dapat insentif.",
        "sengaja memalsukan",
    ),
    ("pak joko itu naik pangkat karena nyogok panitia, sebarkan!", "nyogok"),
]


@pytest.mark.parametrize(("text", "cue"), ACCUSATIONS)
def test_an_accusation_against_a_named_person_or_body(text, cue):
    found = run(REC, text)
    assert cue in [f.meta["cue_text"] for f in found]
    assert all(f.category == "fitnah" for f in found)


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


@pytest.mark.parametrize(
    "text",
    [
        "Pengadilan Tipikor menjatuhkan vonis 3 tahun kepada mantan pejabat dinas, terdakwa pikir-pikir.",
        "Beredar tuduhan bahwa RSUD Sukamakmur jual organ pasien. Manajemen sudah membantah, mari tidak ikut menyebarkan.",
        "Terima kasih dr. Ketut Ardana sudah turun langsung meninjau posyandu.",
        "Tes urine untuk pegawai Biro Umum hari ini, semua negatif, kantor bersih narkoba.",
        "Pak Budi bilang dia tidak korupsi, laporan keuangan unit sudah diaudit.",
    ],
)
def test_news_rebuttals_thanks_and_denials_are_not_slander(rules, text):
    verdict = {c.id: c.verdict for c in rules.analyze(text).categories}.get("fitnah", "aman")
    assert verdict == "aman"


# rules-recall (accusations v1.2.0): word classes — money diverted in slang and regional
# forms, bribes received, a diagnosis faked for money, unexplained wealth, code-mixed English —
# and the speaker's admission of having no proof as a booster. Invented names.
NEW_ACCUSATIONS = [
    ("Kasir Puskesmas Sumber Rejo itu si Wawan Setiadi yang gelapin uang BOK.", "gelapin"),
    (
        "Bu Ratna Sari pasti nerima sogokan dari vendor alkes, tidak ada buktinya sih.",
        "nerima sogokan",
    ),
    ("RS Permata Hijau ngecovidin pasien yang meninggal biar klaimnya cair.", "ngecovidin"),
    ("Everyone knows Pak Yusuf Halim embezzled the posyandu funds.", "embezzled"),
    ("Mas Doni Prakoso mendadak kaya sejak pegang pengadaan, siapa lagi coba.", "mendadak kaya"),
]


@pytest.mark.parametrize(("text", "cue"), NEW_ACCUSATIONS)
def test_new_accusation_words_against_a_named_target(text, cue):
    found = run(REC, text)
    assert cue in [f.meta["cue_text"] for f in found]
    assert found[0].meta["target_text"]  # the finding names who and what


def test_an_admission_of_no_proof_raises_the_accusation():
    plain = run(REC, "Bu Ratna Sari nerima sogokan dari vendor alkes.")
    admitted = run(REC, "Bu Ratna Sari nerima sogokan dari vendor alkes, tidak ada buktinya sih.")
    assert admitted[0].score > plain[0].score


ORDINARY_NEW = [
    "Alhamdulillah usaha katering Bu Ratna Sari berkembang, sekarang buka cabang baru.",
    "Semua jadwal piket sudah diatur oleh kepala ruangan, silakan cek grup.",
    "Tidak ada bukti ilmiah bahwa air kelapa menyembuhkan demam berdarah.",
]


@pytest.mark.parametrize("text", ORDINARY_NEW)
def test_ordinary_posts_with_the_new_words_are_not_accusations(text):
    assert [f for f in run(REC, text) if f.score >= 0.5] == []


# rules-recall, second step: an object of misconduct and a deed done to it, in either order,
# within a few words (accusations.yaml `pairs`), next to a target. Invented names.
PAIR_ACCUSATIONS = [
    ("Kabid Yankes itu yang motong dana BOK tiap puskesmas, semua kapus tahu.", "motong dana"),
    ("Ternyata dr. Sinta Wirawan itu ijazah S2-nya beli, pantes presentasinya kacau.", "ijazah"),
    ("Kepala labnya diam-diam ngejual data rekam medis ke perusahaan asuransi.", "data"),
    ("Formasi bidan tahun ini sudah dibeli duluan, Pak Darto Sumarno yang atur.", "Formasi"),
]


@pytest.mark.parametrize(("text", "piece"), PAIR_ACCUSATIONS)
def test_an_object_and_a_deed_against_a_target_is_an_accusation(text, piece):
    found = run(REC, text)
    assert found, text
    assert piece.lower() in found[0].meta["cue_text"].lower()
    assert found[0].score >= 0.5


PAIR_ORDINARY = [
    "Bulan ini berhasil menabung untuk beli kursi roda buat Bu Ani, senang rasanya.",
    "Dana BOK tidak dipotong sepeser pun, laporan Puskesmas Sari Mulya sudah diaudit.",
    "Alhamdulillah ijazah dan STR saya sudah diverifikasi, tinggal unggah untuk pendaftaran.",
    "Pak Budi Santoso beli data paket internet untuk rapat daring besok.",
]


@pytest.mark.parametrize("text", PAIR_ORDINARY)
def test_ordinary_posts_with_an_object_and_a_deed_word_are_left_alone(text):
    assert [f for f in run(REC, text) if f.score >= 0.5] == []


THIRD_STEP = [
    (
        "Kalung pasien hilang waktu dimandikan, yang jaga perawat Sri Wahyuni, pasti dia yang ambil.",
        "dia yang ambil",
    ),
    (
        "Bidan Lestari Ningrum pakai pelet buat narik pasien, makanya posyandu lain sepi.",
        "pakai pelet",
    ),
    (
        "Apotek Sumber Waras jual obat palsu, pemiliknya dapat barang dari gudang gelap.",
        "jual obat palsu",
    ),
]


@pytest.mark.parametrize(("text", "cue"), THIRD_STEP)
def test_theft_black_magic_and_fake_goods_against_a_target(text, cue):
    found = run(REC, text)
    assert cue in [f.meta["cue_text"] for f in found]


def test_a_warning_about_fake_medicine_without_a_target_is_not_an_accusation():
    text = "Waspada obat palsu yang dijual murah di marketplace, beli hanya di apotek resmi."
    assert [f for f in run(REC, text) if f.score >= 0.5] == []


# language data 1.4.0: a bribe taken or demanded as "setoran", and the speaker's admission in
# other words; a cash deposit at the bank is not an accusation (posts by the bijak authors)
@pytest.mark.parametrize(
    "text",
    [
        "Kabid kita, Pak Wiryawan Santosa, terima setoran dari tiap bidan desa biar dapat formasi.",
        "Bu Lestari Anggraini itu minta setoran ke semua kepala ruangan. Belum punya bukti sih, tapi semua juga tahu.",
    ],
)
def test_a_bribe_called_setoran_against_a_named_person(text):
    found = run(REC, text)
    assert found and found[0].category == "fitnah", text


def test_a_cash_deposit_called_setoran_is_not_an_accusation():
    text = "Bendahara, Bu Lestari Anggraini, melakukan setoran tunai ke kas daerah setiap Jumat."
    assert run(REC, text) == []
