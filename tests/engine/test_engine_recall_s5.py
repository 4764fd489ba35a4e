"""Recall cases of session 5 (q2): classes the word rules missed on the dev batch 7.

Each class has posts the word rules alone must raise and ordinary posts with the same words
that they must leave ``aman``. Posts written by the bijak authors for this test; every name and
place is invented; no dataset text, no text of the challenge set's test parts or dev batches.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS

MODEL = "bijak.model.v1"

POSITIVES = [
    # agama_sensitif: a religious verdict against a health programme or procedure
    ("Pasang implan KB itu melawan takdir, biar Allah yang atur jumlah anak.", "agama_sensitif"),
    ("Transfusi darah dari orang lain itu menyalahi kodrat, saya tolak.", "agama_sensitif"),
    ("Minum obat terus-terusan itu tanda kurang tawakal, serahkan saja.", "agama_sensitif"),
    ("Cangkok ginjal itu mengotak-atik ciptaan Allah, nggak usah daftar.", "agama_sensitif"),
    ("Kalau ikut program vasektomi, dosanya ditanggung petugas yang menyuruh.", "agama_sensitif"),
    # a group's teaching called deviant
    ("Jangan percaya ustaz dari pengajian itu, akidahnya rusak semua.", "agama_sensitif"),
    ("Tata cara salat mereka menyimpang dari sunnah, jangan ikut jadi makmum.", "agama_sensitif"),
    # keluhan_layanan: a health programme or system called a formality, a waste, half-baked
    (
        "Program pemberian tablet tambah darah di sekolah cuma formalitas, tabletnya dibuang.",
        "keluhan_layanan",
    ),
    (
        "Jujur program kunjungan rumah ini cuma buang anggaran, datanya nggak dipakai.",
        "keluhan_layanan",
    ),
    ("Gara-gara aplikasinya lemot, laporan gizi baru selesai tengah malam.", "keluhan_layanan"),
    (
        "Program germas di kantor kami bagus di atas kertas doang, praktiknya nol.",
        "keluhan_layanan",
    ),
    ("Target kunjungan program ini nggak masuk akal, bidannya cuma dua orang.", "keluhan_layanan"),
    # hoaks: a made-up health policy relayed as insider news
    ("Bidan desa kontrak bakal diputus semua Maret nanti, suratnya sengaja dirahasiakan.", "hoaks"),
    (
        "Info valid dari orang kementerian, posyandu mau dihapus. Teruskan ke grup keluarga.",
        "hoaks",
    ),
    # terorisme and radikalisme: recruits and money for fighters, a jihad land, armed training
    (
        "Siapa mau hijrah ke bumi jihad, kami bantu paspor dan ongkosnya, hubungi admin.",
        "terorisme",
    ),
    (
        "Siapa mau hijrah ke bumi jihad, kami bantu paspor dan ongkosnya, hubungi admin.",
        "radikalisme",
    ),
    ("Ayo bergabung dengan daulah, negeri ini sudah tidak bisa diperbaiki.", "terorisme"),
    ("Kumpulkan donasi untuk saudara yang ikut latihan militer di hutan bulan ini.", "terorisme"),
]

HARD_NEGATIVES = [
    ("KB tidak melawan takdir, ini ikhtiar supaya ibu dan bayi sehat.", "agama_sensitif"),
    ("Transfusi darah bukan melawan kodrat, pendonor menyelamatkan nyawa.", "agama_sensitif"),
    ("Donor ginjal tidak haram menurut agama, fatwanya sudah jelas.", "agama_sensitif"),
    (
        "Tawakal setelah ikhtiar: anak diimunisasi dulu, hasilnya serahkan pada Allah.",
        "agama_sensitif",
    ),
    (
        "Kajian di musala kantor hari ini membahas sunnah sebelum tidur, silakan hadir.",
        "agama_sensitif",
    ),
    (
        "Latihan militer TNI di hutan Kalimantan pekan ini, tim kesehatan siaga di posko.",
        "terorisme",
    ),
    (
        "Densus menangkap tiga terduga teroris, warga diminta tenang dan tidak sebar foto.",
        "terorisme",
    ),
    (
        "Para mujahid kemerdekaan 1945 melawan penjajah, keluarganya kini dapat santunan.",
        "radikalisme",
    ),
]


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != MODEL])


def _verdict(report, category):
    return next((c.verdict for c in report.categories if c.id == category), "aman")


@pytest.mark.parametrize(("text", "category"), POSITIVES)
def test_the_rules_raise_the_class(rules, text, category):
    report = rules.analyze(text)
    assert _verdict(report, category) != "aman", [
        (f.category, f.score, f.evidence) for f in report.findings
    ]


@pytest.mark.parametrize(("text", "category"), HARD_NEGATIVES)
def test_the_rules_leave_the_ordinary_post_safe(rules, text, category):
    report = rules.analyze(text)
    assert _verdict(report, category) == "aman", [
        (f.category, f.score, f.evidence) for f in report.findings
    ]
