"""bijak.unsourced_claim.v1: health claims without a source (tanpa_sumber, A.5).

Posts written by the bijak authors for this test; no dataset text.
"""

from __future__ import annotations

import pytest
from engine_helpers import run

from bijak.engine import analyze
from bijak.engine.recognizers.unsourced_claim import make_unsourced_claim_recognizer

REC = make_unsourced_claim_recognizer()


def raised(text: str) -> list[tuple[str, float]]:
    """The findings strong enough to count as a caution, as (evidence, score)."""
    return [(f.evidence, f.score) for f in run(REC, text) if f.score >= 0.5]


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


# rules-recall (v1.2 of the language data): structural pieces, each with an ordinary post the
# same words leave alone. Posts written by the bijak authors; invented products and numbers.
STRUCTURAL = [
    # advice against care: "tidak" + a need word, fillers only, then a kind of care
    (
        "Rebusan sereh tiap sore, tidak perlu lagi minum obat kolesterol.",
        "tidak perlu lagi minum obat",
    ),
    ("Kapsul daun kelor ini bikin tensi aman, stop obat dokter saja.", "stop obat dokter"),
    # a ratio given as a fact, with no source
    ("Tujuh dari sepuluh penderita maag ternyata salah makan.", "Tujuh dari sepuluh"),
    # a promise raised by a certainty word elsewhere in its sentence
    (
        "Anak yang minum susu kambing dijamin tidak gampang sakit, percaya deh.",
        "tidak gampang sakit",
    ),
    # a vague study is no source, and it claims certainty
    (
        "Penelitian membuktikan jus seledri menurunkan tensi sampai 40 persen.",
        "menurunkan tensi sampai 40 persen",
    ),
]


@pytest.mark.parametrize(("text", "piece"), STRUCTURAL)
def test_structural_claims_are_a_caution_and_name_their_words(text, piece):
    found = run(REC, text)
    assert piece in [f.evidence for f in found]
    hit = next(f for f in found if f.evidence == piece)
    assert hit.score >= 0.5
    assert hit.meta["term"]  # the words that triggered it, for the explanation


def test_a_certainty_word_is_named_in_the_term_of_the_promise_it_raises():
    found = run(REC, "Anak yang minum susu kambing dijamin tidak gampang sakit, percaya deh.")
    assert any(f.meta["term"].startswith("dijamin + ") for f in found)


ORDINARY_STRUCTURAL = [
    "Tidak perlu bayar obat di puskesmas, semua ditanggung BPJS.",
    "Tidak perlu antre lama untuk vaksin, daftar saja lewat aplikasi.",
    "Jangan berhenti minum obat TB sebelum enam bulan walau sudah merasa sehat.",
    "Dua dari tiga anak saya sudah lulus kuliah, alhamdulillah.",
    "Turun berat badan 4 kilo dalam dua bulan dengan jalan kaki tiap pagi.",
    "Menurut penelitian di jurnal Lancet 2021, vaksin campak menurunkan kematian 80 persen.",
    "Stop obat nyamuk bakar di kamar bayi ya, asapnya bikin batuk.",
]


@pytest.mark.parametrize("text", ORDINARY_STRUCTURAL)
def test_ordinary_posts_with_the_same_words_are_left_alone(text):
    assert raised(text) == []


# rules-recall, second step: imperatives against medicine as such, comparisons with care,
# products promoted with a result, vague authorities, quick results in a time.
MORE_STRUCTURAL = [
    (
        "Sakit gigi anak jangan dikasih obat dokter, kumur air sirih saja.",
        "jangan dikasih obat dokter",
    ),
    (
        "Sari buah naga ini lebih ampuh dari obat darah tinggi.",
        "lebih ampuh dari obat darah tinggi",
    ),
    (
        "Koyo magnet ini melancarkan peredaran darah dan kolesterol ikut turun.",
        "Koyo magnet ini melancarkan",
    ),
    (
        "Para ahli sudah sepakat bahwa rendaman kayu secang bisa menyembuhkan asma.",
        "bisa menyembuhkan",
    ),
    ("Oles minyak kemiri ini, ruam kulit bayi hilang total dalam 2 hari.", "hilang total"),
]


