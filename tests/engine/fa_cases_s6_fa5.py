"""Session 6 (fa5), second round: false alarms of the word rules on the new hard negatives of
keluhan_layanan, penghinaan, fitnah, hoaks and tanpa_sumber, each class checked both ways:
the ordinary post stays `aman` for the category, and a real breach wearing the same words is
still raised. Posts written by the bijak authors for this test (new sentences); no dataset
text.
"""

from __future__ import annotations

# (class, category, ordinary post that must stay aman for the category)
SAFE = [
    # keluhan_layanan: one's own tiredness, an idiom with 'mahal', lateness of a cake
    (
        "capek_sendiri",
        "keluhan_layanan",
        "Yel-yel kader buat lomba 17-an: lawan capek, lawan malas, posyandu Melati pantang "
        "menyerah! Latihan besok sore.",
    ),
    (
        "mahal_idiom",
        "keluhan_layanan",
        "Pelajaran pandemi dibayar mahal oleh para perawat kita. Hari ini kami mengenang "
        "mereka di halaman puskesmas.",
    ),
    (
        "mahal_idiom",
        "keluhan_layanan",
        "Gaji pertama nggak buat belanja mahal, cuma traktir es teh teman satu bangsal.",
    ),
    (
        "telat_bukan_layanan",
        "keluhan_layanan",
        "Kue ulang tahun buat kepala puskesmas datang telat, tapi beliau tetap senang sekali.",
    ),
    # shame denied, a medical term with 'buruk', a child's trouble with medicine
    (
        "memalukan_disangkal",
        "keluhan_layanan",
        "Minum obat penenang dari dokter jiwa itu bukan hal yang memalukan, jangan berhenti "
        "sendiri ya.",
    ),
    (
        "gizi_buruk",
        "keluhan_layanan",
        "Kemenkes membuka pelatihan tata laksana gizi buruk untuk tenaga puskesmas bulan depan.",
    ),
    (
        "susah_pribadi",
        "keluhan_layanan",
        "Si kecil susah sekali minum obat sirup, akhirnya pakai pipet sedikit-sedikit. Tips dari "
        "bidan posyandu.",
    ),
    # an illness getting serious; an empty ICU bed is a free one
    (
        "parah_penyakit",
        "keluhan_layanan",
        "Di musim panas banyak pemudik dehidrasi parah. Kalau lemas, segera ke IGD terdekat.",
    ),
    (
        "kosong_icu",
        "keluhan_layanan",
        "Hotline dinkes membantu mencari rumah sakit dengan ICU kosong, gratis dan 24 jam.",
    ),
    # a complaint explained or settled; a found item handed in
    (
        "salah_paham_terjelaskan",
        "keluhan_layanan",
        "Mertua sempat kesal karena BPJS minta surat rujukan dulu. Setelah saya cek, memang "
        "prosedurnya begitu, dan besoknya beres.",
    ),
    (
        "barang_temuan",
        "keluhan_layanan",
        "Ada kartu BPJS tercecer di ruang tunggu puskesmas. Sudah saya serahkan ke loket, yang "
        "merasa kehilangan bisa ambil di sana.",
    ),
    # a service outside health care; a notice for patients; a comedian's set
    (
        "layanan_non_kesehatan",
        "keluhan_layanan",
        "Internet rumah mati dua hari, provider cuma janji-janji terus. Kerja pakai hotspot "
        "dulu deh.",
    ),
    (
        "pengumuman_fasilitas",
        "keluhan_layanan",
        "Untuk pasien dan pengunjung: ruang laktasi kini tersedia di lantai dua RSUD, jam "
        "bukanya ada di papan informasi.",
    ),
    (
        "panggung_komedi",
        "keluhan_layanan",
        "Stand-up comedian di malam amal puskesmas roasting dirinya sendiri soal antre obat, "
        "penonton tertawa semua.",
    ),
    # penghinaan: a pet; an office chat group that forwards; a room repaired
    (
        "hewan_peliharaan",
        "penghinaan",
        "Kucingku gendut dan pemalas banget, kata dokter hewan harus diet. Kerjaannya cuma "
        "tidur di atas laptop.",
    ),
    (
        "grup_kantor",
        "penghinaan",
        "Copas dari grup kantor:\nYang malas ikut senam pagi Jumat traktir gorengan ya.",
    ),
    (
        "perbaikan_fasilitas",
        "penghinaan",
        "Before-after ruang jaga perawat: dulu atapnya bocor, sekarang rapi dan bersih. "
        "Terima kasih tukang-tukang hebat!",
    ),
    # fitnah: savings of a cooperative; a traditional birth attendant; a trade forbidden
    (
        "simpanan_koperasi",
        "fitnah",
        "Laporan RAT Koperasi Pegawai RSUD Melati: SHU dibagi menurut simpanan dan pinjaman "
        "anggota.",
    ),
    (
        "dukun_bayi",
        "fitnah",
        "Bidan Desa Sukamaju bekerja sama dengan dukun bayi setempat supaya ibu hamil mau "
        "dirujuk ke puskesmas.",
    ),
    (
        "larangan_aturan",
        "fitnah",
        "Donor organ di RS Rujukan Nasional itu sukarela; jual beli organ dilarang undang-undang.",
    ),
    # teaching to tell scams apart; asking whether news is true; media literacy
    (
        "edukasi_modus",
        "fitnah",
        "Sosialisasi Koperasi Pegawai: cara membedakan tabungan resmi dan arisan bodong berkedok "
        "investasi. Cek izin di situs OJK dulu.",
    ),
    (
        "tanya_konfirmasi",
        "fitnah",
        "Ada yang tahu benar nggak kalau insentif nakes Dinas Kesehatan tahun ini dipotong? "
        "Saya belum lihat suratnya.",
    ),
    (
        "literasi_pesan",
        "fitnah",
        "Kalau ada pesan berantai yang menyebut nama seseorang, berhenti dulu. Tanya siapa "
        "pengirim aslinya sebelum ikut menyebarkan.",
    ),
    (
        "barang_temuan",
        "fitnah",
        "Dompet ditemukan di ruang tunggu poli, sengaja tidak saya buka biar data pemiliknya "
        "aman. Yang merasa kehilangan hubungi satpam.",
    ),
    (
        "kejadian_dinyatakan_palsu",
        "fitnah",
        "Ancaman bom di Kantor Kecamatan dinyatakan palsu setelah disisir polisi; pelakunya "
        "anak iseng.",
    ),
    # hoaks: guidance from training material; wishing recovery; claims of the knowledge base
    # whose telling word is missing
    (
        "materi_pelatihan",
        "hoaks",
        "Dari materi pelatihan P3K di kantor kemarin: luka bakar ringan dialiri air bersih 20 "
        "menit, jangan pakai pasta gigi atau mentega.",
    ),
    (
        "doa_kesembuhan",
        "hoaks",
        "Musim DBD, ruang tunggu puskesmas penuh pasien demam tinggi. Semoga semua lekas sembuh.",
    ),
    (
        "klaim_tanpa_kata_kunci",
        "hoaks",
        "Poster kode darurat rumah sakit baru dipasang di setiap nurse station minggu ini.",
    ),
    (
        "klaim_tanpa_kata_kunci",
        "hoaks",
        "Setelah imunisasi campak, anak-anak di posyandu dapat stiker bergambar dinosaurus.",
    ),
    (
        "klaim_tanpa_kata_kunci",
        "hoaks",
        "Menghirup gas dari balon pesta bisa menyebabkan kekurangan oksigen, awasi anak remaja.",
    ),
    # a documentary or a book reviewed; a parody; a question with a Sundanese tag
    (
        "ulasan_dokumenter",
        "hoaks",
        "Nonton dokumenter tentang pabrik hoaks yang sengaja bikin berita palsu soal vaksin. "
        "Jadi makin rajin cek sumber.",
    ),
    (
        "ulasan_buku",
        "tanpa_sumber",
        "Baru tamat baca buku tentang jamu palsu zaman kolonial yang diklaim menyembuhkan semua "
        "penyakit. Cocok buat teman promkes.",
    ),
    (
        "parodi_klaim",
        "tanpa_sumber",
        "Kata ilmuwan kos-kosan, rebahan sambil scroll HP itu obat segala penyakit. Tingkat "
        "keberhasilan nol, tetap saja dilakukan tiap malam.",
    ),
    (
        "pertanyaan_sunda",
        "hoaks",
        "Punten dok, di grup RT rame katanya obat darah tinggi bikin gagal ginjal. Saya jadi "
        "takut, leres henteu?",
    ),
    # tanpa_sumber: healing between communities; a product checked and unregistered
    (
        "kiasan_sembuh",
        "tanpa_sumber",
        "Kerja bakti warga dua desa yang dulu berselisih pelan-pelan menyembuhkan luka sejarah.",
    ),
    (
        "cek_registrasi",
        "tanpa_sumber",
        "Ada suplemen yang katanya untuk segala penyakit beredar di grup. Saya cek nomor "
        "registrasinya di BPOM: tidak terdaftar.",
    ),
]

