"""Context, not words: frames and senses lower or withdraw a finding, and say why.

Posts written by the bijak authors for this test (the false alarms and misses listed in issue
10, plus variants of the same kind); no dataset text.
"""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline
from bijak.engine.context import ContextDataError, load_context, parse_context
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS

MODEL = "bijak.model.v1"

# (post, category that a word rule would raise without context)
FALSE_ALARMS = [
    ("BNN amankan 2 kg sabu di Pelabuhan Tanjung Priok, pelaku ditangkap polisi.", "narkoba"),
    ("Polres Bogor meringkus pengedar ganja, barang bukti 3 kg dimusnahkan.", "narkoba"),
    ("Satresnarkoba menggerebek pesta sabu di sebuah kos, lima orang diamankan.", "narkoba"),
    ("Stok serum anti bisa ular (SABU) tersedia di IGD RSUD kami 24 jam.", "narkoba"),
    ("Korban gigitan ular segera dibawa ke IGD, sabu diberikan dalam satu jam pertama.", "narkoba"),
    (
        "Ada tahi lalat baru di punggung yang berubah warna? Segera periksa ke dokter kulit.",
        "kata_kasar",
    ),
    ("Tahi lalat yang gatal dan berdarah perlu diperiksa, bisa jadi tanda melanoma.", "kata_kasar"),
    (
        "Kemenkes TIDAK pernah minta transfer uang untuk rekrutmen CPNS. Waspada penipuan!",
        "penipuan",
    ),
    (
        "Hati-hati modus penipuan mengatasnamakan puskesmas yang menawarkan hadiah undian.",
        "penipuan",
    ),
    (
        "Hoaks lama beredar lagi: vaksin mengandung chip. Faktanya vaksin tidak mengandung chip.",
        "hoaks",
    ),
    ("Cek fakta: pesan berantai 'plandemi' itu tidak benar, jangan disebarkan ya.", "hoaks"),
    (
        "Alhamdulillah setelah 6 bulan kemoterapi ayah saya dinyatakan sembuh total oleh dokter.",
        "tanpa_sumber",
    ),
    (
        "Terima kasih tim dokter RS, pasca operasi ibu sudah sembuh total dan boleh pulang.",
        "tanpa_sumber",
    ),
    ("Pengingat: ASN wajib netral dalam Pilkada, jangan ikut kampanye di media sosial.", "politik"),
    ("Netralitas ASN: pegawai dilarang ikut kampanye capres maupun caleg.", "politik"),
    # asking whether a forwarded claim is true, before answering it (session 6)
    (
        "ini bener nggak sih? di grup keluarga ada yg share vaksin covid bikin mandul. gw mau"
        " jawab tapi cari sumber resmi dulu. ada yang punya link?",
        "hoaks",
    ),
]

# ordinary posts that only the trained model (not a word rule) might misread
MODEL_FALSE_ALARMS = [
    "Capek banget habis jaga malam 24 jam, mau tidur dulu.",
    "Alhamdulillah selesai shift malam di IGD, capek tapi senang bisa membantu pasien.",
    # the writer's own tiredness, told with how they recovered (session 6)
    "Tahun ketiga jadi perawat IGD aku sempat capek banget. Untung ada teman yang ngajak konseling.",
    "Pulang jaga badan capek banget, besok libur mau tidur seharian.",
    # a match reported (session 6)
    "Tim futsal puskesmas juara 1 turnamen antar puskesmas, skor akhir 4-2. Bangga!",
]

# complaints about a service that also say the writer is tired: still complaints
TIRED_COMPLAINTS = [
    "Capek banget badan ini, antre BPJS dari subuh sampai sore belum dipanggil. Pelayanan payah.",
    "Curhat dikit, capek banget bolak-balik ke RS cuma buat dioper sana sini, pelayanan kacau.",
]

