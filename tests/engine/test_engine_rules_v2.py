"""Rules of issue 10, second round: general patterns per weak category, a chain-message health
hoax recognizer and more context frames. Each rule has a positive (still raised by the word
rules alone) and a hard negative (an ordinary post with the same words, left `aman`).

Posts written by the bijak authors for this test; every name, place and number is invented;
no dataset text, no text of the challenge set's test parts.
"""

from __future__ import annotations

import pytest
from rules_cases_s5 import HARD_NEGATIVES as S5_HARD_NEGATIVES
from rules_cases_s5 import POSITIVES as S5_POSITIVES
from rules_cases_s5 import RECALL_HARD_NEGATIVES, RECALL_POSITIVES

from bijak.engine import Pipeline
from bijak.engine.normalize import normalize
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.chain_hoax import (
    ChainHoaxRecognizer,
    chain_hoax_data,
    parse_chain_hoax,
)

MODEL = "bijak.model.v1"

# (post, category the rules must raise)
POSITIVES = [
    # terorisme: praise of attackers, calls and money for attacks, threats
    ("Para pelaku serangan di pos polisi itu pejuang sejati, insyaallah syahid.", "terorisme"),
    ("Kita butuh dana jihad buat beli bahan peledak, transfer infak ke rekening ini.", "terorisme"),
    ("Kami akan meledakkan gedung dinas itu kalau tuntutan kami ditolak.", "terorisme"),
    ("Jangan sebut mereka teroris, mereka membela agama.", "terorisme"),
    # radikalisme: rejecting the state's foundations
    ("Pancasila itu thogut, sistem kafir ini harus diganti khilafah.", "radikalisme"),
    ("Ikut pemilu itu haram, demokrasi sistem buatan manusia wajib ditolak.", "radikalisme"),
    # sara / ujaran_kebencian: contempt for a whole group
    ("Wong Minang kuwi kabeh licik, aja dipercaya ngurus duit kantor.", "sara"),
    ("Orang Dayak itu primitif dan jorok, jangan ditempatkan di kota.", "sara"),
    ("Pengungsi itu parasit dan pembawa penyakit, usir saja dari sini.", "ujaran_kebencian"),
    ("Yang gangguan jiwa itu tidak berguna, dikurung saja seumur hidup.", "ujaran_kebencian"),
    # agama_sensitif: mocking rites, scriptures, clergy; apostasy
    ("Ibadah mereka aneh banget, ngakak lihat mereka ibadah tiap minggu.", "agama_sensitif"),
    ("Kitab suci agama sebelah itu isinya dongeng, pengikutnya bodoh.", "agama_sensitif"),
    ("Yang beda aliran dengan kita pantas kena azab, ibadahnya salah.", "agama_sensitif"),
    # pamer: flexing wealth with office
    ("Ganti mobil lagi, cash tanpa kredit. Hidup enak jadi pejabat.", "pamer"),
    ("Mobil dinas buat jalan-jalan keluarga ke pantai, bensin ditanggung kantor.", "pamer"),
    ("Vendor alkes ngajak liburan ke Swiss, semua ditanggung, biar rekan pada iri.", "pamer"),
    # politik: a civil servant campaigning
    ("Teman-teman bidan, kita harus kompak pilih paslon nomor 2 ya!", "politik"),
    ("Rerencangan, hayu urang menangkeun Pak Darmawan, anjeunna paduli.", "politik"),
    ("Pose dua jari bareng tim puskesmas, kode keras buat nomor urut 2.", "politik"),
    # rahasia: leaking closed meetings and unsigned documents
    ("Hasil rapat tertutup pimpinan tadi siang aku bocorkan di sini ya.", "rahasia"),
    ("Draf kontrak pengadaan obat, mumpung belum diteken, saya share di grup.", "rahasia"),
    # pornografi
    ("Open VCS berbayar, cari teman kencan semalam, merapat.", "pornografi"),
    ("Pasien cewek tadi montok banget, sengaja kuperiksa lama-lama.", "pornografi"),
    # fitnah: an accusation stated as fact about a named person or body
    ("Bidan Ratih Kusuma itu jual bantuan susu ke warung, saya yakin seratus persen.", "fitnah"),
    ("Yayasan Peduli Ginjal itu cuma kedok, donasinya dipakai pengurus.", "fitnah"),
    ("Pak Hendra dapat jabatan karena bayar ke orang pusat, semua orang tahu.", "fitnah"),
    # hoaks: a health scare wrapped as a chain message
    ("Info dari saudara yang kerja di dinas: tablet tambah darah bikin mandul. Sebarkan!", "hoaks"),
    ("Obat darah tinggi dari puskesmas itu merusak ginjal, pemerintah tutupi. Share!", "hoaks"),
    ("Kumur air garam tiap pagi pasti bikin kebal virus, dokter tidak mau kasih tahu.", "hoaks"),
    # tanpa_sumber: certainty or a number after the claim, anecdote as proof
    (
        "Minum seduhan jahe tiap malam bikin gula darah normal, pasti, saya sudah buktikan.",
        "tanpa_sumber",
    ),
    (
        "Diet tanpa nasi 30 hari menurunkan kolesterol sampai 60%, dokter mana pun setuju.",
        "tanpa_sumber",
    ),
    ("Rebusan daun kelor, dijamin mari darah tingginya.", "tanpa_sumber"),
    # keluhan_layanan: health services named with a complaint
    ("Ambulans datang dua jam setelah ditelepon, nyawa orang dianggap mainan.", "keluhan_layanan"),
    ("Jasa pelayanan tiga bulan belum cair, manajemen RSUD payah.", "keluhan_layanan"),
    ("Ayo turun ke jalan, bakar kantor dinas, lawan rezim!", "provokasi"),
    ("Pak Darto itu ada main dengan bidan baru, semua orang sudah tahu.", "fitnah"),
]

