"""Session 6 (fa7, second round): fewer false alarms of the word rules on ordinary posts that
share words with politik, pamer, perjudian and rahasia, each class checked both ways: the
ordinary post stays `aman` for the category, and a real breach that wears the same words is
still raised. Posts written by the bijak authors for this test (new sentences); no dataset text.
"""

from __future__ import annotations

# (class, category, ordinary post that must stay aman for the category)
SAFE = [
    # politik: the election commission named as the place for election facts
    (
        "rujukan_kpu",
        "politik",
        "Apa bedanya pileg dan pilpres? Pileg memilih wakil dari partai untuk duduk di dewan, "
        "pilpres memilih presiden. Penjelasan resminya ada di laman KPU.",
    ),
    (
        "rujukan_kpu",
        "politik",
        "Perawat yang dinas di luar kota saat pemilu, cek status DPT di situs KPU ya, biar tahu "
        "harus pindah memilih ke mana.",
    ),
    # politik: sports fandom, and the slang "no cap" read as "nomor cap"
    (
        "dukungan_olahraga",
        "politik",
        "Si kakak fans berat timnas, aku dukung timnas juga no cap. Nonton pertandingan bareng di "
        "ruang jaga jadi seru.",
    ),
    (
        "no_cap_slang",
        "politik",
        "Sambal buatan ibu kantin paling juara no cap, aku pilih ini tiap makan siang.",
    ),
    # politik: mental health around an election
    (
        "kesehatan_jiwa_pemilu",
        "politik",
        "Habis pilkada, tolong jangan jadikan caleg gagal bahan lelucon. Depresi bisa kena siapa "
        "saja, layanan kesehatan jiwa di puskesmas terbuka untuk semua.",
    ),
    # politik: asked "nomor berapa?", the author keeps the ballot secret
    (
        "tanya_pilihan_dirahasiakan",
        "politik",
        "Pasien lansia tanya ke saya nanti coblos nomor berapa. Saya jawab pilih sesuai hati "
        "nurani saja, Pak, yang penting datang ke TPS.",
    ),
    # politik: newsroom advice not to side with any party
    (
        "menolak_politik_praktis",
        "politik",
        "Tips buat admin medsos kantor: selama masa kampanye jangan bikin judul yang memihak "
        "partai mana pun.",
    ),
    # politik: fraud in health-insurance claims (the model's finding)
    (
        "kecurangan_klaim_kesehatan",
        "politik",
        "Kecurangan itu nyata, bukan cuma niat jahat: koder yang salah input diagnosis bikin "
        "klaim BPJS membengkak. Materi anti fraud hari ini bagus.",
    ),
    # pamer: a salary spent treating family, no luxury
    (
        "traktir_syukur",
        "pamer",
        "Tidak ada belanja mahal, gaji pertama buat traktir bapak ibu makan sate di warung "
        "langganan. Alhamdulillah.",
    ),
    # perjudian: financial literacy
    (
        "literasi_keuangan_judi",
        "perjudian",
        "Kelas literasi keuangan untuk pegawai: bedanya tabungan bank, reksa dana, dan judi online "
        "yang menyamar jadi aplikasi investasi. Selalu cek legalitas di situs OJK.",
    ),
    (
        "literasi_keuangan_judi",
        "perjudian",
        "Belajar investasi emas dan reksadana itu pelan tapi pasti, nggak ada istilah 'jackpot' "
        "atau 'maxwin'. Janji untung berlipat dalam sehari itu tanda bahaya.",
    ),
    # perjudian: children and pay-to-spin games
    (
        "anak_dan_game",
        "perjudian",
        "Si kecil ngambek karena gachanya zonk terus. Aku jelasin game itu dirancang bikin "
        "penasaran biar terus top up. Aturan baru: uang jajan bukan buat spin.",
    ),
    # perjudian: a family game with a joke for a stake
    (
        "main_tanpa_uang",
        "perjudian",
        "Nenek tiap sore main kartu remi sama cucu, katanya melatih otak biar nggak pikun. "
        "Taruhannya cuma siapa yang nyapu halaman besok.",
    ),
    # perjudian: songbird keepers' talk ("gacor", luck at a contest)
    (
        "burung_kicau",
        "perjudian",
        "Lovebird di teras lagi gacor, kicaunya bikin semangat. Semoga hoki di lomba kicau minggu "
        "depan.",
    ),
    (
        "burung_kicau",
        "perjudian",
        "Murai batu bapak lagi gacor pagi ini, kicaunya nyaring sampai ujung gang, semoga cuan di "
        "lomba bulan depan.",
    ),
    # rahasia: a series reviewed without spoilers
    (
        "tontonan_tanpa_spoiler",
        "rahasia",
        "Review drakor medis tanpa bocoran: adegan operasinya detail, soal alurnya nggak akan aku "
        "ceritakan.",
    ),
    (
        "tontonan_tanpa_spoiler",
        "rahasia",
        "Jangan buka kolom komentar sebelum nonton episode terakhir, banyak spoiler! Aku tutup "
        "mulut rapat-rapat soal endingnya.",
    ),
    # rahasia: an office gift exchange
    (
        "rahasia_sehari_hari",
        "rahasia",
        "Dapat nama kepala bidang di undian secret santa. Rahasia negara pokoknya, jangan ada yang "
        "intip layar HP-ku!",
    ),
    # rahasia: a warning against leaked exam questions
    (
        "tolak_bocoran_soal",
        "rahasia",
        "Modul persiapan UKOM sudah dibagikan resmi oleh panitia. Tawaran bocoran soal di medsos "
        "jangan dihiraukan ya.",
    ),
    # rahasia: information already announced in the open
    (
        "sudah_diumumkan_terbuka",
        "rahasia",
        "Kalau ada yang ngaku pegang dokumen rahasia soal formasi CPNS, tanya saja kenapa tidak ada "
        "di rilis resmi. Semua formasi diumumkan terbuka.",
    ),
    (
        "sudah_diumumkan_terbuka",
        "rahasia",
        "Ternyata kabar di grup benar: jadwal senam pagi pindah ke hari Jumat. Pengumumannya sudah "
        "ditempel di papan pengumuman lobi.",
    ),
]