# posts that must still be raised (rules alone): the context words do not apply
STILL_RAISED = [
    ("Ready sabu dan ganja, COD aman, order via DM.", "narkoba"),
    ("Jual sabu paket hemat, polisi nggak bakal tahu.", "narkoba"),
    ("Ini bukan hoaks! Vaksin mengandung chip, sebarkan sebelum dihapus!", "hoaks"),
    (
        "Selamat anda terpilih menang undian, hati-hati jangan bilang siapa-siapa, transfer dulu biaya admin.",
        "penipuan",
    ),
    ("ASN harus netral katanya, tapi saya dukung paslon nomor 2, ayo coblos nomor 2!", "politik"),
    (
        "Alhamdulillah ibu saya sembuh total dari kanker cuma minum air rebusan daun sirsak, tanpa kemoterapi!",
        "tanpa_sumber",
    ),
    ("Dasar tahi kau, goblok!", "kata_kasar"),
]


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != MODEL])


@pytest.fixture(scope="module")
def full() -> Pipeline:
    return Pipeline()


def _verdict(report, category):
    return next((c.verdict for c in report.categories if c.id == category), "aman")


def _assert_frame_withdraws(rules, full, text, category, frame):
    """The rules call ``text`` safe for ``category`` because ``frame`` set its words aside (and
    the explanation says so); the full pipeline agrees."""
    report = rules.analyze(text)
    assert _verdict(report, category) == "aman", [
        (f.category, f.score, f.evidence, dict(f.meta)) for f in report.findings
    ]
    touched = [f for f in report.findings if f.category == category and "context" in f.meta]
    assert touched and all(f.meta["context"] == frame for f in touched), [
        dict(f.meta) for f in touched
    ]
    assert all(f.meta["context_reason_id"] in f.explanation for f in touched)
    assert _verdict(full.analyze(text), category) == "aman"


def _assert_still_raised(rules, full, text, category):
    """Neither the rules nor the full pipeline excuse the breach in ``text``."""
    for pipe in (rules, full):
        report = pipe.analyze(text)
        assert _verdict(report, category) != "aman", [
            (f.category, f.score, f.evidence, dict(f.meta)) for f in report.findings
        ]


@pytest.mark.parametrize(("text", "category"), FALSE_ALARMS)
def test_context_withdraws_a_word_that_means_something_else(rules, text, category):
    report = rules.analyze(text)
    assert _verdict(report, category) == "aman", [
        (f.category, f.score, f.evidence, dict(f.meta)) for f in report.findings
    ]
    touched = [f for f in report.findings if f.category == category and "context" in f.meta]
    assert touched, "the rule fired and context set it aside"
    for f in touched:
        assert f.explanation, "the explanation says why"
        assert f.meta["context_reason_id"] in f.explanation


@pytest.mark.parametrize(("text", "category"), FALSE_ALARMS)
def test_the_full_pipeline_calls_the_issue_false_alarms_safe(full, text, category):
    report = full.analyze(text)
    assert report.verdict == "aman", [(c.id, c.score, c.verdict) for c in report.categories]


@pytest.mark.parametrize("text", MODEL_FALSE_ALARMS)
def test_the_full_pipeline_calls_personal_tiredness_safe(full, text):
    report = full.analyze(text)
    assert report.verdict == "aman", [(c.id, c.score, c.verdict) for c in report.categories]


@pytest.mark.parametrize("text", TIRED_COMPLAINTS)
def test_tiredness_beside_a_complaint_does_not_excuse_the_complaint(full, text):
    assert _verdict(full.analyze(text), "keluhan_layanan") != "aman"


@pytest.mark.parametrize(("text", "category"), STILL_RAISED)
def test_context_does_not_excuse_a_real_breach(rules, text, category):
    report = rules.analyze(text)
    assert _verdict(report, category) != "aman", [
        (f.category, f.score, f.evidence, dict(f.meta)) for f in report.findings
    ]


def test_a_withdrawn_finding_is_explained_in_indonesian_and_english(rules):
    text = "Stok serum anti bisa ular (SABU) tersedia di IGD."
    idn = rules.analyze(text)
    eng = rules.analyze(text, lang="en")
    (f_id,) = [f for f in idn.findings if f.category == "narkoba"]
    (f_en,) = [f for f in eng.findings if f.category == "narkoba"]
    assert f_id.score == 0.0
    assert f_id.meta["context"] == "serum_anti_bisa"
    assert f_id.explanation == (
        "'SABU' tidak dihitung sebagai Narkoba karena 'sabu' di sini adalah serum anti bisa "
        "ular (SABU), istilah medis."
    )
    assert f_en.explanation.startswith("'SABU' is not counted as ")


