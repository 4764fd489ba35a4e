"""bijak.chain_hoax.v1: health scares and miracle claims wrapped as chain messages (hoaks).

New word classes of the language data v1.1.0 (rules-recall): each with a hoax it catches and
an ordinary post with the same words it leaves alone. Posts written by the bijak authors for
this test; no dataset text.
"""

from __future__ import annotations

import pytest
from engine_helpers import run

from bijak.engine.recognizers.chain_hoax import make_chain_hoax_recognizer

REC = make_chain_hoax_recognizer()

HOAXES = [
    # a new subject and harm, gaul spreading call
    ("Termometer tembak di dahi itu merusak otak anak, viralin biar pada tahu!", "merusak otak"),
    # Javanese spreading call
    ("Es batu dari warung isine racun, bocahe tanggaku nganti kejang. Sebarke!", "isine racun"),
    # hearsay from a voice note, a new harm
    ("Transkrip VN dari perawat: garam beryodium bikin bodoh anak-anak kita.", "bikin bodoh"),
    # "the government keeps quiet"
    ("Pembalut murah mengandung formalin, pemerintah sengaja bungkam.", "mengandung formalin"),
    # a call to refuse care is a wrapper of its own kind
    ("Ojo gelem anakmu diimunisasi BCG, isine zat pemandul.", "zat pemandul"),
    ("Moms, jangan mau pasang KB spiral, bisa bikin kanker rahim.", "kanker rahim"),
    # a rumour dressed as an official notice
    ("Info resmi dari Dinkes: air PDAM kota sudah tercemar, harap diteruskan.", "tercemar"),
]


@pytest.mark.parametrize(("text", "harm"), HOAXES)
def test_a_wrapped_claim_is_a_hoax_and_names_its_words(text, harm):
    found = run(REC, text)
    assert found, text
    assert harm in found[0].meta["cue_text"].lower() or harm in found[0].meta["term"]
    assert found[0].category == "hoaks"


ORDINARY = [
    # the same subject and harm, no wrapper
    "Termometer tembak aman dipakai, tidak merusak otak. Cek faktanya di situs Kemenkes.",
    # a wrapper and a subject, no harm
    "Sebarke jadwal imunisasi polio minggu depan ke grup RT ya.",
    # hand sanitizer kills germs: not a harm
    "Hand sanitizer membunuh virus di tangan, share ke grup kantor ya.",
    # a refusal call with no scare in it
    "Tolak narkoba, jangan mau dibujuk teman. Jaga kesehatan keluarga.",
    "Jangan mau kalah semangat, imunisasi BCG gratis di posyandu Sabtu ini.",
    # a thank-you forwarded from a group: care named, no scare
    "Info dari grup RT: layanan BPJS untuk cuci darah ibu saya lancar, terima kasih petugas.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_posts_with_the_same_words_are_left_alone(text):
    assert run(REC, text) == []


# language data v1.2.0 (session 5): the "nobody tells you" frame, care called a business,
# hearsay passed on in talk, English and regional forms.
SESSION5_HOAXES = [
    "Kok nggak ada yang bilang ya, air isi ulang itu dicampur zat penenang sama pabriknya?",
    "Sekadar info, semangka merah menyala di pasar itu disuntik pewarna yang bikin gagal ginjal.",
    "Big pharma doesn't want you to know: vaksin mRNA itu rewrite your DNA.",
    "Wong kena kanker ora usah kemo, kemo malah gawe kankere nyebar, aku ngerti dewe.",
]


@pytest.mark.parametrize("text", SESSION5_HOAXES)
def test_session5_wrapped_claims_are_hoaxes(text):
    found = run(REC, text)
    assert found and found[0].category == "hoaks", text


SESSION5_ORDINARY = [
    "Ada yang nyebar pesan soal vaksin di grup alumni, itu tidak benar. Tolong stop forward.",
    "Followers akun promkes kami meledak setelah video senam lansia viral, share ke grup ya!",
    "Sekadar info, air isi ulang di depo RW kami sudah lolos uji laboratorium dinkes.",
    "Kenapa dokter minta anak diimunisasi campak? Karena campak bisa bikin radang otak.",
]


@pytest.mark.parametrize("text", SESSION5_ORDINARY)
def test_session5_ordinary_posts_are_left_alone(text):
    assert run(REC, text) == []


def test_a_scare_with_a_deleted_news_frame_is_a_hoax_and_a_dose_story_is_not():
    hoax = "Vaksin polio tahun ini dicampur obat penenang. Beritanya sudah dihapus, cepat simpan."
    assert run(REC, hoax)
    story = "Dokter menurunkan dosis obat penenang ibu pelan-pelan, katanya tidak boleh mendadak."
    assert run(REC, story) == []


# language data v1.4.0: a made-up programme rule said in everyday words (the card blocked, the
# cost "nggak nanggung", blood samples "dijual ke" abroad), and the same words told plainly
RULE_HOAXES = [
    "Info internal: mulai Januari kartu BPJS yang belum ikut CKG otomatis diblokir. Sebarkan ke keluarga!",
    "Teman saya kerja di lab, sampel darah CKG itu dijual ke perusahaan asing. Makanya gratis.",
    "Aturan baru ya gaes, BPJS nggak nanggung lagi pasien yang belum CKG. Share ke ortu kalian.",
]
RULE_ORDINARY = [
    "Operasi estetika memang tidak ditanggung BPJS, begitu aturannya sejak dulu.",
    "Kartu BPJS saya sempat diblokir karena tunggakan, setelah dilunasi aktif lagi.",
    "Sampel darah CKG dikirim ke labkesda untuk diperiksa, hasilnya keluar tiga hari.",
]


# a harm asserted as certain and forever, and "they forbid it" frames (language data 1.2.0)
CERTAIN_HOAXES = [
    "Pil KB itu bikin mandul permanen, banyak yang sudah lepas tetap tidak bisa hamil.",
    "Obat herbal ini sudah menyembuhkan kanker, tapi dokter dilarang meresepkan karena lobi farmasi.",
    "Ibu-ibu, 4 vaksin sekaligus bisa bikin otak bayi bengkak. Tunda saja sampai umur 2 tahun.",
]


@pytest.mark.parametrize("text", CERTAIN_HOAXES + RULE_HOAXES)
def test_certain_harms_forbidding_frames_and_made_up_rules_are_hoaxes(text):
    found = run(REC, text)
    assert found and found[0].category == "hoaks", text


CERTAIN_ORDINARY = [
    "Obat diabetes jangan dihentikan sendiri karena gula darah bisa naik dan ginjal rusak permanen.",
    "Merokok adalah penyebab utama kanker paru, yuk berhenti merokok mulai hari ini.",
    "Kebisingan di pabrik bisa bikin tuli permanen, pakai pelindung telinga ya.",
    "Tunda saja dulu imunisasinya kalau anak sedang demam tinggi, kata bidan desa kami.",
    "Hipertensi kalau dibiarkan bisa bikin stroke dan ginjal rusak permanen, rutin cek tensi ya.",
]


@pytest.mark.parametrize("text", CERTAIN_ORDINARY + RULE_ORDINARY)
def test_risk_education_adherence_advice_and_plain_programme_news_are_left_alone(text):
    assert run(REC, text) == []
