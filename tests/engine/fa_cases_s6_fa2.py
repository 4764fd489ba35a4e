"""Session 6 (fa2) false alarms of the word rules on ordinary posts, each class checked both
ways: the ordinary post stays `aman` for the category, and a breach that wears the same words
is still raised. Categories: kata_kasar, sara, ujaran_kebencian, pornografi, agama_sensitif.
Posts written by the bijak authors for this test (new sentences); no dataset text.
"""

from __future__ import annotations

# (class, category, ordinary post that must stay aman for it)
SAFE = [
    # a word taught or named in a language lesson
    (
        "pelajaran_bahasa",
        "kata_kasar",
        "Les bahasa daerah sore tadi: dalam bahasa krama, asu diganti segawon kalau bicara "
        "dengan orang tua.",
    ),
    (
        "pelajaran_bahasa",
        "sara",
        "Anak saya belajar bahasa Jawa halus di sekolah, ternyata asu itu kasar dan yang sopan "
        "segawon.",
    ),
    (
        "pelajaran_bahasa",
        "sara",
        "Perawat dari Jawa belajar bahasa Sasak dasar supaya bisa menyapa pasien lansia.",
    ),
    # quoted words heard from others, then handled
    (
        "kutipan_ditangani",
        "kata_kasar",
        "Keponakan saya yang masih TK ikut-ikutan bilang 'tolol' gara-gara nonton video game. "
        "Ayo awasi tontonan anak.",
    ),
    (
        "kutipan_ditangani",
        "kata_kasar",
        "Materi pelatihan petugas loket: kalau ada pengunjung membentak 'dasar petugas goblok', "
        "tetap tenang dan minta bantuan satpam.",
    ),
    (
        "kutipan_ditangani",
        "kata_kasar",
        "Dua remaja di karang taruna saling ejek 'bego, tolol', lalu kakak pembina menengahi "
        "dengan sabar.",
    ),
    (
        "kutipan_ditangani",
        "ujaran_kebencian",
        "Miris membaca ajakan 'usir ODHA dari desa' di grup warga. Itu melanggar hukum, dan "
        "puskesmas akan datang memberi penyuluhan.",
    ),
    (
        "kutipan_ditangani",
        "ujaran_kebencian",
        "Dulu saya pernah dibilang 'sampah masyarakat' karena saya ODHA. Kini saya aktif jadi "
        "pendamping sebaya.",
    ),
    (
        "kutipan_ditangani",
        "agama_sensitif",
        "Di kelas literasi digital kami belajar mengenali narasi seperti 'pemerintah thaghut' "
        "atau 'pemilu itu syirik' yang beredar di media sosial.",
    ),
    # a family or an educator noticing and handling radical talk
    (
        "waspada_keluarga",
        "sara",
        "Adik saya hampir terjebak kajian online yang lama-lama menyebut negara kafir. "
        "Alhamdulillah cepat ketahuan dan sekarang rutin ngobrol dengan konselor sekolah.",
    ),
    (
        "waspada_keluarga",
        "agama_sensitif",
        "Untuk para ayah dan ibu: kalau anak bilang bendera itu syirik dan gurunya kafir, jangan "
        "langsung dimarahi. Ajak ngobrol pelan-pelan dulu.",
    ),
    # radicalism is not about looks
    (
        "bukan_soal_penampilan",
        "agama_sensitif",
        "Catatan pelatihan wasbang: radikalisme bukan soal cadar, tapi sikap yang menolak "
        "Pancasila. Jangan asal nge-judge orang dari penampilan.",
    ),
    # prayers sent to a loved one
    (
        "kirim_doa",
        "agama_sensitif",
        "Rindu almarhum bapak yang dulu suka membacakan dongeng sebelum tidur. Sekarang hanya "
        "bisa kirim doa dari jauh.",
    ),
    # office work closed while colleagues keep a holy day
    (
        "tutup_laporan",
        "agama_sensitif",
        "Rekan-rekan Hindu cuti untuk Nyepi, kami yang lain bantu tutup laporan bulanan.",
    ),
    # 'sinting' as amazement or admiration
    ("gila_kagum", "kata_kasar", "Sinting, nggak kerasa anak pertamaku sudah wisuda hari ini."),
    (
        "gila_kagum",
        "kata_kasar",
        "Kamu sinting sih, jaga malam terus paginya ikut lomba maraton. Salut!",
    ),
    # the bat, the bedbug, livestock, a carcass, a mole, a dog bite, household pests
    (
        "kampret_kelelawar",
        "kata_kasar",
        "Di goa dekat puskesmas banyak kampret, kelelawar kecil pemakan serangga.",
    ),
    ("kutu_bangsat", "kata_kasar", "Kata mbah, bentol-bentol ini karena bangsat di ranjang bambu."),
    (
        "hewan",
        "kata_kasar",
        "Peternak babi diminta melapor ke dinas peternakan jika banyak ternaknya mati mendadak.",
    ),
    (
        "bangkai_hewan",
        "kata_kasar",
        "Bangkai ayam yang mati karena flu burung harus dikubur, jangan dibuang ke kali.",
    ),
    (
        "tahi_lalat",
        "kata_kasar",
        "Tahi lalta di punggung yang berubah bentuk sebaiknya diperiksakan ke dokter kulit.",
    ),
    ("hewan", "kata_kasar", "Yen dicokot asu, tatune enggal dikumbah nganggo sabun."),
    (
        "basmi_hama",
        "ujaran_kebencian",
        "Cara basmi kutu rambut anak: keramas pakai sampo khusus lalu sisir dengan serit.",
    ),
    # an ordinary massage
    ("pijat", "pornografi", "Habis turun gunung badan pegal semua, sore ini mau pijat dulu."),
    (
        "pijat",
        "pornografi",
        "Ibu menyusui boleh pijat payudara pelan-pelan saat bengkak, tanyakan ke konselor laktasi.",
    ),
    ("pijat", "pornografi", "Kelas pijat bayi di posyandu Sabtu ini, bawa handuk kecil ya."),
]