@pytest.mark.parametrize(("text", "piece"), MORE_STRUCTURAL)
def test_more_structural_claims_are_a_caution(text, piece):
    found = run(REC, text)
    assert any(f.evidence == piece and f.score >= 0.5 for f in found), [
        (f.evidence, f.score) for f in found
    ]


MORE_ORDINARY = [
    "Jangan minum obat sembarangan, tanya apoteker dulu ya.",
    "Jangan lupa minum obat dokter sesuai jadwal, Pak.",
    "Layanan di puskesmas baru ini lebih cepat dari tahun lalu.",
    "Teh ini enak diminum hangat sore-sore sambil baca buku.",
    "Turun 3 kilo dalam dua bulan, pelan-pelan yang penting konsisten.",
]


@pytest.mark.parametrize("text", MORE_ORDINARY)
def test_more_ordinary_posts_are_left_alone(text):
    assert raised(text) == []


def test_a_programme_statistic_is_not_a_health_claim():
    # a rise reported by a programme is no remedy's promise; a survey is named
    assert [
        f
        for f in run(REC, "Tes HIV di kelompok dampingan naik 35% setelah penjangkauan.")
        if f.score >= 0.5
    ] == []
    assert run(REC, "Hasil survei: 3 dari 10 penderita kusta pernah ditolak layanan publik.") == []


def test_a_scare_stated_with_certainty_is_a_claim_too():
    found = run(REC, "Ibu hamil minum soda sedikit saja pasti keguguran, tanpa pengecualian.")
    assert any(f.score >= 0.5 for f in found)
    # the same outcome, told as a risk with its source, is not
    sourced = "Menurut WHO, infeksi rubela saat hamil bisa menyebabkan keguguran."
    assert run(REC, sourced) == []


# rules-recall, session 5: gaul, regional and English claim words, vague studies, "never gets
# it" promises; verbs common outside health need a health word that is not an everyday one.
SESSION5_CLAIMS = [
    "Anak yang sering main hujan pasti kena radang paru, percaya deh.",
    "Honestly, apple cider vinegar cures acid reflux, no need for meds.",
    "Yang rajin minum kopi pahit ora bakal kena diabetes, wis terbukti.",
    "Kata penelitian, rutin makan tempe bikin kolesterol turun drastis.",
    "Sup ceker tiap hari, tulang lutut yang aus pasti tumbuh lagi.",
]


@pytest.mark.parametrize("text", SESSION5_CLAIMS)
def test_session5_claims_are_a_caution(text):
    assert raised(text), run(REC, text)


SESSION5_ORDINARY = [
    "Harga cabai naik lagi, pasti ibu-ibu di pasar pada ngeluh.",
    "Hujan terus, jemuran pasti nggak kering, anak-anak juga nggak bisa main.",
    "Antar anak sekolah jam segini pasti kena macet di perempatan.",
    "Anak-anak pasti kuat menghadapi ujian minggu depan, semangat ya nak!",
    "Baterai hp anak saya pasti mati kalau dipakai main game seharian.",
    "Kata penelitian di jurnal Gizi Indonesia 2022, konsumsi tempe membantu menurunkan kolesterol.",
    "Katanya air kelapa bisa ngancurin batu ginjal. Itu ada penelitiannya atau cuma kata orang?",
    "Cakupan imunisasi naik menjadi 87 persen menurut data dinas kesehatan bulan lalu.",
]


@pytest.mark.parametrize("text", SESSION5_ORDINARY)
def test_session5_ordinary_posts_are_left_alone(text):
    assert raised(text) == []


# casual dosage advice and the "nobody tells you" frame (health_claims 1.3.0)
DOSE_CLAIMS = [
    "Sakit gigi? Minum ibuprofen 3 tablet sekaligus, lima menit juga reda.",
    "Batuk pilek cukup obat batuk sisa kemarin 2 sendok, dijamin besok pagi enakan.",
    "Vitamin C 3.000 mg sehari biar nggak gampang flu, makin banyak makin bagus.",
    "Kenapa nggak ada yang bilang kalau rendaman jahe bisa menurunkan tensi dalam sehari?",
]