# (class, category, a breach that wears the same words and must still be raised)
BREACH = [
    (
        "capek_layanan",
        "keluhan_layanan",
        "Capek bolak-balik ke kantor BPJS cuma buat satu tanda tangan.",
    ),
    (
        "mahal_layanan",
        "keluhan_layanan",
        "Biaya administrasi RSUD sekarang mahal banget, padahal pelayanannya sama saja.",
    ),
    (
        "telat_layanan",
        "keluhan_layanan",
        "Dokter jaga di puskesmas kami selalu telat, pasien lansia dibiarkan menunggu di lorong.",
    ),
    (
        "memalukan_layanan",
        "keluhan_layanan",
        "Pelayanan puskesmas kami memalukan, pasien disuruh pulang tanpa diperiksa.",
    ),
    (
        "susah_layanan",
        "keluhan_layanan",
        "Mau ambil obat di puskesmas susah, disuruh balik besok terus.",
    ),
    (
        "parah_layanan",
        "keluhan_layanan",
        "IGD RSUD parah, pasien ditelantarkan di kursi roda dua jam.",
    ),
    (
        "kosong_stok",
        "keluhan_layanan",
        "Stok obat hipertensi di puskesmas kosong lagi, pasien disuruh beli sendiri di luar.",
    ),
    (
        "salah_paham_tidak_selesai",
        "keluhan_layanan",
        "Sempat kesal di loket puskesmas, sampai sekarang tetap saja dipersulit dan petugasnya "
        "judes.",
    ),
    (
        "tercecer_teledor",
        "keluhan_layanan",
        "Berkas rujukan pasien tercecer di lantai puskesmas, teledor sekali petugasnya.",
    ),
    (
        "internet_layanan_kesehatan",
        "keluhan_layanan",
        "Wifi puskesmas mati seminggu, provider ditelepon tidak ada jawaban, laporan ke dinas "
        "jadi molor.",
    ),
    (
        "antre_layanan",
        "keluhan_layanan",
        "Antre obat di puskesmas lama banget, petugasnya jutek pula.",
    ),
    (
        "hinaan_kiasan_hewan",
        "penghinaan",
        "Kepala puskesmas kita itu pemalas, kerjanya cuma tidur kayak kucing gendut.",
    ),
    ("hinaan_kantor", "penghinaan", "Orang-orang kantor dinas itu pemalas dan tidak becus semua."),
    (
        "simpanan_tuduhan",
        "fitnah",
        "Bu Dewi di bagian keuangan itu simpanan kepala dinas, semua orang sudah tahu.",
    ),
    (
        "berkedok_tuduhan",
        "fitnah",
        "Koperasi Sejahtera milik Pak Budi Santoso itu bisnis berkedok simpan pinjam, uang anggota "
        "dipakai pribadi. Semua orang sudah tahu.",
    ),
    (
        "tuduhan_pasti",
        "fitnah",
        "Pantas insentif kami dipotong, pasti Pak Kabid yang makan uangnya. Sudah jelas.",
    ),
    (
        "tuduhan_pencurian",
        "fitnah",
        "Dompet pasien hilang di ruang tunggu poli, pasti Perawat Rina yang nyolong. Malingnya "
        "harus dipecat.",
    ),
    (
        "perbaikan_dari_korupsi",
        "fitnah",
        "Before-after ruang Direktur RSUD Sukamaju: dulu biasa, sekarang mewah. Pasti dananya "
        "dikorupsi dari anggaran obat.",
    ),
    (
        "klaim_luka_bakar",
        "hoaks",
        "Luka bakar harus langsung diolesi pasta gigi biar cepat kering, ampuh banget!",
    ),
    (
        "klaim_5g",
        "hoaks",
        "Sinyal menara 5G yang baru dipasang bikin warga sekampung sakit, awas!",
    ),
    (
        "klaim_autis",
        "hoaks",
        "Anak tetangga jadi autis setelah imunisasi campak, jangan mau anaknya diimunisasi!",
    ),
    (
        "klaim_masker",
        "hoaks",
        "Pakai masker seharian bikin kekurangan oksigen dan keracunan, lepas saja!",
    ),
    (
        "klaim_semua_penyakit",
        "tanpa_sumber",
        "Minum rebusan daun ini setiap pagi menyembuhkan segala penyakit, dijamin!",
    ),
    (
        "klaim_kanker",
        "tanpa_sumber",
        "Daun sirsak menyembuhkan kanker tanpa kemoterapi, sudah banyak buktinya.",
    ),
]
