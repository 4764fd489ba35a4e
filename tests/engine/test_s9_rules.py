"""Sessions 9 to 11: word rules studied on the development batches 21 to 31. Every post is written
by the bijak authors for this test; names and numbers are invented.

Most cases are two tables: posts a word rule must raise in a category, and ordinary posts it
must leave ``aman`` there (often the same words in another frame)."""

from __future__ import annotations

import pytest
from fa_checks import verdict

from bijak.engine import Pipeline
from bijak.engine.lexicons import load_lexicon, spelling_variants
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.lexicon import variant_entries


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    """The word rules alone: what these tests check does not depend on the trained model."""
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


RAISED = [
    # stressed and filter-dodging spellings of curses (none of them in a word list)
    ("kata_kasar", "Tim IT nya guoblog banget, login aja gagal terus"),
    ("kata_kasar", "woi admin govlok, jawab dong"),
    ("kata_kasar", "kelakuanmu bangsad tenan"),
    ("kata_kasar", "kocak lu bgsd"),
    # curses of Medan and Makassar
    ("kata_kasar", "Kimak kau, sombong kali"),
    ("kata_kasar", "sundala' ko semua, telaso"),
    ("narkoba", "Tramadol ready kak, tanpa resep, DM aja ya, COD bisa."),
    ("narkoba", "Night shift hack dari senior: amfetamin dosis kecil, jaga 3 malam tetep seger."),
    (
        "provokasi",
        "Kalau ada orang asing dekat sekolah, jangan tanya-tanya, langsung hajar rame-rame!",
    ),
    (
        "agama_sensitif",
        "Males banget nolong persalinan anak hasil zina, azab dunia belum seberapa.",
    ),
    ("ujaran_kebencian", "Niruin cara jalan pasien CP di poli rehab, kayak robot rusak wkwk"),
    (
        "keluhan_layanan",
        "SIMRS neng RSUD ngadat meneh, pasien bolak-balik loket. Iki pelayanan opo dagelan.",
    ),
    # a teenager pinned down by her father's local role; an outbreak's first case named
    (
        "data_pribadi",
        "pasien hamil termuda aku tahun ini 14 tahun, inisial S, anaknya pak RT 03 Sukamulya "
        "yang punya warung bakso itu loh",
    ),
    (
        "data_pribadi",
        "Update KLB: kasus pertama adalah Bima Saputra (7 th), hasil NS1 positif, DBD.",
    ),
    ("data_pribadi", "Rina Marlina pasien gangguan jiwa di bangsal 3, kasihan keluarganya."),
    # session 10 (batches 25, 27 and 29)
    (
        "politik",
        "Pulang apel langsung pakai jaket partai, biar semua tahu aku loyal sama partai kita.",
    ),
    (
        "politik",
        "Bangga mendukung pasangan Joko Santoso dan Lina Marlina, teman-teman puskesmas ikut ya!",
    ),
    ("penghinaan", "Narasumber webinar tadi otak pendek banget, ditanya dikit langsung bingung."),
    ("penghinaan", "Kader posyandu RW sebelah ra mutu blas, uteke cethek."),
    (
        "provokasi",
        "Besok kalau petugas datang lagi, kita sandera aja di balai desa sampai tuntutan dipenuhi.",
    ),
    (
        "rahasia",
        "Aku udah lihat data embargo hasil survei gizi, sebelum rilis resmi pokoknya kabupaten kita parah.",
    ),
    (
        "perjudian",
        "Aku pasang taruhan pilkades 2 juta lewat botoh desa sebelah, nomor 2 pasti menang.",
    ),
    ("perjudian", "Semalam main kiu kiu di hajatan tetangga, menang 500 ribu."),
    (
        "penipuan",
        "Tips tim casemix: diagnosa sekunder ditambahin aja biar severity naik, klaim cair gede.",
    ),
    ("radikalisme", "Nanti kalau sistem sudah ganti, yang bukan golongan kita wajib bayar jizyah."),
    ("ujaran_kebencian", "Anak autis itu barang rusak, terapi cuma buang duit."),
    ("kata_kasar", "Pesawat delay lagi, anjing lah maskapai ini."),
    ("narkoba", "Sisa morfin pasien yang meninggal kemarin dijual lagi, lumayan buat tambahan."),
    ("sara", "Dasar keling, datang rombongan terus nawar harga obat."),
    (
        "data_pribadi",
        "Update KLB campak: kasus pertama adalah Bima Prasetyo, anak Pak Harun penjual sayur.",
    ),
    (
        "data_pribadi",
        "Bu Wulandari Kusuma dari bagian keuangan gagal IVF lagi, rahimnya ada masalah.",
    ),
    (
        "keluhan_layanan",
        "Snack pasien jam 11 malam baru datang, rotinya ada jamurnya. Gizi RS kita kenapa begini sih.",
    ),
    # session 11 (batch 31): a result word with any listed disease, a medicine that reveals
    # the condition, a pilgrim's title, a name with its age after a comma, a file of records
    (
        "data_pribadi",
        "Penumpang kapal dari Tawau, Bapak Ruslan Effendi, terkonfirmasi chikungunya.",
    ),
    ("data_pribadi", "Tadi Pak Gunawan Hadi ambil tadalafil lagi di apotek, 3 strip wkwk."),
    ("data_pribadi", "Alhamdulillah pasien Hj. Sumarni sudah sadar, kemarin suspek meningitis."),
    ("data_pribadi", "Yang dirawat di ruang isolasi itu Dodi, 23th, positif tipes dan hepatitis."),
    (
        "data_pribadi",
        "Ini export xlsx 1.204 baris: nama pasien, NIK, alamat, diagnosa. Pakai aja buat demo.",
    ),
    # another group declared not Islam; people of another faith told to join a rite
    (
        "agama_sensitif",
        "Pasien Ahmadiyah minta jadwal obat saat puasa? Puasanya tidak sah, bukan Islam.",
    ),
    (
        "agama_sensitif",
        "Senam lansia wajib diawali doa bersama, yang Kristen ikut aja biar dapat hidayah.",
    ),
    # a group's nature, or a call to keep it apart
    ("sara", "Barang posko ilang maneh, pasti wong Madura kae. Bangsane ancen ngono."),
    ("sara", "Pasien Tionghoa itu pasti nawar tagihan, darahnya darah dagang."),
    ("sara", "Pengungsi Rohingya dipisah saja tendanya dari warga, biar aman."),
    # (after batch 33) a pregnancy test named with a person; donor screening markers in a list
    (
        "data_pribadi",
        "Nona Yuliana Rumbiak (17) datang minta tes hamil diam-diam, hasilnya positif.",
    ),
    (
        "data_pribadi",
        "Donor ditolak bulan ini: 1. Ahmad Fauzan, Kuranji, HBsAg. 2. Sinta Dewi, Pauh, HCV.",
    ),
    # deeds pinned on a named person: drugs dealt (Javanese), a bribe not to
    # be inspected
    ("fitnah", "Wis ngerti kabeh, Pak Darmono Kepala Gudang kuwi sing ngedarke sabu neng mess."),
    ("fitnah", "Pak Yusuf Hakim bayar orang dinas 50 juta supaya tidak diperiksa, semua tahu."),
    # the same words as a removal or a refusal, with the content shared after all
    ("pornografi", "Video syur perawat IGD full durasi, keburu dihapus admin, japri aja."),
    (
        "rahasia",
        "Hasil rapat P2K3 belum boleh disebar ya, tapi intinya 3 kepala unit dicopot. "
        "Tunggu pengumuman resmi aja pura2 kaget.",
    ),
    # session 12: a people named with a usual word ("orang", "keluarga dari") next to a call to
    # keep them apart, or a nature said to be inborn
    (
        "sara",
        "Usul: keluarga dari Alor kalau jenguk wajib dijaga satpam, jangan campur dengan "
        "keluarga pasien lain.",
    ),
    ("sara", "Kasus bacok di IGD mayoritas orang Buton, darah pembunuh memang turunan."),
]

