"""Session 6 (fa1) false alarms of the word rules on hard negatives of keluhan_layanan,
penghinaan and fitnah, each class checked both ways: the ordinary post stays `aman` for the
category, and a real breach wearing the same words is still raised. Posts written by the
bijak authors for this test (new sentences); no dataset text.
"""

from __future__ import annotations

# (class, category, ordinary post that must stay aman for the category)
SAFE = [
    # keluhan_layanan: 'rusak' of an organ or a road
    (
        "rusak_organ",
        "keluhan_layanan",
        "Gula darah yang tidak dikontrol bikin ginjal rusak pelan-pelan. Rutin kontrol ke "
        "puskesmas ya, Bu.",
    ),
    (
        "rusak_jalan",
        "keluhan_layanan",
        "Kunjungan rumah ke dusun seberang, jalannya rusak habis longsor, tapi posyandu tetap "
        "kami buka.",
    ),
    # 'parah' as an intensifier of weather or feelings
    (
        "parah_penegas",
        "keluhan_layanan",
        "Macet parah pagi ini menuju RSUD, untung sudah berangkat dari jam enam.",
    ),
    (
        "parah_penegas",
        "keluhan_layanan",
        "Bangga parah sama tim puskesmas yang juara lomba inovasi tingkat kabupaten!",
    ),
    # rude words someone used, reported
    (
        "kata_kasar",
        "keluhan_layanan",
        "Pengunjung yang mengucapkan kata-kata kasar ke petugas IGD tadi sudah ditenangkan satpam.",
    ),
    # an empty form, an empty bed to wait for
    (
        "kosong_formulir",
        "keluhan_layanan",
        "Formulir kosong untuk pendaftaran rujukan bisa diambil di meja informasi.",
    ),
    # a court ruling, a refusal by the rules
    (
        "ditolak_hukum",
        "keluhan_layanan",
        "Banding terdakwa kasus pengadaan alat rumah sakit ditolak pengadilan tinggi minggu ini.",
    ),
    (
        "ditolak_resep",
        "keluhan_layanan",
        "Hari ini di apotek ada yang ditolak membeli antibiotik tanpa resep, kami jelaskan alasannya "
        "dengan sabar.",
    ),
    # an outage notice once fixed
    (
        "pulih",
        "keluhan_layanan",
        "Info: gangguan sistem antrean online puskesmas sudah pulih sejak jam 9. Terima kasih atas "
        "kesabarannya.",
    ),
    # a child who will not take medicine
    (
        "susah_minum_obat",
        "keluhan_layanan",
        "Balita saya susah minum obat, akhirnya sirupnya dicampur sedikit jus. Saran dari bidan "
        "puskesmas.",
    ),
    # a survey's findings for follow-up
    (
        "hasil_survei",
        "keluhan_layanan",
        "Hasil survei internal: separuh staf pernah dibentak pengunjung. Hasilnya jadi dasar pelatihan "
        "de-eskalasi untuk petugas loket.",
    ),
    # an incident already reported to the proper unit
    (
        "pengaduan_unit",
        "keluhan_layanan",
        "Motor saya kesenggol ambulans di perempatan. Saya kesal, tapi sudah saya laporkan ke unit "
        "pengaduan RS dan sopirnya minta maaf.",
    ),
    # breast milk going off
    (
        "basi_asi",
        "keluhan_layanan",
        "Mau tanya, ASI perah di suhu ruang berapa jam sebelum basi? Kata bidan posyandu bisa "
        "empat jam.",
    ),
    # penghinaan: 'kasi' is 'kasih' after normalisation (thanks, giving an example)
    (
        "kasih",
        "penghinaan",
        "Anak-anak di posyandu saling ejek 'bodoh'. Kader kasih contoh cara menegur yang baik.",
    ),
    (
        "kasih",
        "penghinaan",
        "Terima kasih untuk semua kader yang sudah membantu bulan timbang. Bukan sampah plastik yang "
        "kami kumpulkan, tapi semangat!",
    ),
    # children taught not to use insults they picked up
    (
        "didik_anak",
        "penghinaan",
        "Si kecil tiba-tiba bilang 'goblok lu' ke temannya, niru konten YouTube. Kami ajak ngobrol "
        "pelan, kata itu menyakiti orang.",
    ),
    # laziness denied
    (
        "bukan_malas",
        "penghinaan",
        "Puskesmas kami sepi siang ini, bukan karena malas, semua petugas sedang turun ke lapangan.",
    ),
    # a cat grown fat
    (
        "gendut_hewan",
        "penghinaan",
        "Kucing liar yang dulu sering tidur di teras puskesmas sekarang gendut dan jinak.",
    ),
    # an episode's plot
    (
        "episode",
        "penghinaan",
        "Episode minggu ini seru, direktur rumah sakit ternyata korup dan dokternya bodoh. Penulis "
        "naskahnya pintar bikin kejutan.",
    ),
    # fitnah: deploring others' careless accusations
    (
        "sesalkan",
        "fitnah",
        "Miris baca komentar 'pegawai yang rumahnya bagus pasti korupsi'. Teman kita itu menabung "
        "bertahun-tahun. Yuk belajar menahan jari.",
    ),
    (
        "cek_dulu",
        "fitnah",
        "Sebelum meneruskan kabar 'direktur X korupsi', tanya dulu sumbernya apa. Kalau tidak ada "
        "bukti, berhenti di kamu.",
    ),
    # notices that name misconduct without accusing anyone
    (
        "bebas_calo",
        "fitnah",
        "Pendaftaran pasien baru di RSUD Sehat Sentosa sekarang lewat aplikasi, gratis tanpa calo.",
    ),
    (
        "dibiayai",
        "fitnah",
        "Layanan rehabilitasi korban kekerasan di Puskesmas Melati resmi dibiayai negara.",
    ),
    # a care story
    (
        "asesmen",
        "fitnah",
        "Seorang ibu datang membawa anaknya yang sudah setahun pakai sabu. Kami bantu asesmen dan "
        "rujuk ke layanan rehabilitasi.",
    ),
    # 'kepala' alone: a regional head in general
    (
        "kepala",
        "fitnah",
        "Ongkos politik yang mahal membuat kepala daerah rawan korupsi. Sistemnya yang perlu dibenahi.",
    ),
]

