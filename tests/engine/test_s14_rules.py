"""Session 14: word rules studied on development batch 45. Every post is written by the bijak
authors for this test; names and numbers are invented."""

from __future__ import annotations

import pytest
from fa_checks import verdict

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    """The word rules alone: what these tests check does not depend on the trained model."""
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


RAISED = [
    # a vaccine or a psychiatric medicine said to harm a child's speech or the brain, and the
    # advice that follows
    (
        "hoaks",
        "Hampir semua anak yang telat bicara di sini habis imunisasi MR. Sudah jelas vaksin itu "
        "bikin anak telat bicara, mending tunda dulu.",
    ),
    (
        "hoaks",
        "Obat risperidon itu bikin otak mengecil permanen, makanya pasien diam terus. Stop minum "
        "saja.",
    ),
    # a made-up outbreak or a free service said to stop, told as inside knowledge
    (
        "hoaks",
        "Di desa sebelah sudah puluhan anak kena difteri, ada yang mati. Saudara saya perawat "
        "di situ, jadi saya tahu. Sampaikan ke grup lain.",
    ),
    (
        "hoaks",
        "Kemenkes mau stop berobat gratis untuk lansia. Beta karja di RS, beta tau. Kasi tau "
        "mama papa dong.",
    ),
    # a slur during screening work is still a slur
    (
        "sara",
        "Pulang skrining di pulau, baju bau amis orang Bajo, pantas disebut suku kotor.",
    ),
    # an official belittled by office
    (
        "penghinaan",
        "Pak Camat datang cuma foto lalu pulang. Camat model begini cocoknya dipasung juga.",
    ),
    ("penghinaan", "Kami minta bantu malah ketawa. Aparat mental preman, otak di dengkul semua."),
    # the state called enemy land; an oath to an amir taught as 'sirah'
    ("radikalisme", "Materi kajian tertutup malam ini: Indonesia wilayah darul harbi."),
    (
        "radikalisme",
        "Kemah bina mujahid cilik, materinya sirah perang dan bai'at setia kepada amir.",
    ),
    # a new case named with an age
    (
        "data_pribadi",
        "Kasus kusta MB baru di kampung: Mama Agustina Gebze, 39 th, bercak mati rasa di kaki.",
    ),
    # unsourced: a share of drug users given as a fact, a clean-for-life promise, immunity
    (
        "tanpa_sumber",
        "Tahukah kalian? 3 dari 4 pecandu mulai pakai karena kurang tidur waktu SMA.",
    ),
    (
        "tanpa_sumber",
        "Ikut program metadon di tempat kami enam bulan, dijamin bersih total seumur hidup.",
    ),
    (
        "tanpa_sumber",
        "Cuci tangan pakai air rebusan daun sirih bikin anak kebal flu sepanjang tahun.",
    ),
    # patients denied their humanity, wished dead, to be sterilised; a Makassar curse
    ("ujaran_kebencian", "ODGJ itu udah bukan manusia, cuma badan doang, lebih aman dirantai."),
    ("ujaran_kebencian", "Bibit gila begitu harusnya dimandulkan biar tidak beranak pinak."),
    ("ujaran_kebencian", "Pasien PTRM mati satu, alhamdulillah berkurang satu beban."),
    ("kata_kasar", "Ikhlas apa kongkong, insentif telat 3 bulan baru disuruh senyum terus."),
    # a cure promised by the writer stays a claim
    ("tanpa_sumber", "Minum rebusan daun ini, dijamin sembuh total dari TBC."),
    (
        "ujaran_kebencian",
        "Sosialisasi lagi soal kusta. Jujur saja orang kusta itu sampah, bikin jijik.",
    ),
]


@pytest.mark.parametrize(("category", "text"), RAISED)
def test_rule_raises(rules, category, text):
    assert verdict(rules.analyze(text), category) != "aman"