# (ordinary post, category a word rule could raise without context)
HARD_NEGATIVES = [
    # education and condemnation of extremism and intolerance
    (
        "BNPT menggelar sosialisasi pencegahan paham radikal, peserta diajak menolak ajakan anti-Pancasila.",
        "radikalisme",
    ),
    ("Kami mengecam serangan bom di gereja semalam, turut berduka untuk para korban.", "terorisme"),
    (
        "Di puskesmas kami ada orang Batak, Bugis dan Jawa, semua hidup rukun seperti saudara.",
        "sara",
    ),
    # one's own vote
    (
        "Sudah nyoblos! Jari ungu, lanjut jaga IGD. Siapa pun yang terpilih semoga amanah.",
        "politik",
    ),
    ("Sesuk nyoblos neng TPS cedhak omah. Sapa wae sing menang, muga-muga amanah.", "politik"),
    # warnings and idioms
    (
        "Kisi-kisi ujian sudah dibagikan resmi oleh panitia. Jangan percaya tawaran bocoran soal.",
        "rahasia",
    ),
    ("Rahasia dapur ibu: sayur bening pakai temu kunci sedikit.", "rahasia"),
    # place names are not groups of people
    ("Polisi Padang membekuk komplotan penipu yang mengaku petugas BPJS.", "sara"),
    ("Sungai di Jawa Barat makin kotor setelah banjir, warga kerja bakti.", "ujaran_kebencian"),
    # an allegation under examination, not stated as fact
    (
        "Inspektorat menerima laporan dugaan pungli di loket dan sedang melakukan klarifikasi.",
        "fitnah",
    ),
    # health facts and debunking with the same words as a hoax
    ("Vaksin HPV mencegah kanker serviks. Yuk bagikan info ini ke grup keluarga.", "hoaks"),
    ("Hoaks: vaksin bikin mandul. Jangan sebarkan, faktanya vaksin aman.", "hoaks"),
    (
        "Forwarded: ayah saya sembuh total setelah operasi jantung di rumah sakit. Terima kasih dokter.",
        "hoaks",
    ),
    # everyday words that the new patterns must not turn into findings
    ("Donasi untuk renovasi gereja bisa lewat rekening panitia, terima kasih.", "terorisme"),
    ("Nakes adalah pejuang kesehatan, mereka pejuang sejati.", "terorisme"),
    ("Almarhum perawat gugur saat pandemi, insyaallah syahid.", "terorisme"),
    ("Penyerang tim kami berani dan cepat, bangga sekali.", "terorisme"),
    ("Gaji ke-13 sudah cair, alhamdulillah bisa bayar sekolah anak.", "pamer"),
    ("Ingat, tolak hadiah dari vendor. Gratifikasi wajib dilaporkan.", "pamer"),
    ("Bayi montok dan sehat, ASI eksklusif enam bulan.", "pornografi"),
    ("Pancasila pemersatu bangsa, selamat hari lahir Pancasila.", "pornografi"),
    ("Rapat internal evaluasi program besok jam 9, mohon hadir.", "rahasia"),
    ("Scan dokumen KTP lalu upload di portal pendaftaran.", "rahasia"),
    ("Warga tolak rencana pemerintah menaikkan tarif parkir.", "radikalisme"),
    ("Sistem antrean puskesmas diganti online mulai bulan depan.", "radikalisme"),
    ("Setan dibelenggu saat Ramadan, perbanyak salat malam.", "agama_sensitif"),
    ("Salat tanpa wudu tidak sah, begitu kata ustaz di kajian tadi.", "agama_sensitif"),
    ("Pak Budi mencuri perhatian dengan lagu di acara kantor.", "fitnah"),
    ("Bu Ani naik jabatan karena prestasinya, selamat!", "fitnah"),
    ("Tenda pengungsi banjir kotor dan becek, butuh relawan kebersihan.", "sara"),
    ("Bahasa Sunda kasar dan halus beda, orang Sunda paham.", "sara"),
    ("Pak dokter, pilih obat yang mana untuk anak saya?", "politik"),
    ("Menurut Kemenkes, imunisasi menurunkan risiko campak sampai 95%.", "tanpa_sumber"),
    ("Pelayanan restoran ini ramah, kamar mandi bersih, antrean cepat.", "keluhan_layanan"),
    (
        "Remaja putri diimbau minum tablet tambah darah seminggu sekali untuk mencegah anemia.",
        "hoaks",
    ),
    ("Dokter kulit menjelaskan tabir surya justru membantu mencegah kanker kulit.", "hoaks"),
    (
        "Obat cacing dibagikan di sekolah pekan ini, aman dan gratis, diminum setelah makan.",
        "hoaks",
    ),
    ("Ayo turun ke jalan Minggu pagi! Car free day sambil senam bareng kader.", "provokasi"),
    ("Serbu! Cek kesehatan gratis untuk lansia di puskesmas, bawa KTP.", "provokasi"),
    ("Emut nya baraya, ASN kedah netral dina pemilu. Ulah ngiring kampanye.", "politik"),
    (
        "Dinkes menambah jadwal imunisasi kejar untuk anak yang tertinggal, layanan dibuka di puskesmas.",
        "hoaks",
    ),
    ("Bu Sari mengajak warga waspada modus orang yang suka menipu lewat telepon.", "fitnah"),
]


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != MODEL])