# (class, category that must be raised, breach wearing the same words)
BREACH = [
    (
        "rusak_alat",
        "keluhan_layanan",
        "Tensimeter di Puskesmas Mawar rusak sejak bulan lalu dan tidak diganti, pelayanannya makin "
        "payah.",
    ),
    (
        "parah_layanan",
        "keluhan_layanan",
        "Pelayanan RSUD Cempaka parah, antre dari subuh dan dokternya datang jam dua siang.",
    ),
    (
        "petugas_kasar",
        "keluhan_layanan",
        "Petugas loket puskesmas kasar dan judes, ditanya baik-baik malah dibentak. Kecewa berat.",
    ),
    (
        "stok_kosong",
        "keluhan_layanan",
        "Obat hipertensi di puskesmas kosong lagi, tiga bulan berturut-turut. Kecewa.",
    ),
    (
        "ditolak_rs",
        "keluhan_layanan",
        "Ayah saya ditolak rumah sakit padahal kartu BPJS aktif, disuruh pulang tanpa penjelasan.",
    ),
    (
        "laporan_diabaikan",
        "keluhan_layanan",
        "Sudah saya laporkan ke manajemen soal AC bangsal yang rusak, tapi tidak pernah digubris. "
        "Pasien kepanasan.",
    ),
    (
        "basi_makanan",
        "keluhan_layanan",
        "Makanan pasien di bangsal RSUD tadi siang basi, nasinya bau. Parah.",
    ),
    (
        "hina_pegawai",
        "penghinaan",
        "Kepala seksi kita itu bodoh dan pemalas, kerjanya cuma tanda tangan.",
    ),
    (
        "hina_gendut",
        "penghinaan",
        "Perawat baru itu gendut kayak karung beras, bikin malu ruangan aja.",
    ),
    (
        "hina_lu",
        "penghinaan",
        "Dokter jaga malam itu goblok, kerjaan lu cuma main HP doang.",
    ),
    (
        "tuduh_korupsi",
        "fitnah",
        "Semua orang sudah tahu Pak Bambang Sutrisno korupsi dana kapitasi puskesmas. Sebarkan!",
    ),
    (
        "tuduh_calo",
        "fitnah",
        "Petugas pendaftaran RSUD Sehat Sentosa itu calo, pasti dia terima uang dari pasien.",
    ),
    (
        "tuduh_kepala",
        "fitnah",
        "Kepala dinas kita korupsi dana BOK, saya yakin seratus persen. Sebarkan ke grup lain.",
    ),
]
