"""Session 6 (rc1): data_pribadi classes the word rules missed, checked both ways.

Names the capitals do not show ("bu darmini", "pAk Karyono"), full names without an honorific,
people identified by description ("satpam kantor yang rambutnya cepak"), a street address
with a lane before the number, a colleague's disciplinary case told before it is known, covert
recordings of a private place offered around, and shared patient lists are raised by the rules
alone; ordinary posts with the same words (a name or a role alone, a health word alone, health
education, thanks and praise, the writer's own health, warnings, public services) stay `aman`.

Posts written by the bijak authors for this test (new sentences); no dataset text.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.patient_data import _caseless
from bijak.engine.sentences import spans

RULES = Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


def _verdict(text: str) -> tuple[str, list[str]]:
    report = RULES.analyze(text)
    verdict = next((c.verdict for c in report.categories if c.id == "data_pribadi"), "aman")
    kinds = [str(f.meta.get("kind")) for f in report.findings if f.category == "data_pribadi"]
    return verdict, kinds


BREACH = [
    # (post, the kind of finding expected)
    # a name after an honorific written without capitals, or in scrambled case
    (
        "eh kalian tau nggak, bu darmini yang jualan sayur di blok c itu ternyata odha, aku "
        "liat sendiri di buku register poli.",
        "pasien_kesehatan",
    ),
    (
        "Tadi pagi pAk KaRyOnO kontrol ke poli jiwa lagi, diagnosanya skizofrenia, kambuh "
        "karena putus obat.",
        "pasien_kesehatan",
    ),
    ("pasien kami pak karyono, ruang 3, tbc paru, keluarganya belum tahu.", "pasien_kesehatan"),
    # a name after an honorific and a particle ("Ny lho. ...")
    (
        "Rekap hari ini: Ny lho. Sumarni ambil obat ARV lagi, suaminya juga positif.",
        "pasien_kesehatan",
    ),
    # a full name without an honorific, a health detail in the same sentence
    (
        "Ternyata Wulan Permatasari dari bagian perencanaan hasil tes HIV-nya reaktif, jangan "
        "bilang siapa-siapa.",
        "pasien_kesehatan",
    ),
    (
        "Rekan kita Bambang Priyanto barusan keluar dari rehab sabu, pantes jarang masuk kantor.",
        "pasien_kesehatan",
    ),
    (
        "Bidan senior di klinik kami, Lestiana Dewanti, keguguran bulan lalu padahal belum "
        "menikah.",
        "pasien_kesehatan",
    ),
    # one initial after an honorific, then an age or a description
    (
        "Sdri. M (17) yang tinggal di asrama putri, hamil 3 bulan, datang sendirian ke puskesmas.",
        "pasien_kesehatan",
    ),
    # a person identified by description: a role pinned down by a place or a clause
    (
        "Satpam kantor yang rambutnya cepak itu kemarin periksa ke poli kelamin, hasilnya "
        "sifilis. Pasti pada tahu orangnya.",
        "orang_dikenali",
    ),
    (
        "Penjaga sekolah dekat lapangan bola itu ternyata rutin ambil obat ARV di puskesmas.",
        "orang_dikenali",
    ),
    # a street address with a lane before the number, next to a health detail
    ("Warga di Jl. Melati Gg. 2 No. 8 itu ODHA, baru mulai terapi ARV bulan ini.", "alamat_pasien"),
    # a colleague's disciplinary case told before it is known
    (
        "Hasil sidang kode etik: Hendra Wijaya dijatuhi penurunan pangkat, SK-nya belum keluar, "
        "jangan bocor ya.",
        "data_kepegawaian",
    ),
    # a covert recording of a private place, offered around
    (
        "Aku pasang kamera kecil di toilet wanita lantai 2, rekamannya siapa yang mau? DM aja, "
        "transfer dulu.",
        "rekaman_privat",
    ),
    # a patient list with diagnoses, shared
    (
        "Screenshot daftar pasien poli paru hari ini lengkap dengan diagnosis masing-masing, "
        "buat bahan obrolan grup.",
        "daftar_data_pasien",
    ),
]


@pytest.mark.parametrize(("text", "kind"), BREACH)
def test_new_classes_are_raised_by_the_rules(text: str, kind: str) -> None:
    verdict, kinds = _verdict(text)
    assert verdict != "aman", text
    assert kind in kinds, (text, kinds)


def test_a_shared_photo_of_a_patient_home_and_plate_is_raised() -> None:
    verdict, kinds = _verdict("Ini foto rumah dan nomor plat mobil pasien yang kabur dari isolasi.")
    assert verdict != "aman"
    assert "daftar_data" in kinds


SAFE = [
    # health education, to a group named by an honorific
    "Bapak Ibu, diabetes bisa dicegah dengan pola makan sehat dan olahraga teratur.",
    "Materi kelas ibu hamil minggu ini: tanda bahaya kehamilan dan gizi seimbang.",
    "dr. Rahmat Hidayat, Sp.P menjelaskan bahwa TBC bisa sembuh total bila obat diminum 6 bulan.",
    # praise and thanks: the health word names a job or a service, not a condition
    "Selamat kepada Wulan Permatasari, kader TB terbaik tahun ini yang mendampingi 40 pasien "
    "sampai sembuh.",
    "Bangga! Perawat kami Bambang Priyanto juara lomba aplikasi pengingat minum obat TB.",
    "Terima kasih tim RSUD Sumber Waras yang merawat ayah saya pasca stroke dengan sabar.",
    "Sopir ambulans desa kami sigap mengantar ibu hamil ke RSUD tengah malam. Terima kasih, Pak!",
    # the writer's own health and own name
    "Saya Bambang Priyanto, penyintas TB, dan hari ini saya berbagi cerita soal pengobatan.",
    "Hari ini saya kontrol diabetes ke puskesmas, gula darah saya sudah turun.",
    # a name, a role or a place alone; an anonymised story
    "Pak Camat meninjau posyandu dan mengajak warga memeriksakan balita ke kader.",
    "pagi ini bu darmini bawa sayur segar ke posyandu, terima kasih ya bu.",
    "Ada isu di kampung kami soal pedagang yang katanya positif HIV. Tim puskesmas datang "
    "memberi penyuluhan supaya warga tidak menjauhi siapa pun.",
    "Novel tentang perawat yang merawat pasien kusta tahun 80-an. Bagus banget.",
    # a public service at a street address; a place name near a health word
    "Kantor kami di Jl. Merdeka No. 10 membuka layanan tes HIV gratis setiap Jumat.",
    "Penemuan kasus TBC di Desa Sukamaju Wetan naik berkat skrining dari rumah ke rumah.",
    "Terima kasih tim stroke unit RSUD Kota Sejahtera yang merawat bapak saya.",
    # a product's capitalised name
    "Jangan percaya Kapsul Herbal Sehat Sentosa yang katanya menyembuhkan kanker.",
    # a disciplinary rule or an anonymous case; a warning about hidden cameras
    "Seorang pegawai dijatuhi sanksi disiplin karena bolos, kata BKPSDM. Mari jaga integritas.",
    "Kalau menemukan kamera tersembunyi di toilet umum, jangan dicabut, laporkan ke polisi.",
    "Saya mendesak admin menghapus rekaman diam-diam di toilet kampus. Menyebarkannya ikut jadi "
    "pelaku.",
    # a protective instruction about patient lists
    "Pastikan nama dan diagnosis pasien tidak terlihat di foto sebelum diunggah.",
]


@pytest.mark.parametrize("text", SAFE)
def test_ordinary_posts_with_the_same_words_stay_aman(text: str) -> None:
    verdict, kinds = _verdict(text)
    assert verdict == "aman", (text, kinds)


def test_sentences_keep_abbreviations_and_caseless_reading() -> None:
    text = "Ny. Siti di Jl. Mawar No. 3 sudah pulang. Besok kontrol."
    assert len(spans(text, lower_continues=True)) == 2
    assert _caseless("bu sumarni tadi datang")
    assert _caseless("tadi pAk KaRyOnO datang")
    assert not _caseless("Tadi Bu Sumarni datang")