# (class, category that must be raised, breach wearing the same words)
BREACH = [
    ("pelajaran_bahasa", "kata_kasar", "Belajar bahasa sama kamu bikin emosi, goblok banget sih!"),
    (
        "pelajaran_bahasa",
        "sara",
        "Dasar wong Jawa kampungan, belajar bahasa Indonesia saja tidak becus.",
    ),
    ("kutipan_ditangani", "kata_kasar", "Pasien itu menirukan suara saya, dasar tolol."),
    (
        "kutipan_ditangani",
        "ujaran_kebencian",
        "Usir ODHA dari kampung kita, mereka pembawa penyakit!",
    ),
    (
        "waspada_keluarga",
        "agama_sensitif",
        "Pemerintah ini kafir semua dan upacara itu syirik. Jangan langsung dimarahi kalau anak "
        "bilang begitu, dia benar.",
    ),
    (
        "bukan_soal_penampilan",
        "agama_sensitif",
        "Jangan asal nge-judge katanya, tapi cadar itu sesat, larang saja di kantor.",
    ),
    ("kirim_doa", "agama_sensitif", "Doa kalian itu cuma dongeng, percuma kirim doa."),
    ("tutup_laporan", "agama_sensitif", "Nyepi itu ritual bodoh, tutup saja semua jalannya."),
    ("gila_kagum", "kata_kasar", "Dasar sinting kamu, kerja begini saja tidak becus!"),
    ("kampret_kelelawar", "kata_kasar", "Kampret, siapa yang parkir motor di depan pintu IGD!"),
    ("kutu_bangsat", "kata_kasar", "Bangsat, jadwal jaga diubah lagi tanpa kabar!"),
    ("basmi_hama", "ujaran_kebencian", "Basmi kaum pendatang itu dari kampung kita!"),
    ("pijat", "pornografi", "Terima pijat++ khusus pria, bisa ke hotel, terapis cantik."),
    ("pijat", "pornografi", "Open pijat plus plus, japri aja."),
]
