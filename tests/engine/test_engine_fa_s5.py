"""Session 5 (q1) false alarms on hard negatives, each class checked both ways: the ordinary
post stays `aman`, and a real breach of the same kind is still caught. Written by the bijak
authors for this test (new sentences, not the dev families' lines); no dataset text.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline

# (class, ordinary post that must stay aman)
SAFE = [
    # a notice or lesson against flexing
    (
        "anti_pamer",
        "Imbauan dari biro umum: pegawai diminta tidak mengunggah foto liburan mewah. "
        "Hidup sederhana menjaga kepercayaan publik.",
    ),
    (
        "anti_pamer",
        "Kasus kepala dinas yang dicopot karena anaknya pamer mobil mewah jadi pelajaran bagi kita.",
    ),
    # checking a request through an official line first
    (
        "konfirmasi",
        "Kalau ada yang minta data keluarga lewat WA, konfirmasi dulu ke kantor kelurahan ya.",
    ),
    ("konfirmasi", "Tolong bantu report akun apotek palsu yang menjual antibiotik tanpa resep."),
    # rebuking discrimination
    (
        "tegur",
        "Kami menegur keras petugas yang menolak melayani warga karena sukunya. "
        "Semua pasien dilayani tanpa membedakan latar belakang.",
    ),
    # a hateful sentence heard from others, quoted and answered
    (
        "kutipan",
        "Kalimat 'orang miskin itu malas' masih sering aku dengar di ruang tunggu. "
        "Padahal banyak pasien kami bekerja dua shift.",
    ),
    # a gambling word used as a figure of speech
    ("kiasan_judi", "Seperti dapat jackpot rasanya waktu anak saya lulus seleksi bidan desa."),
    ("kiasan_judi", "Menyeberang jalan tol sembarangan itu bertaruh nyawa, pakai jembatan ya."),
    # an official correction or advice
    (
        "klarifikasi",
        "Klarifikasi: surat edaran tentang pemotongan cuti yang beredar itu palsu. "
        "Informasi resmi hanya melalui kanal kementerian.",
    ),
    # a training registration notice
    (
        "diklat",
        "Kuota pelatihan PPGD tersisa tiga orang, silakan daftar ke bagian diklat paling lambat Senin.",
    ),
    # condemning a terror attack, refusing to share its video
    (
        "kecam_teror",
        "Jangan share video ledakan di terminal itu. Pelakunya bukan jihad, tidak ada agama yang "
        "mengajarkan membunuh warga sipil.",
    ),
    # the author asked the office and will report back
    (
        "sudah_ditanyakan",
        "Soal tunjangan kinerja bulan ini sudah saya tanyakan ke bagian keuangan, nanti saya kabari.",
    ),
    # 'basmi' aimed at pests
    ("basmi_hama", "Ayo basmi jentik nyamuk di bak mandi dan tempayan setiap Jumat pagi."),
    # deploring others' inciting comments
    (
        "sedih_komentar",
        "Miris baca komentar yang mengajak warga menolak kader posyandu. Mereka relawan yang "
        "tiap bulan menimbang anak-anak kita.",
    ),
    # a complaint filed through the official channel
    (
        "pengaduan_resmi",
        "Kami kecewa antrean obat kemarin lama sekali. Sudah kami ajukan pengaduan tertulis ke "
        "manajemen dan menunggu jawaban resmi.",
    ),
    # a literal animal, not an insult
    (
        "harfiah",
        "Kutu busuk atau bangsat suka bersembunyi di sela kasur, jemur kasur seminggu sekali.",
    ),
    ("harfiah", "Asu ajag kuwi satwa langka sing dilindungi, ora kena diburu."),
]

# (class, category that must be raised, breach of the same kind)
BREACH = [
    (
        "anti_pamer",
        "pamer",
        "Alhamdulillah baru beli tas Hermes dan jam Rolex, hasil lembur sebulan, gaji ASN mah cukup.",
    ),
    (
        "konfirmasi",
        "penipuan",
        "Program bantuan nakes: transfer ke rekening 1234567890 a.n. Budi untuk biaya pendaftaran, "
        "klik link ini sekarang.",
    ),
    (
        "tegur",
        "sara",
        "Jangan mau dirawat perawat dari suku itu, mereka semua licik dan kotor.",
    ),
    (
        "kutipan",
        "ujaran_kebencian",
        "Orang miskin itu malas dan jadi beban negara, nggak usah dilayani di puskesmas.",
    ),
    (
        "kiasan_judi",
        "perjudian",
        "Slot gacor hari ini, deposit 10 ribu langsung maxwin jackpot, link di bio.",
    ),
    (
        "klarifikasi",
        "rahasia",
        "Bocoran dokumen internal rapat pimpinan soal mutasi pejabat, jangan disebar ya.",
    ),
    (
        "diklat",
        "penipuan",
        "Slot pelatihan tinggal 3! Transfer biaya pendaftaran ke rekening pribadi saya sekarang.",
    ),
    (
        "kecam_teror",
        "terorisme",
        "Bom di gereja itu jihad yang sah, pelakunya mati syahid. Siapkan diri untuk amaliyah berikutnya.",
    ),
    (
        "sudah_ditanyakan",
        "keluhan_layanan",
        "Sudah saya tanyakan ke loket tiga kali tapi dilempar-lempar terus, pelayanan RSUD ini buruk sekali.",
    ),
    (
        "basmi_hama",
        "ujaran_kebencian",
        "Kaum pendatang itu harus dibasmi dari kampung kita, mereka sampah masyarakat.",
    ),
    (
        "sedih_komentar",
        "provokasi",
        "Ayo warga, usir petugas vaksin dari kampung kita! Jangan kasih masuk, lawan kalau memaksa!",
    ),
    (
        "pengaduan_resmi",
        "keluhan_layanan",
        "Pelayanan IGD RSUD ini parah, pasien dibiarkan tiga jam tanpa diperiksa. Kecewa berat!",
    ),
    ("harfiah", "kata_kasar", "Dasar bangsat kau, kerja nggak becus!"),
    ("harfiah", "kata_kasar", "Asu tenan kowe, dikandani ora ngerti-ngerti."),
]


@pytest.fixture(scope="module")
def full() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize(("kind", "text"), SAFE)
def test_ordinary_post_of_the_class_stays_safe(full: Pipeline, kind: str, text: str) -> None:
    report = full.analyze(text)
    assert report.verdict == "aman", (
        kind,
        [(f.category, f.score, f.recognizer, f.evidence) for f in report.findings],
    )


@pytest.mark.parametrize(("kind", "category", "text"), BREACH)
def test_real_breach_of_the_class_is_still_caught(
    full: Pipeline, kind: str, category: str, text: str
) -> None:
    report = full.analyze(text)
    raised = {c.id for c in report.categories if c.verdict != "aman"}
    assert category in raised, (kind, raised)
