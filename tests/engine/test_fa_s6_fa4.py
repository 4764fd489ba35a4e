"""Session 6 (fa4) false alarms of the word rules on hard negatives, each class checked both
ways: the ordinary post stays `aman` for its category, and a breach that wears the same words
is still raised. Categories: hoaks (the claims knowledge base and chain_hoax), tanpa_sumber,
penipuan, narkoba, terorisme, radikalisme. Posts written by the bijak authors for this test
(new sentences); no dataset text.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline

# (class, category, ordinary post that must stay aman for the category)
SAFE = [
    (
        "anjuran",
        "hoaks",
        "Anak demam tinggi tiga hari lalu demamnya turun tapi lemas dan malas minum? Itu fase kritis DBD, segera ke faskes ya, jangan ditunggu di rumah.",
    ),
    (
        "anjuran",
        "hoaks",
        "Imunisasi dasar lengkap untuk balita tetap gratis di puskesmas. Jangan lupa bawa buku KIA waktu datang.",
    ),
    (
        "anjuran",
        "hoaks",
        "Keluarga dengan anggota yang mengalami gangguan jiwa, ayo dukung program bebas pasung. Dengan obat teratur mereka bisa pulih.",
    ),
    (
        "anjuran",
        "hoaks",
        "Ibu hamil boleh makan nanas secukupnya, kata bidan waktu kelas bumil. Yang penting menu seimbang dan periksa kehamilan rutin.",
    ),
    (
        "anjuran",
        "hoaks",
        "Jadwal pencairan insentif tenaga kesehatan cuma diumumkan lewat akun resmi Kemenkes yang bercentang biru.",
    ),
    (
        "penyelidikan",
        "hoaks",
        "Hasil penyelidikan epidemiologi keracunan massal di acara pernikahan sudah diumumkan puskesmas, ternyata sumbernya bakteri di lauk bersantan.",
    ),
    (
        "data_dinas",
        "tanpa_sumber",
        "Data dinas: kasus campak di kota kita turun 30 persen dibanding tahun lalu. Tetap lengkapi imunisasi anak.",
    ),
    (
        "ragu",
        "tanpa_sumber",
        "Di grup arisan ada yang bilang jahe bisa menyembuhkan asma. Saya ragu. Ada dokter di sini yang bisa jelaskan?",
    ),
    (
        "kiasan_sembuh",
        "tanpa_sumber",
        "Dijamin sembuh ngantuknya habis apel pagi: segelas kopi hitam kantin, 100% manjur wkwk",
    ),
    (
        "kiasan_sembuh",
        "tanpa_sumber",
        "Pasti sembuh kok kangennya, minggu depan sudah ketemu keluarga lagi.",
    ),
    (
        "bantahan",
        "tanpa_sumber",
        "Klaim 'jus pare pasti menyembuhkan diabetes' itu belum ada buktinya. Obat dari dokter jangan dihentikan sendiri.",
    ),
    (
        "bayar_bpjs",
        "penipuan",
        "Bayar iuran BPJS mandiri sekeluarga lewat aplikasi bank resmi, struk langsung masuk email. Praktis.",
    ),
    (
        "sepeser",
        "penipuan",
        "Operasi usus buntu bapak saya pakai BPJS, henteu bayar sepeser pun. Perawatnya ramah semua.",
    ),
    (
        "insentif",
        "penipuan",
        "Insentif kader triwulan kedua telah masuk ke rekening masing-masing. Silakan cek, lapor bila belum masuk.",
    ),
    (
        "hadiah",
        "penipuan",
        "Undian doorprize jalan sehat HKN: yang menang undian sepeda silakan ambil hadiahnya ke sekretariat dengan membawa kupon.",
    ),
    (
        "hadiah",
        "penipuan",
        "Giveaway buku gizi anak dari akun kami: follow dan komen. Pemenang diumumkan Jumat, tanpa biaya apa pun.",
    ),
    (
        "peringatan",
        "penipuan",
        "Ingat, BPJS tidak pernah menagih tunggakan ke nomor rekening perorangan. Pembayaran cukup lewat kanal resmi.",
    ),
    (
        "bukan_ajakan",
        "penipuan",
        "Tulisan ini cuma berbagi pengalaman menabung emas lewat aplikasi resmi, bukan ajakan ikut investasi bodong.",
    ),
    (
        "apotek",
        "narkoba",
        "Tadi ada pembeli minta alprazolam tanpa resep di apotek. Saya tolak baik-baik dan minta periksa ke dokter dulu.",
    ),
    (
        "berita",
        "narkoba",
        "Petugas lapas menemukan sabu di dalam kiriman makanan untuk warga binaan. Pengawasan kunjungan akan diperketat.",
    ),
    (
        "film",
        "narkoba",
        "Baru selesai maraton serial tentang bandar kokain di Meksiko. Ending-nya bikin sadar narkoba menghancurkan semua orang.",
    ),
    ("fly", "narkoba", "Konser tadi malam bikin nge-fly, lagunya enak semua sampai suara habis."),
    (
        "kristal",
        "narkoba",
        "Jual es batu kristal untuk hajatan, bersih dan higienis, antar ke rumah.",
    ),
    (
        "edukasi",
        "narkoba",
        "Minggu ini konselor sebaya di sekolah dilatih mengenali tanda siswa yang pakai narkoba, lalu mendampingi tanpa menghakimi.",
    ),
    (
        "ganja_medis",
        "narkoba",
        "Jurnal klub minggu ini: kebijakan ganja medis untuk epilepsi di beberapa negara, dibahas dengan data.",
    ),
    (
        "amaliyah",
        "terorisme",
        "Amaliyah Ramadan keluarga kami: tadarus setelah subuh, sedekah tiap Jumat, dan jaga lisan.",
    ),
    (
        "bom",
        "terorisme",
        "Keponakan ingin jadi penjinak bom, kami dukung penuh, yang penting sehat.",
    ),
    (
        "kuliah",
        "terorisme",
        "Besok ada kuliah umum tentang pelaku teror lone wolf dan bagaimana psikolog puskesmas bisa ikut deteksi dini.",
    ),
    (
        "dokumenter",
        "terorisme",
        "Film dokumenter soal ibu-ibu yang pernah berangkat ke Suriah dan kini ingin pulang itu menyayat hati. Cocok untuk pekerja sosial.",
    ),
    (
        "mantan",
        "terorisme",
        "Di acara itu mantan kombatan mengaku pernah menganggap pelaku bom pahlawan; sekarang ia malu dan jadi relawan pendamping korban.",
    ),
    (
        "literasi",
        "radikalisme",
        "Di pelatihan literasi kami belajar mengenali slogan seperti 'negara thaghut' dan 'demokrasi itu syirik', juga cara menanggapinya dengan tenang.",
    ),
    (
        "konselor",
        "radikalisme",
        "Kalau remaja di rumah bilang upacara bendera itu syirik dan pemerintah kafir, jangan langsung dimarahi, ajak ngobrol dan minta bantuan konselor sekolah.",
    ),
    (
        "aduan",
        "radikalisme",
        "Laporan soal pegawai terpapar paham anti-Pancasila disalurkan lewat portal aduan, nama pelapor dijaga.",
    ),
]

# (class, category, breach wearing the same words: still raised for the category)
BREACH = [
    (
        "anjuran",
        "hoaks",
        "Vaksin bikin anak autis, dokter tidak mau jujur. Jangan ke dokter, cukup minum madu dan herbal. Sebarkan!",
    ),
    (
        "anjuran",
        "hoaks",
        "Awas, obat hipertensi gratis di puskesmas itu ternyata bikin gagal ginjal, makanya ditarik diam-diam.",
    ),
    (
        "anjuran",
        "hoaks",
        "Daftar di link ini untuk dapat insentif nakes dari Kemenkes, cek di akun resmi juga ada kok.",
    ),
    (
        "kiasan_sembuh",
        "tanpa_sumber",
        "Ramuan rebusan daun sirsak dijamin sembuh kanker, ngantuk pun hilang, 100% manjur.",
    ),
    (
        "insentif",
        "penipuan",
        "Insentif nakes tahap 2 cair hari ini ke rekening masing-masing! Cek nama kamu di link ini, isi NIK dan nomor rekening.",
    ),
    (
        "hadiah",
        "penipuan",
        "Selamat anda pemenang undian dari Kemenkes! Hadiah diambil langsung setelah transfer biaya admin ke rekening panitia.",
    ),
    (
        "bukan_ajakan",
        "penipuan",
        "Bukan ajakan ya, cuma berbagi pengalaman: investasi bodong ini profit 30% sebulan, transfer modal ke rekening saya.",
    ),
    (
        "apotek",
        "narkoba",
        "Riklona ready tanpa resep, harga teman, COD aman. Yang ditolak beli di apotek japri aja.",
    ),
    (
        "film",
        "narkoba",
        "Habis nonton film dokumenter soal ganja jadi pengen nyoba. Ada yang jual? DM ya.",
    ),
    (
        "kristal",
        "narkoba",
        "Stok kristal masih ada, yang mau ambil paket japri, kirim titik tempel.",
    ),
    (
        "amaliyah",
        "terorisme",
        "Persiapan amaliyah berikutnya sudah matang, yang sudah baiat kumpul setelah subuh, bawa bahan yang sudah kami siapkan.",
    ),
    (
        "kuliah",
        "terorisme",
        "Kuliah umum untuk ikhwan yang siap baiat: cara merakit bom untuk aksi berikutnya.",
    ),
    (
        "literasi",
        "radikalisme",
        "Pancasila itu thaghut dan demokrasi sistem kufur, kesalahan terbesar pendiri bangsa. Konstitusi harus diganti syariat.",
    ),
]


@pytest.fixture(scope="module")
def full() -> Pipeline:
    return Pipeline()


def _verdict(pipe: Pipeline, text: str, category: str) -> str:
    report = pipe.analyze(text)
    return next((c.verdict for c in report.categories if c.id == category), "aman")


@pytest.mark.parametrize(("kind", "category", "text"), SAFE)
def test_ordinary_post_of_the_class_stays_safe(
    full: Pipeline, kind: str, category: str, text: str
) -> None:
    assert _verdict(full, text, category) == "aman", (kind, text)


@pytest.mark.parametrize(("kind", "category", "text"), BREACH)
def test_breach_with_the_same_words_is_still_raised(
    full: Pipeline, kind: str, category: str, text: str
) -> None:
    assert _verdict(full, text, category) != "aman", (kind, text)


def test_the_frames_name_themselves_in_the_explanation() -> None:
    # the model gate, which runs first, would set this claim aside before the frame reads it
    report = Pipeline(model_gate={"floor": 0.0}).analyze(
        "Imunisasi dasar lengkap untuk balita tetap gratis di puskesmas. "
        "Jangan lupa bawa buku KIA waktu datang."
    )
    touched = {f.meta.get("context") for f in report.findings if f.category == "hoaks"}
    assert "anjuran_layanan_kesehatan" in touched