def _verdict(report, category):
    return next((c.verdict for c in report.categories if c.id == category), "aman")


@pytest.mark.parametrize(("text", "category"), POSITIVES + S5_POSITIVES + RECALL_POSITIVES)
def test_the_rules_raise_the_category(rules, text, category):
    report = rules.analyze(text)
    assert _verdict(report, category) != "aman", [
        (f.category, f.score, f.evidence) for f in report.findings
    ]


@pytest.mark.parametrize(
    ("text", "category"), HARD_NEGATIVES + S5_HARD_NEGATIVES + RECALL_HARD_NEGATIVES
)
def test_the_rules_leave_the_ordinary_post_safe(rules, text, category):
    report = rules.analyze(text)
    assert _verdict(report, category) == "aman", [
        (f.category, f.score, f.evidence, dict(f.meta)) for f in report.findings
    ]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        (
            "BNPT menggelar sosialisasi pencegahan: kenali ajakan ganti Pancasila dengan khilafah.",
            "edukasi_pencegahan",
        ),
        (
            "Sudah nyoblos, siapa pun yang terpilih semoga amanah. Partai apa pun sama saja.",
            "hak_pilih",
        ),
        (
            "Soal Pak Yusuf korupsi itu masih dugaan, hormati asas praduga tak bersalah.",
            "proses_pemeriksaan",
        ),
    ],
)
def test_a_frame_names_itself_and_its_reason(rules, text, frame):
    report = rules.analyze(text)
    touched = [f for f in report.findings if f.meta.get("context") == frame]
    assert touched, [(f.category, f.score, dict(f.meta)) for f in report.findings]
    for f in touched:
        assert f.score == 0.0
        assert f.meta["context_reason_id"] in f.explanation


def test_a_negated_spreading_call_does_not_cancel_a_debunking_frame(rules):
    # "jangan sebarkan" is the opposite of "sebarkan": the debunking frame still applies
    report = rules.analyze("Hoaks lama: vaksin mengandung chip. Jangan sebarkan!")
    assert report.verdict == "aman", [(c.id, c.score) for c in report.categories]
    # while a real call to spread still cancels it
    report = rules.analyze("Ini bukan hoaks, vaksin mengandung chip! Sebarkan sebelum dihapus!")
    assert _verdict(report, "hoaks") != "aman"


def test_praise_for_attackers_survives_enforcement_words(rules):
    text = "Bantu keluarga ikhwan yang ditahan Densus, mereka pejuang. Donasi lewat rekening ini."
    assert _verdict(rules.analyze(text), "terorisme") != "aman"


def _chain(text: str):
    return ChainHoaxRecognizer().analyze(normalize(text))


def test_chain_hoax_needs_both_the_claim_and_the_wrapper():
    assert _chain("Vaksin polio bikin lumpuh, sebarkan ke grup keluarga!")
    assert not _chain("Vaksin polio bikin lumpuh.")  # a claim alone: left to other rules
    assert not _chain("Jadwal vaksin polio hari Sabtu, sebarkan ke grup keluarga!")