def test_a_lowered_quotation_keeps_a_reason_in_the_clause_explanation(rules):
    text = "Pelaku meneriakkan kata bangsat dan goblok kepada petugas, kini dilaporkan ke polisi."
    report = rules.analyze(text)
    lowered = [f for f in report.findings if f.category == "kata_kasar"]
    assert lowered and all(f.meta.get("context") == "kutipan_berita" for f in lowered)
    assert all(float(f.meta["score_before_context"]) > f.score > 0 for f in lowered)


def test_the_context_version_is_recorded_in_every_report(rules):
    report = rules.analyze("halo")
    assert report.versions.lexicons["bijak.lang.id.context"] == load_context().version


def test_context_data_must_say_who_wrote_it():
    with pytest.raises(ContextDataError, match="written by the bijak authors"):
        parse_context("frames: []\n")


def test_context_data_rejects_an_id_used_twice():
    text = (
        "# written by the bijak authors\n"
        "frames:\n"
        "  - {id: x, categories: [hoaks], phrases: [a], reason: {id: r, en: r}}\n"
        "  - {id: x, categories: [fitnah], phrases: [b], reason: {id: r, en: r}}\n"
    )
    with pytest.raises(ContextDataError, match="used twice: x"):
        parse_context(text)


def test_context_data_rejects_a_bad_scope():
    text = (
        "# written by the bijak authors\n"
        "frames:\n  - {id: x, scope: paragraph, reason: {id: a, en: b}, phrases: [a]}\n"
    )
    with pytest.raises(ContextDataError, match="scope must be"):
        parse_context(text)


# Frames added for the hard ordinary posts of issue 10 (rules-fa). Posts invented by the bijak
# authors: (post, category a rule raises without context, frame that sets it aside).
NEW_FRAMES_WITHDRAW = [
    (
        "Katanya minum rebusan daun sirsak bisa sembuhkan kanker, padahal penelitiannya baru "
        "di tikus.",
        "hoaks",
        "kutip_lalu_bantah",
    ),
    (
        "Apa benar vaksin covid menyebabkan kemandulan? Simak jawaban dokter kandungan berikut.",
        "hoaks",
        "pertanyaan_penjelasan",
    ),
    (
        '"Dasar bodoh!" teriak pelaku perundungan kepada korban dalam video itu. Sekolah sudah '
        "memanggil orang tua.",
        "kata_kasar",
        "laporan_perundungan",
    ),
    (
        "Menurut saya antrean apotek RSUD Sukamaju masih lambat, sebaiknya loketnya ditambah. "
        "Semoga ke depan lebih cepat.",
        "keluhan_layanan",
        "saran_membangun",
    ),
    (
        'Pelaku penipuan sering pakai kalimat "selamat Anda mendapat hadiah". Kalau dapat pesan '
        "begitu, abaikan saja.",
        "penipuan",
        "peringatan_penipuan",
    ),
    (
        "Waspada! Ada akun WhatsApp yang mengaku pejabat dinkes dan minta pulsa. Itu bukan kami.",
        "penipuan",
        "peringatan_penipuan",
    ),
    (
        "Pasien saya sembuh dari ketergantungan sabu setelah ikut rehab 6 bulan. Bangga sama "
        "perjuangannya.",
        "narkoba",
        "edukasi_obat",
    ),
    (
        "Pengingat: ASN dilarang memberi like atau komentar pada unggahan kampanye peserta pemilu.",
        "politik",
        "netralitas_asn",
    ),
    (
        "Mengingatkan: daftar hadir rapat internal tidak boleh difoto lalu diunggah ke grup publik.",
        "rahasia",
        "transparansi_etika",
    ),
    # everyday secrets (session 6)
    (
        "Resep rahasia sambal mertua akhirnya dibocorkan juga ke saya setelah 10 tahun menikah.",
        "rahasia",
        "rahasia_sehari_hari",
    ),
    (
        "Surprise buat kepala ruangan besok! Rahasia ya, jangan bocorin ke beliau.",
        "rahasia",
        "rahasia_sehari_hari",
    ),
    (
        "Materi kuliah sosiologi: mengapa narasi 'negara thaghut' menarik anak muda, dan "
        "bagaimana kontra-narasinya.",
        "radikalisme",
        "edukasi_pencegahan",
    ),
    (
        "Hati-hati modus VCS yang berujung pemerasan. Jangan pernah kirim foto pribadi ke orang"
        " yang baru dikenal.",
        "pornografi",
        "peringatan_eksploitasi_seksual",
    ),
]

