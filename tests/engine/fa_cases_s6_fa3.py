"""Session 6 (fa3): fewer false alarms of the word rules on ordinary posts that share words with
politik, rahasia, pamer, perjudian, provokasi and data_pribadi, each class checked both ways:
the ordinary post stays `aman` for the category, and a real breach that wears the same words is
still raised. Posts written by the bijak authors for this test (new sentences); no dataset text.
"""

from __future__ import annotations

# (class, category, ordinary post that must stay aman for the category)
SAFE = [
    # politik: how to vote, taught to voters
    (
        "tata_cara_memilih",
        "politik",
        "Buat lansia di rumah: lipat surat suara sesuai garis, minta bantuan petugas KPPS kalau "
        "tangan gemetar, tidak usah takut salah coblos.",
    ),
    (
        "tata_cara_memilih",
        "politik",
        "Pemilih pemula wajib tahu: bawa KTP, masuk bilik, coblos sekali, lalu celup jari ke "
        "tinta. Gampang kok.",
    ),
    # politik: health services during an election
    (
        "layanan_kesehatan_pemilu",
        "politik",
        "Tim PSC 119 siaga di sekitar lapangan selama kampanye akbar, layanan kegawatdaruratan "
        "gratis untuk semua.",
    ),
    # politik: a survey reported evenly
    (
        "liputan_survei_debat",
        "politik",
        "Hasil survei terbaru: ketiga paslon bersaing ketat, margin of error 3 persen. Silakan "
        "nilai sendiri programnya.",
    ),
    # politik: a civil servant who turns a campaign role down
    (
        "menolak_politik_praktis",
        "politik",
        "Ditawari jadi tim sukses caleg tetangga, saya tolak. Sebagai pegawai puskesmas, itu "
        "jelas dilarang.",
    ),
    # politik: a date and a queue number for a clinic visit
    (
        "antrean_layanan",
        "politik",
        "Ibu sudah bisa daftar poli lewat aplikasi. Cukup pilih tanggal, dapat nomor, lalu datang.",
    ),
    # politik: piercing a balloon, a contest won two terms in a row, English "no"
    (
        "coblos_benda",
        "politik",
        "Bocah-bocah coblos balon pakai jarum pentul, meletus semua, ramai sekali pestanya.",
    ),
    (
        "periode_lomba",
        "politik",
        "Alhamdulillah dua periode berturut-turut tim kami juara lomba kebersihan puskesmas.",
    ),
    (
        "no_bahasa_inggris",
        "politik",
        "Kampanye 'Say No to Bullying' dipasang di depan UKS sekolah binaan, "
        "semoga anak-anak aman.",
    ),
    # rahasia: asking not to pass on offensive content, and to report it
    (
        "jangan_sebar_konten",
        "rahasia",
        "Ada video yang mengolok-olok pasien gangguan jiwa. Tolong jangan disebar, cukup "
        "laporkan ke platformnya.",
    ),
    # rahasia: a draft regulation opened for public comment
    (
        "konsultasi_publik",
        "rahasia",
        "Rancangan Permenkes tentang apotek daring dibuka untuk partisipasi publik. Silakan beri "
        "masukan lewat laman kementerian.",
    ),
    # rahasia: how internal papers must be shared, a report through the official channel
    (
        "jalur_informasi_resmi",
        "rahasia",
        "Pengingat: notulen rapat internal hanya dibagikan melalui persuratan elektronik, bukan "
        "grup WhatsApp umum.",
    ),
    (
        "jalur_informasi_resmi",
        "rahasia",
        "Sudah kami laporkan lewat LAPOR! lengkap dengan berita acara dan foto kerusakan alat.",
    ),
    # rahasia: a farewell surprise, tips to stay fit
    (
        "rahasia_sehari_hari",
        "rahasia",
        "Sst, jangan bocor ke Bu Ani ya, video ucapan perpisahan buat beliau masih aku edit.",
    ),
    (
        "rahasia_sehari_hari",
        "rahasia",
        "Bocoran rahasia tetap fit selama shift malam: tidur siang sebentar dan "
        "jangan lupa sarapan.",
    ),
    # pamer: criticising or laughing at luxury
    (
        "kritik_kemewahan",
        "pamer",
        "Lihat harga jam tangan mewah di iklan, kaget lihat harga segitu. Mending uangnya buat "
        "biaya sekolah anak.",
    ),
    (
        "kritik_kemewahan",
        "pamer",
        "Nonton video orang pamer mobil sport sambil duduk di motor butut sendiri, yang penting "
        "hati tenang.",
    ),
    # pamer: a bonus shared with the elderly, thanks before or during duty
    (
        "syukur_berbagi",
        "pamer",
        "THR cair, sebagian kami belikan sembako untuk lansia di posyandu binaan. Semoga "
        "bermanfaat untuk mereka.",
    ),
    (
        "syukur_berbagi",
        "pamer",
        "Terima kasih untuk perawat IGD yang masih tersenyum jam dua pagi, semoga lelahnya jadi "
        "berkah. #ootd",
    ),
    # pamer: a hospital ("RS"), a time of day
    ("rumah_sakit_pamer", "pamer", "Pasien saya dirawat di RS, biaya ditanggung JKN sepenuhnya."),
    # perjudian: a good day told in gambling slang
    (
        "kiasan_menang",
        "perjudian",
        "Hari ini maxwin versi emak-emak: cucian kering, anak tidur cepat, dapur beres.",
    ),
    # perjudian: warning colleagues off a gambling offer, someone who quit
    (
        "jauhi_judi",
        "perjudian",
        "Kalau ada yang nawarin pola gacor di grup alumni, abaikan dan laporkan ke admin. "
        "Itu judi.",
    ),
    (
        "jauhi_judi",
        "perjudian",
        "Ayah saya sekarang sudah tobat dari togel dan rajin ke masjid, bangga banget.",
    ),
    # perjudian: a water refill depot, a hospital's website
    ("depo_air", "perjudian", "Depo air minum isi ulang dekat puskesmas buka sampai malam."),
    (
        "situs_instansi",
        "perjudian",
        "Jadwal poli anak bisa dicek di situs resmi RSUD Sehat88 sebelum datang.",
    ),
    # provokasi: a sale, a football drill, a hand-washing campaign, exercise, news of a trial
    (
        "ajakan_kegiatan",
        "provokasi",
        "Flash sale akhir bulan! Vitamin dan masker potong harga, stok terbatas, serbu sebelum "
        "kehabisan!",
    ),
    (
        "ajakan_kegiatan",
        "provokasi",
        "Latihan SSB sore ini: begitu bola hilang, langsung serbu lawan dan tutup ruang.",
    ),
    (
        "ajakan_kegiatan",
        "provokasi",
        "Mari kita 'kepung' kelas-kelas SD dengan kampanye cuci tangan pakai sabun, relawan "
        "promkes ditunggu!",
    ),
    ("bergerak_sehat", "provokasi", "Tetap aktif bergerak, ayo ikut senam lansia Sabtu pagi!"),
    (
        "makar_berita",
        "provokasi",
        "Sidang kasus makar di pengadilan negeri ditunda pekan depan karena saksi berhalangan.",
    ),
    # data_pribadi: a mother-and-child hospital, a group after an honorific, an honorific
    # that ends a sentence
    (
        "rs_ibu_dan_anak",
        "data_pribadi",
        "Terima kasih tim hemodialisa RS Ibu dan Anak Sejahtera yang sabar merawat ayah saya "
        "sampai pulih.",
    ),
    (
        "bukan_nama_pasien",
        "data_pribadi",
        "Kelas Ibu Hamil Puskesmas Sukamaju dibuka Sabtu ini, materi tanda bahaya kehamilan dan "
        "persalinan.",
    ),
    (
        "bukan_nama_pasien",
        "data_pribadi",
        "Diabetes bisa dicegah dengan pola makan sehat. Jangan lupa cek gula darah rutin ya, "
        "Bapak Ibu.",
    ),
    (
        "sapaan_akhir_kalimat",
        "data_pribadi",
        "Pengobatan TB gratis di puskesmas, jangan putus obat ya, Mas. Dulu saya juga sembuh "
        "setelah enam bulan.",
    ),
]