def test_chain_hoax_scores_more_wrapper_kinds_higher():
    (one,) = _chain("Air galon bikin gagal ginjal. Sebarkan!")
    (three,) = _chain("Katanya air galon bikin gagal ginjal, tapi ditutupi. Sebarkan!")
    assert three.score > one.score >= chain_hoax_data().base_score
    assert three.meta["target_text"] == "air galon"
    assert three.evidence == "air galon bikin gagal ginjal"


def test_chain_hoax_respects_prevention_and_sentence_ends():
    assert not _chain("Imunisasi melindungi anak dari kelumpuhan, sebarkan info ini.")
    assert not _chain("Vaksin tersedia. Kanker bisa dicegah dengan skrining. Share ya.")


def test_chain_hoax_data_must_say_who_wrote_it():
    with pytest.raises(ValueError, match="written by the bijak authors"):
        parse_chain_hoax("subjects: [a]\n")


# (ordinary post, category, frame): the frame also withdraws the trained model's whole-text
# finding, which has no words to point at
MODEL_FRAMES = [
    (
        "SADARI: periksa payudara sendiri tiap bulan setelah haid.",
        "pornografi",
        "edukasi_kesehatan_seksual",
    ),
    (
        "Pengumuman: poli umum buka pukul 07.30, pendaftaran bisa lewat aplikasi.",
        "keluhan_layanan",
        "informasi_layanan",
    ),
    (
        "Menurut Kemenkes, jalan kaki 30 menit sehari membantu menjaga tekanan darah.",
        "tanpa_sumber",
        "bersumber_resmi",
    ),
    (
        "Ada yang tahu benar nggak kabar vaksin baru itu wajib? Mohon pencerahan.",
        "hoaks",
        "bersumber_resmi",
    ),
    (
        "Hasil tender alat kesehatan diumumkan di LPSE, siapa pun bisa melihat.",
        "rahasia",
        "transparansi_etika",
    ),
    (
        "TPS khusus di rumah sakit melayani pasien rawat inap, petugas KPPS datang ke bangsal.",
        "politik",
        "pemilu_layanan_kebijakan",
    ),
    (
        "Terima kasih dr. Wayan yang sudah meninjau posyandu, semoga sehat selalu.",
        "fitnah",
        "apresiasi_tunggu_fakta",
    ),
    (
        "Simulasi evakuasi ancaman bom di kantor berjalan lancar.",
        "terorisme",
        "kegiatan_kesiapsiagaan",
    ),
]

# (post with the same frame words, category): a real breach is not excused
MODEL_KEPT = [
    (
        "Pengumuman: pelayanan puskesmas payah, antre dari subuh, jadwal diundur terus.",
        "keluhan_layanan",
    ),
    ("Ucapan selamat hari raya agama lain itu haram, yang ikut berarti kafir.", "agama_sensitif"),
    ("Menurut Kemenkes aman, padahal ditutupi. Sebarkan sebelum dihapus!", "hoaks"),
]


def _model_finding(text: str, category: str):
    from bijak.engine.findings import Finding

    return Finding(category, 0, len(text), 0.9, MODEL, text, {})


@pytest.mark.parametrize(("text", "category", "frame"), MODEL_FRAMES)
def test_a_frame_withdraws_the_models_finding_too(text, category, frame):
    from bijak.engine.context import ContextFilter

    (out,) = ContextFilter().apply(normalize(text), [_model_finding(text, category)])
    assert out.score == 0.0 and out.meta["context"] == frame, dict(out.meta)


@pytest.mark.parametrize(("text", "category"), MODEL_KEPT)
def test_a_frame_does_not_excuse_the_models_finding_on_a_breach(text, category):
    from bijak.engine.context import ContextFilter

    (out,) = ContextFilter().apply(normalize(text), [_model_finding(text, category)])
    assert out.score == 0.9, dict(out.meta)


def test_bom_as_a_figure_of_speech_is_not_terrorism(rules):
    report = rules.analyze("Bom vitamin untuk imunitas: jeruk, jambu dan sayur hijau.")
    assert _verdict(report, "terorisme") == "aman"


def test_condemning_a_blasphemy_video_names_the_frame(rules):
    report = rules.analyze(
        "Video orang menginjak Alkitab itu menyakiti banyak orang, tolong jangan disebar lagi."
    )
    touched = [f for f in report.findings if f.meta.get("context") == "kecam_penistaan"]
    assert all(f.score == 0.0 for f in touched)
    assert _verdict(report, "agama_sensitif") == "aman"


def test_sales_hyperbole_does_not_excuse_a_real_threat(rules):
    report = rules.analyze(
        "Promo akhir tahun kami: gedung kalian meledak kalau polisi masih jaga di sana."
    )
    assert _verdict(report, "terorisme") != "aman"