# the same frames must not excuse a breach that wears their words
NEW_FRAMES_STILL_RAISED = [
    ("Katanya vaksin aman, padahal banyak yang lumpuh setelah disuntik. Sebarkan!", "hoaks"),
    ("Katanya vaksin aman, padahal vaksin bikin mandul.", "hoaks"),
    ("Benarkah vaksin bikin mandul? Ternyata benar! Sebarkan ke grup keluarga.", "hoaks"),
    ("Waspada! Vaksin booster bikin mandul, cek dulu sebelum disuntik. Sebarkan!", "hoaks"),
    ("Dasar bodoh kau, pantas jadi korban perundungan.", "kata_kasar"),
    (
        "Antrean apotek RSUD Sukamaju lambat, petugasnya judes, sebaiknya dipecat saja. Kecewa!",
        "keluhan_layanan",
    ),
    # a scam pasted whole in quotation marks is still the author's message
    (
        '"Selamat Anda mendapat hadiah 10 juta dari Kemenkes, jangan percaya yang lain, transfer '
        'dulu biaya admin ke rekening ini"',
        "penipuan",
    ),
    ("Sabu ready, harga miring, bahaya kalau ketahuan, DM aja.", "narkoba"),
    (
        "Selamat anda terpilih dapat bantuan nakes, jangan bilang siapa-siapa, klik link "
        "berikut lalu transfer dulu biaya admin.",
        "penipuan",
    ),
    (
        "Ini bocoran daftar mutasi pejabat yang belum diteken, jangan bilang siapa-siapa ya.",
        "rahasia",
    ),
    ("Rahasia ya, hasil audit internal dinas sudah keluar, aku spill di sini.", "rahasia"),
    ("Materi kajian kita: negara thaghut wajib diganti khilafah, siap hijrah.", "radikalisme"),
    (
        "Ada video syur perawat yang viral, link video di bio, jangan sebarkan video ini ya.",
        "pornografi",
    ),
    ("Open VCS murah, hati-hati modus penipu, aku asli. DM aja.", "pornografi"),
    ("Bener gak sih vaksin bikin mandul? Udah terbukti kok, sebarkan!", "hoaks"),
    # a match reported next to a stake is betting (session 6)
    (
        "Tim voli kantor menang 3-1 sore tadi, yang pasang di situs GACOR88 cuan semua, depo"
        " lagi malam ini!",
        "perjudian",
    ),
    # election-procedure and neutrality words around a partisan call (session 6)
    ("Sudah coblos, yang penting datang! Semoga paslon 2 menang, lanjutkan!", "politik"),
    (
        "Kunjungan kerja bareng caleg Partai Rakyat Maju hari ini, sukses terus Pak, kami siap"
        " menangkan!",
        "politik",
    ),
    ("Hasil hitung KPU nanti pasti paslon 02 menang, gas pol!", "politik"),
    # warning words denied or mocked; a threat dressed in the words of harmony (session 6)
    (
        "Yang bilang sabu bahaya itu lebay, gue pake tiap minggu nggak bakal kecanduan kok.",
        "narkoba",
    ),
    (
        "Katanya kerukunan lintas agama, padahal gereja itu sasaran. Bom sudah dirakit, tinggal"
        " tunggu hari.",
        "terorisme",
    ),
    # help for fighters that names the police only as their enemy, or asks for "bahan kimia"
    (
        "Infaq untuk keluarga mujahid yang ditahan Densus, transfer ke rekening yang ada di japri."
        " Dana juga untuk persiapan aksi berikutnya.",
        "terorisme",
    ),
    (
        "Yang punya akses gudang farmasi, bisa bantu bahan kimia buat saudara-saudara kita?"
        " Kebutuhan jihad, insya Allah pahalanya besar.",
        "terorisme",
    ),
]


