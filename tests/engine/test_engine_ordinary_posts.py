"""Ordinary posts of ministry staff (greetings, health promotion, office news, recipes, sports,
family) must come out `aman`. Written by the bijak authors for this test; no dataset text.

Every post is checked twice: by the rules alone (every recognizer but the trained model) and by
the full pipeline, so a misfiring rule is caught even where the model would hide it.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS

MODEL = "bijak.model.v1"

ORDINARY_POSTS = [
    # greetings and family
    "Selamat pagi semua, semoga hari ini penuh berkah dan semangat bekerja!",
    "Selamat Hari Raya Idul Fitri, mohon maaf lahir dan batin untuk seluruh keluarga besar.",
    "Selamat ulang tahun anakku sayang, semoga tumbuh sehat dan pintar.",
    "Liburan akhir pekan ke rumah nenek di Yogyakarta, anak-anak senang sekali.",
    "Anak saya hari ini mulai masuk sekolah dasar, bangga sekali rasanya.",
    "Semoga lekas sembuh untuk Bapak Ahmad, kami semua mendoakan.",
    "Bersepeda keliling kompleks bersama anak-anak setiap Minggu pagi.",
    "Anjing peliharaan kami baru melahirkan empat ekor anak, lucu sekali.",
    "Babi hutan masuk ladang warga semalam, jagung habis dimakan.",
    # health promotion
    "Jangan lupa cuci tangan pakai sabun sebelum makan ya, jaga kesehatan keluarga.",
    "Ayo ajak balita ke posyandu setiap bulan untuk timbang berat badan dan imunisasi.",
    "Minum air putih delapan gelas sehari membantu tubuh tetap segar.",
    "Mari biasakan makan sayur dan buah setiap hari untuk hidup sehat.",
    "Kegiatan donor darah di aula kantor berjalan lancar, terima kasih para pendonor.",
    "Dasar-dasar pertolongan pertama perlu diketahui setiap orang.",
    "Waspada rabies: segera cuci luka gigitan anjing dengan sabun dan air mengalir.",
    # office news
    "Pelatihan dasar kepemimpinan angkatan tiga resmi dibuka hari ini.",
    "Rapat evaluasi program semester pertama dilaksanakan di ruang rapat lantai dua.",
    "Selamat kepada rekan kami yang baru dilantik, semoga amanah menjalankan tugas.",
    "Jadwal layanan perpustakaan kantor berubah mulai minggu depan.",
    "Kami mengucapkan selamat datang kepada pegawai baru di unit kami.",
    "Info: kantin kantor buka pukul tujuh sampai pukul dua siang.",
    "Tanam pohon bersama di halaman puskesmas, lingkungan jadi lebih hijau.",
    'Cara menyisipkan foto di halaman web: <img src=x alt="foto kegiatan">',
    # recipes and food
    "Resep sayur asem: asam jawa, jagung manis, labu siam, kacang panjang, dan sedikit gula merah.",
    "Hari ini masak rendang bersama ibu, dagingnya empuk sekali.",
    "Sarapan pagi ini nasi uduk dan teh manis hangat.",
    "Kue bolu pandan buatan istri, resepnya dari nenek.",
    # sports and leisure
    "Alhamdulillah tim voli kantor menang 3-1 di pertandingan persahabatan sore tadi.",
    "Senam pagi bersama di halaman kantor setiap Jumat pukul tujuh, yuk ikut!",
    "Pertandingan sepak bola antar unit akan digelar Sabtu depan di lapangan kantor.",
    "Pagi ini ikut lomba lari 5K, alhamdulillah finis juga.",
    "Cuaca hari ini cerah, cocok untuk jalan santai bersama keluarga.",
    "Gotong royong membersihkan selokan bersama warga RT.",
    # flagged pamer by session 4's model (p = 0.40, cut-off 0.38); back here since session 5's
    "Terima kasih rekan-rekan atas kerja samanya dalam rapat koordinasi hari ini.",
    # flagged keluhan_layanan by the session 5-9 models ("sampah" is a complaint word in the
    # hotel-review data); back here since session 10's fit, which no longer flags it
    "Mari kita jaga kebersihan lingkungan kantor dengan membuang sampah pada tempatnya.",
]


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != MODEL])


@pytest.fixture(scope="module")
def full() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("text", ORDINARY_POSTS)
def test_the_rules_alone_call_an_ordinary_post_safe(rules: Pipeline, text: str) -> None:
    report = rules.analyze(text)
    assert report.verdict == "aman", [(f.category, f.score, f.evidence) for f in report.findings]


@pytest.mark.parametrize("text", ORDINARY_POSTS)
def test_the_full_pipeline_calls_an_ordinary_post_safe(full: Pipeline, text: str) -> None:
    report = full.analyze(text)
    assert report.verdict == "aman", [
        (f.category, f.score, f.recognizer, f.evidence) for f in report.findings
    ]