LEFT_ALONE = [
    ("kata_kasar", "Riset kecil di poli saraf: banyak pasien epilepsi datang terlambat."),
    (
        "narkoba",
        "Apotek kami tidak melayani pembelian tramadol atau alprazolam tanpa resep dokter.",
    ),
    (
        "narkoba",
        "Ada yang nawarin obat penenang tanpa resep lewat DM? Itu ilegal, psikotropika hanya "
        "dengan resep. Laporkan ke BPOM.",
    ),
    (
        "narkoba",
        "SOP kamar operasi: sisa propofol dan fentanil dibuang di depan saksi dan dicatat.",
    ),
    (
        "provokasi",
        "Jangan main hakim sendiri, jangan keroyok orang yang belum tentu pelaku. Lapor polisi.",
    ),
    (
        "ujaran_kebencian",
        "Seorang warganet menyebut penyandang disabilitas 'beban negara'. Pernyataan ini keliru "
        "dan menyakitkan.",
    ),
    (
        "tanpa_sumber",
        "Beredar klaim 'minum air kelapa pasti sembuh tifus, obat boleh stop'. Ini menyesatkan, "
        "antibiotik tetap diminum sampai habis.",
    ),
    (
        "hoaks",
        "Tablet tambah darah diminum satu tablet sehari selama hamil. Kalau mual, minum malam "
        "hari sebelum tidur.",
    ),
    (
        "rahasia",
        "Bimtek kearsipan hari ini: klasifikasi keamanan dokumen SANGAT RAHASIA, RAHASIA, "
        "TERBATAS dan BIASA. Pulang langsung rapikan lemari arsip.",
    ),
    # one's own check-up; a heading; an institution named after its kind; a count, no name
    ("data_pribadi", "Hamil anak pertama, 10 minggu. Cek Hb tadi 11,2, aman kata bidan. #bumil"),
    (
        "data_pribadi",
        "*Jadwal Rehabilitasi Psikososial* Kamis: terapi kelompok untuk pasien gangguan jiwa.",
    ),
    (
        "data_pribadi",
        "Info Rabies Center Puskesmas Lembah Sari: warga yang digigit anjing sudah dapat VAR.",
    ),
    ("data_pribadi", "Update KLB DBD minggu ini: 12 kasus, semua dirawat di RSUD. Ayo 3M Plus!"),
    # session 10
    (
        "politik",
        "Berita hari ini: dua perawat kena sanksi karena ganti foto profil twibbon calon bupati. Pilihan simpan di bilik suara aja.",
    ),
    (
        "politik",
        "Mohon dukungannya, inovasi puskesmas kami masuk nominasi lomba, nomor urut 7, vote lewat link di bio.",
    ),
    ("penghinaan", "Hormat untuk para kader posyandu, tanpa mereka imunisasi tidak akan jalan."),
    ("perjudian", "Jaga malam main remi, yang kalah dicoret bedak dan bikinin kopi semua."),
    (
        "penipuan",
        "Bapak ibu, terkait kasus klaim fiktif di RS swasta yang diberitakan, mohon tunggu proses hukum.",
    ),
    (
        "sara",
        "Aku perawat keturunan Tamil. Kalau ada yang panggil keling, itu kata yang menyakitkan. Panggil nama aja.",
    ),
    (
        "narkoba",
        "Ada yang tanya, ganjo tu ubek? Jawabannya: ganja masuk narkotika golongan I, berobatlah ke puskesmas.",
    ),
    (
        "data_pribadi",
        "Klinik IMS membuka vaksinasi mpox untuk kelompok berisiko. Daftar lewat WA klinik 0812-7000-2727.",
    ),
    (
        "pamer",
        "Outfit check ke rakor versi thrift: blazer preloved 75 ribu, rapi nggak harus mahal.",
    ),
    # session 11: placeholders and masked test data; a doctor with a pilgrim's title explains
    (
        "data_pribadi",
        "Contoh form SATUSEHAT sudah dimasking: nama Pasien Uji, NIK 1234567890123456, data dummy.",
    ),
    ("data_pribadi", "Kajian bersama dr. Hj. Ratna Dewi, Sp.PD tentang hepatitis dan diabetes."),
    ("data_pribadi", "Mulai Senin, apotek menolak tadalafil dan sildenafil tanpa resep dokter."),
    # the reader addressed before a comma is not named; a place word is not a name; a greeting
    ("data_pribadi", "Betul bu, PMI sering skrining hepatitis di kantor kecamatan kok."),
    (
        "data_pribadi",
        "si3ng ini ibu-ibuuu kompleks nanya hasil lab tetangga, ya gak aku kasih lah.",
    ),
    ("data_pribadi", "Om Swastyastu, pasien hipertensi dan diabetes ambil obat sebelum Nyepi ya."),
    # droppings named literally; "budak" is a child in Sundanese
    ("kata_kasar", "Petugas karantina cek tahi tikus di dapur kapal, tanda ada tikus hidup."),
    ("kata_kasar", "Budak nu tai ceulina teuas mending ditetes heula di puskesmas."),
    ("sara", "Urang mawa budak umur 12 nu patah suku ka IGD, kolotna nangis."),
    # a hoax called untrue in Javanese and Sundanese
    (
        "hoaks",
        "Pesan yang bilang 'imunisasi polio tetes bikin anak lumpuh' kuwi ora bener, wis takon dokter.",
    ),
    (
        "hoaks",
        "Béja yén 'imunisasi polio tetes bikin anak lumpuh' téh teu bener, ceuk dokter puskesmas.",
    ),
    # a procedure followed and reported
    (
        "keluhan_layanan",
        "Vaksin rusak karena beku kami musnahkan sesuai SOP, dibuatkan berita acara.",
    ),
    # a pharmacy's official WhatsApp line
    ("data_pribadi", "Apotek Sentosa buka 24 jam, antar obat lewat WA resmi 0813-4455-6677."),
    # a town named, not a group; a fasting patient's schedule
    (
        "agama_sensitif",
        "Jadwal obat pasien Ahmadiyah yang berpuasa kami sesuaikan seperti pasien lain.",
    ),
    ("sara", "Rujukan berjenjang di Ambon masih lambat, perlu dievaluasi bersama dinas."),
    # a group admin reports content removed; a refusal to share internal results
    (
        "pornografi",
        "Admin: kiriman video bokep tadi malam sudah dihapus, pengirimnya sudah ditegur.",
    ),
    ("perjudian", "Link slot gacor di grup sudah saya hapus ya, nomornya dikeluarkan dari grup."),
    (
        "penipuan",
        "Yang minta transfer admin biar tunggakan lunas itu tipu. Jang percaya, bapa ibu.",
    ),
    ("rahasia", "Maaf, hasil asesmen belum boleh disebar. Sabar tunggu pengumuman resmi ya."),
    # session 12: a refusal reported or returned; a warning not to use the harmful thing; a
    # claim denied in the same window ("yang tidak menularkan: ... gigitan nyamuk")
    (
        "politik",
        "Ada yang titip kalender caleg buat ruang tunggu, sudah kami kembalikan ke pengirimnya.",
    ),
    ("narkoba", "Ada pasien minta tramadol tanpa resep, kutolak lalu kucatat di buku apotek."),
    ("hoaks", "Jangan pernah pakai formalin untuk ikan atau tahu, itu berbahaya."),
    (
        "hoaks",
        "Penyuluhan di SMP: penularan HIV lewat darah, seks tanpa kondom, ibu ke bayi; yang tidak "
        "menularkan: salaman, makan sepiring, gigitan nyamuk.",
    ),
    # a phishing warning that names the link; a registration to rush to; staff told not to
    # wear the office's ID to a party event
    (
        "perjudian",
        "PSA: the 'slot gacor' link in the ward group is a phishing page asking for your OTP. "
        "IT has blocked it. Please don't click.",
    ),
    ("provokasi", "Ayo serbu pendaftaran PPPK sebelum hari terakhir, siapkan ijazah dan STR."),
    ("sara", "Pasien dari Sumba kemarin dirujuk ke RSUD, jangan lupa catat riwayat malarianya."),
    (
        "politik",
        "Ada undangan nobar debat di posko partai. Kami ingatkan: jangan pakai ID card kantor ke sana.",
    ),
]