@pytest.mark.parametrize(("text", "category", "frame"), NEW_FRAMES_WITHDRAW)
def test_new_frames_withdraw_an_ordinary_post(rules, full, text, category, frame):
    _assert_frame_withdraws(rules, full, text, category, frame)


@pytest.mark.parametrize(("text", "category"), NEW_FRAMES_STILL_RAISED)
def test_new_frames_do_not_excuse_a_breach(rules, full, text, category):
    _assert_still_raised(rules, full, text, category)


def test_a_refutation_counts_only_next_to_a_report_of_what_others_say():
    text = (
        "# written by the bijak authors\n"
        "frames:\n"
        "  - {id: x, categories: [hoaks], phrases: [keliru], requires: [katanya],\n"
        "     reason: {id: a, en: b}}\n"
    )
    (frame,) = parse_context(text).frames
    assert frame.requires == (("katanya",),)


def test_a_quoted_insult_reported_by_a_bystander_lowers_the_model_too(full):
    text = '"Goblok!" begitu seorang penonton meneriaki wasit di pertandingan kemarin.'
    report = full.analyze(text)
    assert _verdict(report, "kata_kasar") != "langgar"
    lowered = [f for f in report.findings if f.category == "kata_kasar"]
    assert lowered and all(f.meta.get("context") == "kutipan_berita" for f in lowered)
    assert all(0 < f.score < float(f.meta["score_before_context"]) for f in lowered)


def test_a_quoted_scam_line_does_not_cancel_the_warning_around_it(rules):
    quoted = 'Pesan penipu biasanya berbunyi "klaim hadiah Anda sekarang". Abaikan saja.'
    bare = "Klaim hadiah Anda sekarang, abaikan pesan lain."
    assert _verdict(rules.analyze(quoted), "penipuan") == "aman"
    assert _verdict(rules.analyze(bare), "penipuan") != "aman"


# Frames and senses added after reading the blind families (rules-fa, second step). Posts
# invented by the bijak authors: (post, category a rule raises without context, frame or sense).
QUOTE_AND_REPORT_WITHDRAW = [
    (
        "Di grup RT ada yang nulis 'pendatang itu sampah, usir saja'. Kalimat seperti itu "
        "merendahkan warga kita sendiri.",
        "ujaran_kebencian",
        "kutipan_kecaman",
    ),
    (
        "Ada akun yang menyebut para pelaku bom itu syuhada. Itu menyakitkan bagi keluarga "
        "korban dan akun itu sudah saya laporkan.",
        "terorisme",
        "laporan_kecaman",
    ),
    (
        "Tanya: apakah hormat bendera merah putih itu syirik? Jawab ustaz: tidak, itu "
        "penghormatan kepada simbol negara.",
        "radikalisme",
        "tanya_jawab",
    ),
    (
        "Kalau menemukan dugaan pungli di puskesmas, laporkan lewat kanal pengaduan resmi, "
        "identitas pelapor dirahasiakan.",
        "keluhan_layanan",
        "arahan_kanal_resmi",
    ),
    (
        "Platform video sudah menurunkan konten yang mengklaim air garam menyembuhkan diabetes.",
        "tanpa_sumber",
        "penurunan_konten",
    ),
    (
        "Batas pengumpulan laporan kinerja paling lambat Jumat pukul 16.00 di bagian umum dinkes.",
        "keluhan_layanan",
        "paling_lambat",
    ),
    (
        "Tidak ada pertanyaan yang bodoh di kelas ibu hamil, tanya saja ke bidan.",
        "kata_kasar",
        "bodoh_bukan_makian",
    ),
    (
        "Lomba busana adat di HKN: ada yang pakai baju bodo, ada yang pakai kebaya.",
        "kata_kasar",
        "baju_bodo_kasar",
    ),
]