LEFT = [
    # name-calling quoted in order to stop it
    ("ujaran_kebencian", "Konseling HIV hari ini. Stop bilang mereka 'sampah' atau 'kena azab'."),
    ("ujaran_kebencian", "Jang bilang orang gila tu 'hama'. Dong sakit, bukan jahat."),
    ("ujaran_kebencian", "Anak dengan cerebral palsy itu bukan 'anak kutukan'. Mari bantu rujuk."),
    # name-calling the writer tells someone not to say, unquoted
    ("ujaran_kebencian", "Jangan bilang orang gila itu hama, mereka sakit, bukan jahat."),
    # Toraja "tae'" is "not"
    ("kata_kasar", "TB bisa sembuh, tae' perlu malu. Ayo periksa ke puskesmas."),
    # a service named in the next sentence after a hardship
    (
        "keluhan_layanan",
        "Katanya biskuit PMT bikin susah lahir. Sa su tanya bidan puskesmas, itu hoaks.",
    ),
    # the question about a candidate's number, and the answer that keeps it secret
    ("politik", "Banyak pasien tanya 'Bu, pilih nomor berapa?' Jawaban saya: itu rahasia."),
    # a cure promise someone else makes, in a warning; a cure tied to treatment as prescribed
    (
        "tanpa_sumber",
        "Ada 3 pasien keracunan ramuan dari medsos. Jangan percaya video yang janji sembuh "
        "total, periksa dulu ke dokter.",
    ),
    ("tanpa_sumber", "TBC itu kuman. Bisa sembuh total kalau obat diminum teratur sampai habis."),
    # a count of cases and a named volunteer in another sentence
    (
        "data_pribadi",
        "Kasus kusta turun 20 persen tahun ini. Terima kasih Pak Budi Santoso, 45 th, kader.",
    ),
    ("penghinaan", "Pak Camat datang meresmikan posyandu baru, terima kasih atas dukungannya."),
    ("radikalisme", "Kisah nabi di perang Badar jadi materi ceramah tarawih malam ini."),
    # said in defence of a group
    ("ujaran_kebencian", "ODGJ itu bukan manusia kelas dua, mereka berhak dirawat."),
    # medicine stopped on the doctor's advice; spam deleted from a schedule post
    (
        "hoaks",
        "Obat pereda nyeri aku minum sesuai jadwal, pas nyeri hilang aku tanya dokter terus "
        "dihentikan.",
    ),
    # an internship doctor's living-cost allowance
    (
        "penipuan",
        "Bantuan biaya hidup internsip terlambat 2 bulan karena proses administrasi pusat.",
    ),
    # a radical message sent into the group, removed and reported
    (
        "radikalisme",
        "Ada nomor asing di grup kader yang kirim ajakan baiat dan bilang pemerintah thaghut. "
        "Nomornya sudah kami keluarkan dan kami laporkan ke Bhabinkamtibmas.",
    ),
]


@pytest.mark.parametrize(("category", "text"), LEFT)
def test_rule_leaves_ordinary_post(rules, category, text):
    assert verdict(rules.analyze(text), category) == "aman"


def test_a_negation_reaches_over_filler_words():
    from bijak.engine.context import load_context, negated_at

    neg = frozenset({"jangan", "tidak", "bukan"})
    fill = load_context("id").negation_fillers
    words = "jadi jangan mi lagi usir mereka".split()
    assert negated_at(words, words.index("usir"), neg, fill)
    words = "jangan datang lalu usir mereka".split()
    assert not negated_at(words, words.index("usir"), neg, fill)
    assert not negated_at(["usir"], 0, neg, fill)
    # session 15: the lexicon's quotation reach is the same function's
    text = "itu bukan 'anak kutukan'"
    words = ["itu", "bukan", "anak", "kutukan"]
    starts = [text.index(w) for w in words]
    ends = [a + len(w) for a, w in zip(starts, words)]

    def gap(k: int) -> str:
        return text[ends[k - 1] : starts[k]]

    assert negated_at(words, 3, neg, fill, gap=gap)
    assert not negated_at(words, 3, neg, fill)


def test_claim_verbs_are_single_words():
    # claim verbs are matched word by word: a phrase would add each of its words on its own
    # ("bersih total" made "total" a claim verb)
    from importlib import resources

    import yaml

    data = yaml.safe_load(
        resources.files("bijak.engine.lang.id").joinpath("health_claims.yaml").read_text("utf-8")
    )
    assert [v for v in data["claim_verbs"] if " " in str(v)] == []
