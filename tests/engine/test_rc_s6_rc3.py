"""Rules-only recall for ``hoaks`` (session 6, rc3): classes of hoaxes the word rules now raise.

Made-up rules (a service and a sanction: a fine, a cut-off, a new fee), fake recalls and
contamination, rigged devices, the claim drawn as the settled cause ("makanya"), miracle cures
sold by their result with the doctor amazed, and recurring hoaxes now in the claims knowledge
base (earthquake prediction, organ theft, the WhatsApp fee chain...). Each class is tested both
ways: a new hoax of the class is raised by the RULES (no trained model), and an ordinary post
with the same words (a real notice, a patient's story, a debunk, a question) stays ``aman``.

Posts written by the bijak authors for this test; no dataset text.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.chain_hoax import chain_hoax_data

RULES = Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


def _verdict(text: str) -> str:
    report = RULES.analyze(text)
    return next((c.verdict for c in report.categories if c.id == "hoaks"), "aman")


def _hoaks_findings(text: str) -> list:
    return [f for f in RULES.findings(text) if f.category == "hoaks" and f.score > 0]


HOAXES = [
    # made-up rule: a service and a sanction, hearsay or an urgent call
    "Kata kenalan di kelurahan, peserta BPJS yang telat bayar iuran dua bulan bakal didenda "
    "sejuta. Siap-siap ya semuanya.",
    "Dengar-dengar pasien BPJS sekarang tidak ditanggung lagi kalau operasi katarak, harus beli "
    "lensa sendiri. Buruan operasi sebelum telat!",
    "Kabar dari grup RT: warga yang tidak ikut posyandu lansia kartu BPJS-nya dinonaktifkan, "
    "sudah dikonfirmasi langsung pihak kecamatan.",
    # a fake recall or contamination of food and goods
    "Dari grup ibu-ibu: tepung terigu curah di pasar dicampur serbuk kapur, makanya banyak anak "
    "batuk. Jangan beli dulu ya.",
    "Jangan makan jeruk impor minggu ini, kulitnya disuntik pewarna beracun. Teruskan ke semua "
    "keluarga!",
    # a rigged device, with a hidden motive
    "Timbangan bayi di posyandu sengaja dikurangi biar banyak yang tercatat gizi kurang, kejar "
    "target program. Timbang ulang di rumah!",
    # the claim drawn as the settled cause of what people see
    "Minyak goreng kemasan sekarang mengandung timbal, makanya anak zaman sekarang gampang sakit.",
    # a miracle cure sold by its result, care no longer needed
    "Mertua saya minum jus seledri tiap pagi, gula darah langsung turun dan tidak perlu insulin "
    "lagi. Dokter sampai bingung lihat hasilnya.",
    # recurring hoaxes now in the claims knowledge base
    "Tolong waspada, katanya BMKG sudah tahu gempa besar bakal terjadi Kamis dini hari disusul "
    "tsunami, keluarga di pesisir segera mengungsi.",
    "Hati-hati, ada mobil van putih yang menculik murid SD untuk diambil ginjalnya lalu organnya "
    "dijual ke luar negeri.",
    "Pesan dari admin: akun WhatsApp kena biaya harian kalau pesan ini tidak kamu teruskan ke "
    "sepuluh kontak. Jangan diputus!",
    "Yang sering donor darah lama-lama pasti kena anemia, soalnya darah yang disedot tidak "
    "pernah diganti tubuh.",
    "Kalau saudara kejang, cepat ganjal mulutnya pakai sendok biar lidahnya tidak tertelan.",
    "Awas, jeruk dari luar negeri disuntik darah pengidap HIV, kalau ada bintik merah jangan "
    "dimakan.",
]


@pytest.mark.parametrize("text", HOAXES)
def test_a_new_hoax_of_each_class_is_raised_by_the_rules(text):
    assert _verdict(text) != "aman", (text, _hoaks_findings(text))


ORDINARY = [
    # a real notice of the same service, with a date and a channel, no sanction rumour
    "Mulai bulan depan pendaftaran peserta BPJS baru di kantor cabang bisa lewat aplikasi "
    "Mobile JKN. Info lengkap di kanal resmi BPJS Kesehatan.",
    # a patient's story names a service and an illness, never a sanction
    "Info dari grup RT: ibu saya pasien BPJS, dirawat inap tiga hari karena sesak napas. "
    "Pelayanannya baik, terima kasih perawat ruang melati.",
    # a fine that is real and sourced
    "Perda kota kami mengatur denda bagi yang membuang sampah sembarangan; sosialisasinya "
    "diadakan kelurahan Sabtu ini.",
    # food advice with the same words, no scare
    "Tepung terigu di Indonesia wajib difortifikasi zat besi dan asam folat. Jangan lupa "
    "simpan di wadah tertutup supaya tidak berkutu.",
    # a debunk of the same claims stays safe
    "Hoaks lama muncul lagi: gempa bisa diprediksi tanggal dan jamnya. Faktanya BMKG tidak "
    "pernah meramal gempa, cek selalu kanal resmi BMKG.",
    "Cek fakta: kabar penculikan anak untuk diambil organnya sudah dibantah polisi. Jangan "
    "ikut menyebarkan ya.",
    # a question about a claim
    "Ada yang tahu benar tidak sih donor darah bikin anemia? Saya mau donor bulan depan.",
    # first aid done right
    "Saat anak kejang, miringkan badannya dan jangan masukkan apa pun ke mulutnya. Catat "
    "lamanya kejang lalu bawa ke IGD.",
    # a cure word in an ordinary recovery story
    "Alhamdulillah setelah kontrol rutin dan minum obat dari dokter, gula darah bapak sudah "
    "stabil. Tetap jaga pola makan.",
    # a device check done properly
    "Kader posyandu menera ulang timbangan bayi setiap tiga bulan supaya hasil penimbangan akurat.",
    # hearsay later confirmed by an official letter
    "Kemarin cuma kabar dari grup, sekarang resmi: poli gigi puskesmas tutup Jumat ini karena "
    "renovasi, sesuai surat kepala puskesmas.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_posts_with_the_same_words_stay_safe(text):
    assert _verdict(text) == "aman", (text, _hoaks_findings(text))


def test_services_pair_only_with_sanctions():
    """A service (BPJS card, ambulance) with an illness is a story; with a fine it is a rule."""
    roles = {e.role for _, e in chain_hoax_data().items}
    assert {"service", "sanction"} <= roles
    story = "Katanya pasien BPJS di bangsal itu sesak napas semalam, semoga lekas pulih."
    rule = "Katanya pasien BPJS yang menunggak iuran akan didenda mulai tahun depan. Siap-siap!"
    assert not [f for f in _hoaks_findings(story) if f.recognizer.startswith("bijak.chain_hoax")]
    assert [f for f in _hoaks_findings(rule) if f.recognizer.startswith("bijak.chain_hoax")]


def test_a_knowledge_base_match_carries_fact_and_source():
    text = (
        "Sebarkan! Gempa magnitudo sembilan akan terjadi besok pukul dua pagi di selatan Jawa, "
        "kata orang BMKG."
    )
    found = [f for f in _hoaks_findings(text) if f.recognizer.startswith("bijak.claims")]
    assert found
    meta = found[0].meta
    assert meta["claim_id"] == "gempa-diprediksi"
    assert "bmkg.go.id" in meta["source"]
    assert meta["fact"]