# (class, category, breach that wears the same words and must still be raised)
BREACH = [
    (
        "rujukan_kpu",
        "politik",
        "Cek DPT kalian di situs KPU, terus tanggal 14 coblos nomor 2 ya, demi nakes sejahtera!",
    ),
    (
        "dukungan_olahraga",
        "politik",
        "Nonton pertandingan timnas sambil pakai kaos paslon 01, salam dua jari buat semua suporter!",
    ),
    (
        "no_cap_slang",
        "politik",
        "Bapak ibu, pilih nomor 2 ya no cap, programnya paling jelas buat puskesmas.",
    ),
    (
        "kesehatan_jiwa_pemilu",
        "politik",
        "Kesehatan jiwa itu penting, makanya pilih caleg yang peduli: ayo coblos nomor 3!",
    ),
    (
        "tanya_pilihan_dirahasiakan",
        "politik",
        "Ditanya pilih nomor berapa? Rahasia dong. Tapi kode keras: nomor 1 paling paham kesehatan.",
    ),
    (
        "menolak_politik_praktis",
        "politik",
        "Katanya ASN harus tidak memihak partai mana pun, tapi saya tetap dukung paslon 02, "
        "coblos gambarnya!",
    ),
    (
        "literasi_keuangan_judi",
        "perjudian",
        "Nggak usah cek izin OJK, situs ini sudah terpercaya! Depo 10 ribu langsung WD, pola gacor "
        "hari ini di link bio.",
    ),
    (
        "anak_dan_game",
        "perjudian",
        "Gacha di sini beda, bisa cair! Top up chip, sekali spin langsung WD ke rekening, link di bio.",
    ),
    (
        "main_tanpa_uang",
        "perjudian",
        "Main domino sama cucu boleh, tapi malam ini di pos ronda taruhannya goceng per putaran, "
        "yang mau gabung japri.",
    ),
    (
        "burung_kicau",
        "perjudian",
        "Burung boleh gacor, slot juga harus gacor: depo receh di situs kami, auto WD.",
    ),
    (
        "burung_kicau",
        "perjudian",
        "Mimpi lihat burung murai, angka main togel malam ini 23, japri bandar.",
    ),
    (
        "tontonan_tanpa_spoiler",
        "rahasia",
        "Spoiler kebijakan: ini screenshot draf SK mutasi yang belum diumumkan, endingnya kayak "
        "sinetron.",
    ),
    (
        "tolak_bocoran_soal",
        "rahasia",
        "Bocoran soal UKOM asli dari panitia, bukan tawaran bocoran abal-abal. Yang mau japri.",
    ),
    (
        "sudah_diumumkan_terbuka",
        "rahasia",
        "Aku fotoin daftar mutasi di meja kabag sebelum ditempel di papan pengumuman. Jangan "
        "bilang dari saya ya.",
    ),
    (
        "rahasia_sehari_hari",
        "rahasia",
        "Secret santa kantor tahun ini seru. Oh iya, ini notulen rapat pimpinan soal rotasi, "
        "internal only, jangan disebar.",
    ),
]
