"""Cases for the word rules of session 5, run by ``test_engine_rules_v2.py``.

``POSITIVES`` / ``HARD_NEGATIVES`` (r2): agama_sensitif, terorisme and keluhan_layanan in new
voices; ``RECALL_POSITIVES`` / ``RECALL_HARD_NEGATIVES`` (q2): classes missed on dev batch 7.
Each rule class has positives the word rules alone must raise and hard negatives (ordinary
posts with the same words) they must leave ``aman``.

Posts written by the bijak authors for this test; every name, place and number is invented;
no dataset text, no text of the challenge set's test parts.
"""

from __future__ import annotations

POSITIVES = [
    # agama_sensitif: a prayer or creed parodied as a joke
    ("Syahadat versi anak magang: tiada libur selain tanggal merah, wkwk.", "agama_sensitif"),
    ("Doa versi revisi buat tanggal tua, aminnya paling keras se-kantor.", "agama_sensitif"),
    # scripture or offerings treated as rubbish or a prop
    ("Al-Quran lama di gudang dijual kiloan aja, lumayan buat beli pulsa.", "agama_sensitif"),
    ("Canang di trotoar depan kantor aku tendang aja, ngalangin jalan.", "agama_sensitif"),
    # rites and holy figures ridiculed
    ("Ritual mandi di sungai pas hari raya itu primitif, kayak zaman batu.", "agama_sensitif"),
    ("Sembahyang sambil bakar dupa tiap pagi, kebodohan yang diwariskan.", "agama_sensitif"),
    ("Semua pendeta di kota kami itu penipu, jemaatnya diperas tiap minggu.", "agama_sensitif"),
    # forcing worship on colleagues
    ("Mulai bulan depan semua staf wajib ikut kebaktian, apa pun agamamu.", "agama_sensitif"),
    # terorisme: "pengantin" glorified, too-few-victims jokes, revenge, threats, training
    ("Pengantin kita sudah dijemput bidadari, semoga amaliyahnya diterima.", "terorisme"),
    ("Ledakan di terminal kemarin korbannya kurang banyak, payah.", "terorisme"),
    ("Bom di pasar itu balasan yang setimpal buat mereka yang menindas umat.", "terorisme"),
    ("Barangnya sudah terpasang di aula, tinggal tunggu acaranya mulai.", "terorisme"),
    (
        "Akhir pekan kita latihan di kebun, tahap pakai senjata, yang ikut wajib sudah baiat.",
        "terorisme",
    ),
    ("Polisi yang sendirian di pos itu sasaran paling gampang, serang thaghut.", "terorisme"),
    # keluhan_layanan: an employee complaining in public about their own workplace
    (
        "TPP kami belum cair empat bulan, tapi studi banding pimpinan jalan terus.",
        "keluhan_layanan",
    ),
    ("Gaji honorer puskesmas molor lagi, atasan cuma bilang sabar.", "keluhan_layanan"),
    (
        "Tiga perawat resign dan tidak pernah diganti, manajemen pura-pura tidak tahu.",
        "keluhan_layanan",
    ),
    (
        "Lembur tanpa bayaran tiap akreditasi, begitulah kantorku menghargai staf.",
        "keluhan_layanan",
    ),
    ("Alat rontgen rusak setahun, laporan kami tidak pernah digubris direksi.", "keluhan_layanan"),
    # terorisme: threats against places and officials, bomb recipes
    ("Kepada kepala dinas yang menutup posko kami: kami tahu rumahmu, tunggu saja.", "terorisme"),
    ("Misa malam nanti akan jadi perayaan terakhir mereka, ikhwan bersiap.", "terorisme"),
    ("Siapa punya panduan merakit bom? Pakai pupuk dan paku katanya lebih kuat.", "terorisme"),
    # keluhan_layanan: a patient's complaint about the service
    (
        "Pendaftaran puskesmas berantakan, jadwal imunisasi diundur terus tanpa pemberitahuan.",
        "keluhan_layanan",
    ),
    (
        "Nomor pengaduan rumah sakit tidak pernah diangkat, email juga tidak dibalas.",
        "keluhan_layanan",
    ),
    # fresh voices: props, ridicule, threats, unpaid volunteers
    ("Patung Yesus di lobi itu mending dilelang aja, lumayan buat beli APD.", "agama_sensitif"),
    ("Ustadz seleb itu cuma jualan agama, ceramahnya isinya endorse.", "agama_sensitif"),
    ("Densus itu anjing thaghut, pantas jadi sasaran.", "terorisme"),
    ("Dinkes yang maksa vaksin ke anak kami, siap-siap kantornya kami bakar.", "terorisme"),
    (
        "Dua tahun jadi tenaga sukarela di puskesmas, tidak digaji, formasinya dikasih ke titipan pejabat.",
        "keluhan_layanan",
    ),
    # radikalisme: the state and its servants called kufr or taghut
    ("Kalian ASN yang digaji APBN itu ansharut thaghut, sadarlah.", "radikalisme"),
    ("Sistem republik ini dibangun di atas kufur, tinggal tunggu runtuh.", "radikalisme"),
    ("Lambang Garuda di ruang rapat itu berhala zaman now, copot saja.", "radikalisme"),
    ("Polisi itu musuh Allah, darahnya halal.", "terorisme"),
    (
        "Sebagai perawat saya capek jadi tameng manajemen, tiap komplain kami yang kena.",
        "keluhan_layanan",
    ),
    ("Nabi mereka itu cuma tokoh fiksi yang diagung-agungkan.", "agama_sensitif"),
]