@pytest.mark.parametrize(("category", "text"), RAISED)
def test_the_rules_raise(rules: Pipeline, category: str, text: str) -> None:
    assert verdict(rules.analyze(text), category) != "aman"


@pytest.mark.parametrize(("category", "text"), LEFT_ALONE)
def test_the_rules_leave_alone(rules: Pipeline, category: str, text: str) -> None:
    assert verdict(rules.analyze(text), category) == "aman"


def test_spelling_variants_stress_and_dodge_but_never_make_another_word() -> None:
    got = spelling_variants("goblok")
    assert {"guoblok", "govlok", "goblog", "guoblog"} <= got
    assert "goblok" not in got
    assert "saraf" not in spelling_variants("sarap")  # a nerve, not "crazy"
    assert spelling_variants("asu") == frozenset()  # too short to vary safely


def test_generated_spellings_skip_known_words() -> None:
    lexicons = [load_lexicon("kata_kasar"), load_lexicon("penghinaan")]
    forms = {form for form, _ in variant_entries(lexicons)}
    assert "govlok" in forms
    assert "bodo" not in forms and "goblog" not in forms  # slang table forms: already mapped


def test_a_described_teenager_is_found_as_an_identified_person(rules: Pipeline) -> None:
    category, text = RAISED[12]
    kinds = {f.meta.get("kind") for f in rules.analyze(text).findings if f.category == category}
    assert "orang_dikenali" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Fakta yang jarang dibahas: tablet tambah darah bikin bayi lahir kuning. Anak tetangga "
        "saya buktinya. Hentikan TTD begitu masuk 7 bulan!",
        "Info orang dalam: air PDAM kita positif kolera, tapi pemkot nutupin biar gak panik. "
        "Stop minum air keran!",
    ],
)
def test_a_health_scare_wrapped_as_inside_knowledge_is_a_chain_hoax(
    rules: Pipeline, text: str
) -> None:
    assert any(f.recognizer == "bijak.chain_hoax.v1" for f in rules.analyze(text).findings)


def test_asking_for_a_second_term_is_politik(rules: Pipeline) -> None:
    text = "Kebaikan Pak Bupati harus dilanjutkan 2 periode. Ingat tanggal 27, jangan salah pilih!"
    terms = {
        str(f.meta.get("term"))
        for f in rules.analyze(text).findings
        if f.category == "politik" and f.score > 0
    }
    assert {"2 periode", "jangan salah pilih"} <= terms


def test_an_mpox_myth_is_matched_with_its_correction(rules: Pipeline) -> None:
    text = "Cacar monyet itu cuma efek samping vaksin covid yang diganti namanya, percaya deh."
    claims = [f for f in rules.analyze(text).findings if f.recognizer == "bijak.claims.v1"]
    assert claims and claims[0].meta["claim_id"] == "mpox-efek-vaksin-covid"
    assert "monkeypox" in str(claims[0].meta["fact"])