# (class, category, breach wearing the same words, still raised)
BREACH = [
    (
        "tata_cara_memilih",
        "politik",
        "Pemilih pemula, pas di bilik nanti coblos nomor 2 ya, jangan sampai salah coblos!",
    ),
    (
        "layanan_kesehatan_pemilu",
        "politik",
        "Pos kesehatan kita buka di acara kampanye besok, habis itu ayo coblos paslon 01 biar "
        "puskesmas dapat gedung baru!",
    ),
    (
        "liputan_survei_debat",
        "politik",
        "Kata survei ketiga paslon bersaing, tapi jagoan kita pasti menang satu putaran. "
        "Ayo pilih nomor 1!",
    ),
    (
        "menolak_politik_praktis",
        "politik",
        "Saya tolak tawaran mereka karena saya sudah jadi tim sukses paslon 02. Menangkan 02!",
    ),
    ("periode_lomba", "politik", "Presiden kita harus dua periode lagi, lanjutkan!"),
    (
        "jangan_sebar_konten",
        "rahasia",
        "Ini hasil rapat tertutup soal mutasi, jangan disebar ya, cukup kita yang tahu.",
    ),
    (
        "konsultasi_publik",
        "rahasia",
        "Bocoran draf Permenkes apotek daring, aku dapat dari orang dalam. Beri masukan sebelum "
        "diumumkan ya.",
    ),
    (
        "jalur_informasi_resmi",
        "rahasia",
        "Notulen rapat internal seharusnya hanya dibagikan melalui persuratan elektronik, tapi aku "
        "fotoin buat kalian, jangan bilang dari saya.",
    ),
    (
        "rahasia_sehari_hari",
        "rahasia",
        "Sst jangan bocor dulu, daftar nama yang akan dimutasi sudah ada di meja saya.",
    ),
    (
        "kritik_kemewahan",
        "pamer",
        "Alhamdulillah baru beli tas branded Hermes, mending uangnya dipakai buat senang-senang, "
        "hidup cuma sekali!",
    ),
    (
        "kritik_kemewahan",
        "pamer",
        "Mobil sport baru lunas cash, cicilan nol, hati tenang. Rezeki anak soleh!",
    ),
    (
        "syukur_berbagi",
        "pamer",
        "THR cair langsung borong tas branded, sisanya beli sembako untuk lansia biar berkah.",
    ),
    (
        "rumah_sakit_pamer",
        "pamer",
        "Rumah kedua di Puncak ditanggung vendor proyek, lumayan buat healing.",
    ),
    (
        "kiasan_menang",
        "perjudian",
        "Maxwin versi sultan, depo 20 ribu langsung WD jutaan, link di bio!",
    ),
    (
        "jauhi_judi",
        "perjudian",
        "Pola gacor hari ini, abaikan yang lain, langsung daftar lewat link di bio dan ambil bonus "
        "depo!",
    ),
    (
        "jauhi_judi",
        "perjudian",
        "Sudah tobat katanya, tapi tiap malam masih depo togel lewat link di bio.",
    ),
    ("depo_air", "perjudian", "Depo 10 ribu bisa main semua game slot, WD cepat!"),
    (
        "situs_instansi",
        "perjudian",
        "Main di situs resmi Sehat88 aja, depo receh langsung cuan!",
    ),
    (
        "ajakan_kegiatan",
        "provokasi",
        "Serbu kantor dinas sebelum mereka kabur, bakar semua arsipnya!",
    ),
    (
        "ajakan_kegiatan",
        "provokasi",
        "Mari kita kepung kantor bupati malam ini, jangan kasih mereka keluar!",
    ),
    ("bergerak_sehat", "provokasi", "Ayo bergerak, kepung kantor bupati malam ini!"),
    (
        "makar_berita",
        "provokasi",
        "Terpidana makar itu pahlawan sejati, ayo lanjutkan perjuangannya dan gulingkan "
        "pemerintah!",
    ),
    (
        "rs_ibu_dan_anak",
        "data_pribadi",
        "Pasien RS Ibu dan Anak Sejahtera, Ny. Rahma Dewi, ternyata positif HIV, kasihan suaminya.",
    ),
    (
        "bukan_nama_pasien",
        "data_pribadi",
        "Ibu hamil Ny. Lestari Wulan di RT 03 ternyata positif hepatitis B, tolong keluarganya "
        "diperiksa.",
    ),
    (
        "sapaan_akhir_kalimat",
        "data_pribadi",
        "Dulu tetangga saya Mas Joko Susilo kena TB paru, sekarang sudah sembuh.",
    ),
    ("sapaan_akhir_kalimat", "data_pribadi", "Pasien Tn. Hendra Wijaya positif HIV sejak Mei."),
]