@pytest.mark.parametrize("text", DOSE_CLAIMS)
def test_casual_dosage_and_rhetorical_claims_are_a_caution(text):
    assert raised(text), run(REC, text)


DOSE_ORDINARY = [
    "Beli paracetamol 2 strip sekaligus buat stok di rumah, harganya lagi murah.",
    "Dokter meresepkan amoksisilin 500 mg tiga kali sehari, harus dihabiskan.",
    "Paracetamol dewasa maksimal 8 tablet sehari, jangan diminum sekaligus ya.",
    "Kemarin ikut donor darah, dapat 2 butir telur rebus sama susu kotak sekaligus. Mantap!",
    "Minum 2 tablet tambah darah sekaligus sesuai anjuran bidan waktu haid.",
]


@pytest.mark.parametrize("text", DOSE_ORDINARY)
def test_doses_with_a_safe_frame_or_no_medicine_are_left_alone(text):
    assert raised(text) == []


# a health statistic stated as a fact, with no source (health_claims 1.3.0)
STAT_CLAIMS = [
    "Yang suka makan mi instan tiap hari risiko kanker lambungnya naik 300 persen, hati-hati.",
    "Begadang terus bikin kamu 5 kali lebih gampang kena stroke, risikonya 5 kali lipat.",
    "Fakta: 80% orang dewasa di kota besar sudah kena hipertensi tanpa sadar.",
]


@pytest.mark.parametrize("text", STAT_CLAIMS)
def test_a_health_statistic_without_a_source_is_a_caution(text):
    assert raised(text), run(REC, text)


STAT_ORDINARY = [
    "Sekitar 60 persen warga RT kami ikut senam jantung sehat tiap Minggu, semangat terus!",
    "Cakupan imunisasi dasar lengkap di desa kami naik 12 persen dibanding tahun lalu.",
    "Ternyata 70 persen pasien diabetes di puskesmas kami sudah rutin kontrol, terima kasih kader.",
    "Diskon 50 persen untuk cek gula darah di klinik kami minggu ini.",
    "Menurut WHO, merokok menaikkan risiko kanker paru sampai 20 kali lipat.",
]


@pytest.mark.parametrize("text", STAT_ORDINARY)
def test_programme_figures_and_sourced_statistics_are_left_alone(text):
    assert raised(text) == []


def test_throwing_away_expired_medicine_is_not_advice_against_care():
    text = "Buang semua obat kedaluwarsa di rumah dengan cara yang benar, jangan ke selokan."
    assert raised(text) == []
    assert raised("Buang semua obat dokter, ganti jamu saja.")


# a certainty said after the claim, and a vague study claiming a comparison (1.3.0)
AFTERTHOUGHT_CLAIMS = [
    "Gelang ion ini menormalkan tensi dan asam urat dalam seminggu. Dijamin!",
    "Minum rebusan sereh tiap malam bikin kolesterol turun, itu sudah pasti.",
    "Penelitian terbaru bilang anak yang minum susu kambing pasti lebih tinggi dari teman-temannya.",
]


@pytest.mark.parametrize("text", AFTERTHOUGHT_CLAIMS)
def test_afterthought_certainty_and_vague_comparisons_are_a_caution(text):
    assert raised(text), run(REC, text)


AFTERTHOUGHT_ORDINARY = [
    "Timnas menang lagi malam ini, juara sudah pasti!",
    "Rapat evaluasi posyandu besok jam sembilan, pasti.",
    "Tensi ibu saya sudah normal setelah kontrol rutin. Dijamin kami tetap ikut prolanis.",
]


@pytest.mark.parametrize("text", AFTERTHOUGHT_ORDINARY)
def test_ordinary_certainty_is_left_alone(text):
    assert raised(text) == []


def test_javanese_possessive_organs_and_dialysis_promises():
    # "ginjale" is "ginjal" (a health word); "ora bakal cuci darah" is a promise
    text = "Wong sing rajin mangan pete iku ginjale sehat, ora bakal cuci darah."
    assert raised(text)
    # an everyday word with the same ending stays what it is
    assert raised("Montore wis resik, pasti kuat nanjak.") == []