QUOTE_AND_REPORT_STILL_RAISED = [
    ("Pendatang itu sampah, usir saja dari kampung kita!", "ujaran_kebencian"),
    (
        "Para pelaku bom itu syuhada sejati, semoga makin banyak yang mengikuti jalan mereka.",
        "terorisme",
    ),
    (
        "Tanya: apakah hormat bendera itu syirik? Jawab ustaz: ya, haram hukumnya, jangan mau "
        "hormat bendera thaghut.",
        "radikalisme",
    ),
    (
        "Petugas loket puskesmas Sukamaju minta pungli 50 ribu tiap pasien, tidak becus dan "
        "kecewa berat saya.",
        "keluhan_layanan",
    ),
    ("Ayo kepung kantor dinkes malam ini, bakar kalau perlu!", "provokasi"),
    ("Air garam menyembuhkan diabetes, share sebelum take down!", "hoaks"),
    ("Pelayanan dinkes lambat banget, berkas saya ditahan seminggu.", "keluhan_layanan"),
    ("Ayo pilih nomor 2 di pilkada nanti, demi puskesmas kita!", "politik"),
    ("Dasar bodoh, kerja begitu saja tidak becus!", "kata_kasar"),
]


@pytest.mark.parametrize(("text", "category", "frame"), QUOTE_AND_REPORT_WITHDRAW)
def test_quoted_reported_and_answered_words_are_set_aside(rules, full, text, category, frame):
    _assert_frame_withdraws(rules, full, text, category, frame)


@pytest.mark.parametrize(("text", "category"), QUOTE_AND_REPORT_STILL_RAISED)
def test_quoted_reported_and_answered_frames_do_not_excuse_a_breach(rules, full, text, category):
    _assert_still_raised(rules, full, text, category)


def test_choosing_a_clinic_and_a_queue_number_is_not_voting(rules):
    report = rules.analyze("Caranya: buka aplikasi, pilih poli anak, lalu ambil nomor antrean.")
    assert _verdict(report, "politik") == "aman"
    touched = [f for f in report.findings if f.category == "politik"]
    assert all(f.meta.get("context") == "pilih_layanan" for f in touched)


def test_a_quoted_scope_needs_the_finding_inside_quotation_marks(rules):
    quoted = "Ada yang nulis 'dasar goblok' di kolom komentar, sudah kami hapus."
    bare = "Dasar goblok, sudah kami hapus komentarmu."
    assert _verdict(rules.analyze(quoted), "kata_kasar") == "aman"
    assert _verdict(rules.analyze(bare), "kata_kasar") != "aman"


def test_context_data_accepts_the_quoted_scope():
    text = (
        "# written by the bijak authors\n"
        "frames:\n  - {id: x, scope: quoted, reason: {id: a, en: b}, phrases: [a]}\n"
    )
    (frame,) = parse_context(text).frames
    assert frame.scope == "quoted"


# Third step (rules-fa): elections as history, fiction, calls to stop mocking, religious
# history, good news about a covered bill. Posts invented by the bijak authors.
THIRD_WITHDRAW = [
    (
        "Tahukah kamu? Pemilu pertama di negeri ini diikuti puluhan partai. Bahan menarik "
        "untuk kelas sejarah.",
        "politik",
        "pemilu_informasi",
    ),
    (
        "Klub teater kantor akan pentas drama tentang pegawai yang difitnah korupsi, datang ya "
        "Sabtu malam.",
        "fitnah",
        "fiksi_pertunjukan",
    ),
    (
        "Tolong berhenti bikin meme kepala puskesmas diedit jadi monyet. Itu bukan kritik, bisa "
        "kena pasal.",
        "kata_kasar",
        "ajakan_berhenti",
    ),
    (
        "Alhamdulillah biaya operasi ayah ditanggung penuh BPJS. Terima kasih doa semuanya.",
        "penipuan",
        "kabar_baik_biaya",
    ),
]