HARD_NEGATIVES = [
    # agama_sensitif: worship talk, respect, condemning someone else's mockery
    (
        "Renovasi musala selesai, termasuk yang non-muslim ikut patungan. Terima kasih!",
        "agama_sensitif",
    ),
    ("Apa pun agamamu, jangan lupa minum obat tepat waktu selama puasa.", "agama_sensitif"),
    ("Sedih lihat video orang menendang sesajen. Semua agama berhak dihormati.", "agama_sensitif"),
    (
        "Video parodi salat itu tidak bisa dibenarkan, cukup laporkan, jangan disebar lagi.",
        "agama_sensitif",
    ),
    ("Seragam baru: boleh berjilbab atau tidak, tidak ada yang dipaksa.", "agama_sensitif"),
    (
        "Jadwal kebaktian pagi untuk pasien Kristen pindah ke ruang doa lantai dua.",
        "agama_sensitif",
    ),
    # terorisme: weddings, sales hyperbole, condemnation, grief
    (
        "Selamat untuk pengantin baru dari ruang bersalin, semoga jadi pengantin yang bahagia!",
        "terorisme",
    ),
    (
        "BOM DISKON akhir tahun! Masker dan vitamin potong harga, serbu sebelum kehabisan!",
        "terorisme",
    ),
    ("Turut berduka untuk korban bom di terminal, PMI butuh donor darah golongan O.", "terorisme"),
    (
        "Korupsi alkes itu kejam karena korbannya pasien. Mari dukung pengawasan anggaran.",
        "terorisme",
    ),
    # keluhan_layanan: pay arrived, reporting through channels, parenting advice
    ("Alhamdulillah TPP triwulan ini sudah masuk, terima kasih tim keuangan.", "keluhan_layanan"),
    (
        "Kalau anak ketahuan merokok jangan langsung dimarahi, ajak ke klinik konseling.",
        "keluhan_layanan",
    ),
    ("Bayar iuran BPJS lewat aplikasi bank, tidak perlu antre di loket.", "keluhan_layanan"),
    (
        "Tim bangsal patungan beli kursi roda untuk pasien lansia, semoga bermanfaat.",
        "keluhan_layanan",
    ),
    # radikalisme / terorisme: warnings about recruiters, former members, hyperbole
    (
        "Ada orang bagi buletin yang menyebut Pancasila thaghut, sudah kami serahkan ke Bhabinkamtibmas.",
        "radikalisme",
    ),
    (
        "Pesan yang mengajak tidak ikut upacara karena syirik itu ciri paham radikal, laporkan ya.",
        "radikalisme",
    ),
    (
        "Tetangga kami dulu pernah berbaiat ke kelompok terlarang, kini jadi penyuluh kebangsaan.",
        "terorisme",
    ),
    (
        "Followers akun puskesmas meledak setelah video senam lansia, terima kasih semua!",
        "terorisme",
    ),
    # keluhan_layanan: queues that went well, a hospital answering complaints
    (
        "Daftar lewat aplikasi, nomor antrean poli keluar, selesai sebelum jam sepuluh.",
        "keluhan_layanan",
    ),
    (
        "Menanggapi keluhan soal antrean farmasi, rumah sakit menambah dua apoteker.",
        "keluhan_layanan",
    ),
    # weak words that must not add up on ordinary religious, health and news posts
    ("Heran, ustadz kami hafal semua nama jamaah padahal ratusan orang.", "agama_sensitif"),
    ("Anak-anak teriak-teriak di masjid setelah tarawih, maklum senang.", "agama_sensitif"),
    (
        "Siswa kesurupan massal, ustadz membacakan doa dan tim puskesmas memeriksa.",
        "agama_sensitif",
    ),
    ("Doa tanpa usaha tidak ada gunanya, jadi tetap minum obatnya ya Pak.", "agama_sensitif"),
    ("Film kartun kisah nabi untuk anak sudah tayang di TV lokal.", "agama_sensitif"),
    ("Museum menyimpan kitab kuno abad 17 tentang pengobatan herbal.", "agama_sensitif"),
    ("Alkitab versi terjemahan baru sudah tersedia di ruang doa lantai dua.", "agama_sensitif"),
    ("Masalah stunting ini bom waktu yang bisa meledak kalau tidak ditangani.", "terorisme"),
    (
        "Iuran BPJS dipotong langsung dari gaji ASN, jadi tidak perlu bayar manual.",
        "keluhan_layanan",
    ),
    ("Alat seadanya di pustu tapi kami tetap semangat melayani warga.", "keluhan_layanan"),
    ("Puskesmas buka tanpa libur selama lebaran, IGD 24 jam.", "keluhan_layanan"),
    # a service name plus any cue is enough for keluhan_layanan: no ambiguous cues
    (
        "Dokter puskesmas kami resign untuk lanjut sekolah spesialis, selamat dok!",
        "keluhan_layanan",
    ),
    (
        "Demam anak belum turun setelah dua hari, segera bawa ke puskesmas ya Bun.",
        "keluhan_layanan",
    ),
    ("Staf puskesmas patungan beli kue ulang tahun buat kepala puskesmas.", "keluhan_layanan"),
    ("Stok vaksin di puskesmas tinggal satu vial lagi, segera datang ya.", "keluhan_layanan"),
    ("Serangan asma anak saya dibalas dengan inhaler, alhamdulillah cepat reda.", "terorisme"),
    ("Pengantin baru wajib cek kesehatan pranikah, giliran kalian kapan?", "terorisme"),
    (
        "Beredar video yang menyebut Pancasila thaghut, ormas besar menyatakan itu keliru.",
        "radikalisme",
    ),
    ("Bendera merah putih di kantor sudah sobek, harus diganti sebelum 17 Agustus.", "radikalisme"),
    ("Sejarah pemberontakan bersenjata DI/TII jadi materi pelajaran kelas XII.", "radikalisme"),
    (
        "Pemeriksaan mata di puskesmas: pasien diminta tutup mata kiri lalu baca huruf.",
        "keluhan_layanan",
    ),
    ("Korban ledakan tabung gas meninggal dunia, semoga diterima amalnya.", "terorisme"),
    (
        "Aplikasi Al-Quran ini sudah ketinggalan zaman, semoga ada update fitur tajwid.",
        "agama_sensitif",
    ),
]


# Recall cases of session 5 (q2): classes the word rules missed on the dev batch 7.
#
# Each class has posts the word rules alone must raise and ordinary posts with the same words
# that they must leave ``aman``. Posts written by the bijak authors for this test; every name and
# place is invented; no dataset text, no text of the challenge set's test parts or dev batches.
RECALL_POSITIVES = [
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

RECALL_HARD_NEGATIVES = [
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
