"""Session 6 (rc2) recall of the word rules for tanpa_sumber: classes of unsourced health claims
the rules missed are now raised (`tinjau`, rules only), and ordinary posts with the same words
stay `aman`. Posts written by the bijak authors for this test (new sentences); no dataset text.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS

RULES = Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


def verdict(text: str) -> str:
    report = RULES.analyze(text)
    return next((c.verdict for c in report.categories if c.id == "tanpa_sumber"), "aman")


RAISED = [
    # a harm said to follow from a habit or a product, as a fact
    "Sedotan plastik yang dipakai minum kopi panas itu bikin kanker usus, ganti sedotan bambu.",
    "Lampu tidur warna biru memicu migrain pada anak, matikan semua lampu kamar.",
    "Bedak tabur bayi itu penyebab utama asma, mending jangan dipakai lagi.",
    "Air rebusan yang diinapkan semalam berubah jadi racun buat lambung.",
    "Pewangi ruangan semprot itu merusak sel otak anak kalau dipakai tiap hari.",
    "Mi instan dimakan pakai nasi bikin anak cepat diabetes, percaya deh.",
    # care refused outright, or skipped
    "Jangan mau anaknya disuntik vaksin campak di sekolah, cukup kasih madu saja.",
    "Ojo gelem divaksin, mending ngombe jamu wae.",
    "Kalau dada nyeri cukup minum air jahe, nggak usah dibawa ke IGD.",
    "Gigi berlubang cukup kumur air garam, tidak perlu ke dokter gigi.",
    # a harm with certainty
    "Bayi yang dimandikan pakai air dingin pasti pilek besoknya.",
    "Makan durian habis minum kopi dijamin kejang, hati-hati ya.",
    "Telur dua butir sehari, kolesterol pasti naik.",
    # the size of an effect, or an equivalence
    "Jalan kaki sesudah makan bakar lemak 4x lebih banyak dari jalan pagi.",
    "Minum jus seledri bikin imun naik tiga kali lipat.",
    "Satu kaleng minuman bersoda setara 12 sendok gula buat ginjal kita.",
    # a hospital named in the claim does not make it a story of care received
    "Jangan mau dioperasi di rumah sakit, cukup minum rebusan daun salam tiap pagi.",
    "Sabun cuci piring yang wangi itu bikin kanker hati, sudah banyak korbannya di rumah sakit.",
]

SAFE = [
    # what a disease does, taught; an official warning with a hedge
    "Hipertensi yang tidak terkontrol diam-diam merusak ginjal dan jantung. Cek tensi rutin "
    "di posbindu terdekat.",
    "Merokok dapat menyebabkan kanker paru dan serangan jantung. Yuk berhenti merokok.",
    # a debunk, a question, a negation
    "Kabar bahwa vaksin membuat mandul itu hoaks, vaksin sudah diuji dan aman.",
    "Benar tidak sih lampu biru memicu migrain? Ada yang punya sumbernya?",
    "Pemanis buatan tidak menyebabkan kanker menurut kajian BPOM.",
    # the same words about something else
    "Kue buatan ibu bikin anak-anak senang sekali sore ini.",
    "Hujan deras bikin jalan ke puskesmas banjir, jadwal posyandu diundur.",
    "Jangan mau kalah semangat, tim lari kantor kita pasti bisa.",
    "Kesuburan biasanya kembali beberapa bulan setelah berhenti suntik KB, konsultasikan "
    "ke bidan kalau ragu.",
    # a warning that sends readers to care
    "Puasa air putih seminggu itu berbahaya, bisa bikin batu empedu. Konsultasi ke ahli gizi "
    "dulu sebelum mencoba diet apa pun.",
    # a story of care received
    "Alhamdulillah Bapak sudah pulang dari rumah sakit setelah operasi jantung, terima kasih "
    "doanya.",
    # programme figures and news of a claim
    "Cakupan skrining TBC di kecamatan kami naik dua kali lipat tahun ini.",
    "Penemuan kasus DBD naik 40% berkat kader jumantik yang rajin berkeliling.",
    "Dinkes menutup klinik yang mengiklankan terapi penyembuh stroke 100 persen tanpa izin.",
    # an official figure with its source
    "Batas gula harian orang dewasa 50 gram, setara empat sendok makan. Sumber: "
    "https://ayosehat.kemkes.go.id",
]


@pytest.mark.parametrize("text", RAISED)
def test_new_classes_of_unsourced_claims_are_raised_by_the_rules(text):
    assert verdict(text) == "tinjau"


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_posts_with_the_same_words_stay_aman(text):
    assert verdict(text) == "aman"