THIRD_STILL_RAISED = [
    ("Ayo coblos nomor 3 di pemilu nanti, partai kita pasti menang!", "politik"),
    ("Bendahara dinkes itu korupsi dana posyandu, semua orang tahu, pecat saja!", "fitnah"),
    ("Kepala puskesmas itu goblok kayak monyet, pantas diedit begitu.", "kata_kasar"),
    ("Para pelaku bom gereja itu syuhada, ikuti jalan mereka!", "terorisme"),
    (
        "Alhamdulillah anda terpilih, biaya operasi ditanggung penuh, transfer dulu biaya admin "
        "ke rekening ini.",
        "penipuan",
    ),
]


@pytest.mark.parametrize(("text", "category", "frame"), THIRD_WITHDRAW)
def test_third_step_frames_withdraw_an_ordinary_post(rules, full, text, category, frame):
    report = rules.analyze(text)
    assert _verdict(report, category) == "aman", [
        (f.category, f.score, f.evidence, dict(f.meta)) for f in report.findings
    ]
    touched = [f for f in report.findings if f.category == category and "context" in f.meta]
    assert touched and all(f.meta["context"] == frame for f in touched)
    assert _verdict(full.analyze(text), category) == "aman"


@pytest.mark.parametrize(("text", "category"), THIRD_STILL_RAISED)
def test_third_step_frames_do_not_excuse_a_breach(rules, full, text, category):
    for pipe in (rules, full):
        assert _verdict(pipe.analyze(text), category) != "aman"


def test_religious_history_withdraws_the_models_finding(full):
    text = "Ceramah tarawih semalam menceritakan para syuhada perang Uhud, jamaah sampai menangis."
    report = full.analyze(text)
    assert _verdict(report, "terorisme") == "aman"
    model = [f for f in report.findings if f.category == "terorisme" and "context" in f.meta]
    assert all(f.meta["context"] == "sejarah_agama" for f in model)


def test_a_health_disorder_is_not_a_service_outage(rules):
    ordinary = (
        "Kecanduan judi online termasuk gangguan yang bisa ditangani, konsultasi di puskesmas."
    )
    outage = "Aplikasi pendaftaran puskesmas gangguan lagi, sudah tiga hari, pelayanan lelet."
    report = rules.analyze(ordinary)
    assert _verdict(report, "keluhan_layanan") == "aman"
    touched = [f for f in report.findings if f.category == "keluhan_layanan"]
    assert touched and all(f.meta.get("context") == "gangguan_medis" for f in touched)
    assert _verdict(rules.analyze(outage), "keluhan_layanan") != "aman"


# Breaches that wear the words of a frame too broad at first (rules-fa, pruning step).
PRUNED_STILL_RAISED = [
    (
        "Mereka itu 'kafir', stop berteman dengan mereka dan jangan mau dirawat dokter mereka.",
        "sara",
    ),
    (
        "Tanya: apakah demokrasi haram? Jawab: demokrasi sistem kufur, wajib ditolak semua ASN.",
        "radikalisme",
    ),
    ("Kata ahli, vaksin booster bikin mandul.", "hoaks"),
    ("Dokter Budi di RSUD Sukamaju korupsi dana BPJS miliaran, laporkan ke KPK!", "fitnah"),
    (
        "Antre 5 jam di puskesmas, ya maklum lah pelayanan lelet begini, tidak becus.",
        "keluhan_layanan",
    ),
]


@pytest.mark.parametrize(("text", "category"), PRUNED_STILL_RAISED)
def test_broad_cues_do_not_excuse_a_breach(rules, full, text, category):
    _assert_still_raised(rules, full, text, category)


def test_a_rhetorical_question_is_not_an_explainer(rules):
    explainer = "Benarkah minum air es setelah makan bikin kanker? Simak penjelasan ahli gizi."
    rhetorical = "Benarkah vaksin booster bikin mandul? Pikirkan sendiri, pemerintah diam saja."
    assert _verdict(rules.analyze(explainer), "hoaks") == "aman"
    assert _verdict(rules.analyze(rhetorical), "hoaks") != "aman"


# Breaches that existing frames used to excuse, found on the blind families (rules-fa).
GUARDED_STILL_RAISED = [
    (
        "Akun ini mengatasnamakan kepala puskesmas, minta iuran acara ke rekening pribadi. "
        "Segera transfer sebelum jam tiga.",
        "penipuan",
    ),
    (
        "Ngucapin selamat hari raya agama lain itu dosa besar, jangan sampai kalian ikut.",
        "agama_sensitif",
    ),
    (
        "Jalan kaki mundur tiap pagi pasti menyembuhkan pengapuran lutut, bahkan yang sudah "
        "disuruh operasi.",
        "tanpa_sumber",
    ),
]


@pytest.mark.parametrize(("text", "category"), GUARDED_STILL_RAISED)
def test_guards_keep_breaches_that_wear_a_frames_words(full, text, category):
    report = full.analyze(text)
    assert _verdict(report, category) != "aman", [
        (f.category, f.score, dict(f.meta)) for f in report.findings
    ]


def test_an_insult_aimed_at_a_machine_is_not_an_insult(rules):
    machine = "Printer ruangan kita ini goblok banget, disuruh cetak satu lembar keluar lima."
    person = "Admin ruangan kita ini goblok banget, disuruh cetak satu lembar tidak bisa."
    report = rules.analyze(machine)
    assert _verdict(report, "kata_kasar") == "aman"
    touched = [f for f in report.findings if f.category == "kata_kasar"]
    assert touched and all(f.meta.get("context") == "benda_bukan_orang" for f in touched)
    assert _verdict(rules.analyze(person), "kata_kasar") != "aman"


def test_a_patient_who_understands_a_long_wait_is_not_complaining(full):
    calm = (
        "Antre di poli penyakit dalam lumayan lama, tapi saya maklum: pasiennya banyak dan "
        "dokternya memeriksa dengan teliti."
    )
    sarcastic = "Antre 5 jam di puskesmas, ya maklum lah pelayanan lelet begini, tidak becus."
    assert _verdict(full.analyze(calm), "keluhan_layanan") == "aman"
    assert _verdict(full.analyze(sarcastic), "keluhan_layanan") != "aman"


def test_care_named_inside_the_claim_does_not_make_it_a_recovery_story() -> None:
    """The recovery-story frame lowers a cure claim when the post tells of care received;
    care named as what the cure spares you ("tanpa perlu operasi", "tidak perlu kemo") is
    part of the claim (``cue_not_after``)."""
    from bijak.engine import analyze

    claims = [
        "Miom di rahim bisa hilang total tanpa perlu operasi, cukup minum jamu ini sebulan.",
        "Minum kapsul ini rutin, kanker payudara pasti hilang, tidak perlu kemo lagi.",
    ]
    story = (
        "Alhamdulillah setelah operasi dan kontrol rutin, dokter menyatakan ibu saya sembuh "
        "total dari miom."
    )
    for claim in claims:
        report = analyze(claim)
        assert _verdict(report, "tanpa_sumber") != "aman"
        assert not any(f.meta.get("context") == "cerita_kesembuhan" for f in report.findings)
    assert _verdict(analyze(story), "tanpa_sumber") == "aman"


def test_a_scam_warning_withdraws_the_claim_it_warns_against() -> None:
    """peringatan_penipuan also reads the claim matcher's findings (session 8): an official
    warning names the bait ("bantuan", "insentif", "transfer") of the scam it warns about."""
    from bijak.engine import default_pipeline

    text = (
        "Kementerian Kesehatan tidak pernah meminta transfer untuk pendaftaran bantuan atau "
        "insentif nakes. Waspada penipuan yang mengatasnamakan kementerian!"
    )
    report = default_pipeline().analyze(text)
    assert report.verdict == "aman", [(f.category, f.recognizer, f.score) for f in report.findings]
    claims = [f for f in report.findings if f.recognizer.startswith("bijak.claims")]
    assert claims and all(f.meta["context"] == "peringatan_penipuan" for f in claims)
