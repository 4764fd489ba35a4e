"""Session 6 (fa8) false alarms on hard negatives of narkoba, penipuan, terorisme and
radikalisme, each class checked both ways: the ordinary post stays `aman` for the category
(full pipeline) and its context frame would also withdraw the trained model's finding; a real
breach wearing the same words is still raised and the frame does not excuse the model.
Posts written by the bijak authors for this test (new sentences); no dataset text.
"""

from __future__ import annotations

import pytest

from bijak.engine.context import ContextFilter
from bijak.engine.findings import Finding
from bijak.engine.normalize import normalize

MODEL = "bijak.model.v1"

# (frame that recognises the class, category, ordinary post that must stay aman)
SAFE = [
    # terorisme / radikalisme: research data and health statistics
    (
        "data_riset_statistik",
        "terorisme",
        "Data survei gizi balita sudah dianonimkan sebelum dikirim ke kampus: nama dan alamat "
        "dihapus, tanggal lahir diubah jadi umur. Komite etik juga sudah memberi persetujuan.",
    ),
    (
        "data_riset_statistik",
        "terorisme",
        "Angka kematian bayi di kabupaten kami turun. Yang perlu dibandingkan tiap tahun adalah "
        "rasionya per kelompok umur, bukan jumlah mentahnya.",
    ),
    # the official process: a witness, a complaint filed, an audit awaited
    (
        "serahkan_proses_resmi",
        "terorisme",
        "Adik saya meninggal setelah operasi di rumah sakit swasta. Kami sudah menempuh jalur "
        "pengaduan ke dinas kesehatan. Mohon tidak perlu datang ke rumah sakit, biar prosesnya "
        "berjalan.",
    ),
    (
        "serahkan_proses_resmi",
        "radikalisme",
        "Tadi pagi saya jadi saksi kecelakaan motor di depan puskesmas. Sudah memberi keterangan "
        "ke polisi, sisanya biar penyidik yang bekerja.",
    ),
    # neighbours of different faiths helping each other
    (
        "kerukunan_lintas_iman",
        "terorisme",
        "Natal kemarin pemuda masjid ikut jaga parkir di gereja, Idulfitri nanti giliran pemuda "
        "gereja bantu di masjid. Saling membantu begini yang bikin kampung kami adem.",
    ),
    # history remembered, the independence war on stage
    (
        "kenangan_sejarah",
        "terorisme",
        "Kunjungan ke museum konflik di Aceh bikin kami terdiam. Sejarah kelam seperti itu jangan "
        "sampai terulang, siapa pun korbannya.",
    ),
    (
        "kenangan_sejarah",
        "radikalisme",
        "Anak-anak SD binaan puskesmas pentas teater tentang perawat di zaman revolusi. Teriakan "
        "'Merdeka atau mati!' mereka bikin haru satu aula.",
    ),
    # a neutral medical team at a rally
    (
        "tim_medis_netral",
        "terorisme",
        "Tim kami berjaga di pos kesehatan saat demo mahasiswa. Prinsipnya tetap netral, tolong "
        "semua orang yang pingsan atau luka, dari pihak mana pun.",
    ),
    # loyalty to the nation in one's own name
    (
        "setia_kebangsaan",
        "radikalisme",
        "Saya berjenggot dan bercelana cingkrang, tapi saya hormat bendera tiap Senin dan bangga "
        "jadi bagian Indonesia. Jangan dicap radikal cuma karena penampilan.",
    ),
    # leaving an exclusive group, told as the past
    (
        "kisah_keluar_kelompok",
        "radikalisme",
        "Dulu aku ikut kajian tertutup yang bilang sekolah negeri itu kafir dan upacara itu "
        "syirik. Aku keluar setelah diajak ngobrol kakak dan penyuluh agama. Sekarang aku perawat "
        "yang melayani semua orang.",
    ),
    (
        "kisah_keluar_kelompok",
        "radikalisme",
        "Sepupuku sempat menjauh dari keluarga gara-gara kelompok yang menyebut demokrasi itu "
        "haram. Sekarang dia aktif lagi di karang taruna dan ikut jaga posyandu.",
    ),
    # teaching material on the signs of extremist thinking
    (
        "bahan_ajar_ciri_ekstrem",
        "radikalisme",
        "Materi kajian pekan ini: tanda-tanda pemahaman ekstrem, antara lain mudah mengkafirkan "
        "sesama dan menyebut negara thaghut. Mohon dibagikan ke jamaah.",
    ),
    # penipuan: financial literacy
    (
        "literasi_keuangan",
        "penipuan",
        "Kelas literasi keuangan untuk kader posyandu: cara mengenali pinjol ilegal dan investasi "
        "bodong. Selalu cek legalitas di situs OJK sebelum menaruh uang.",
    ),
    # an offer or a paid draw weighed and turned down
    (
        "menimbang_lalu_menolak",
        "penipuan",
        "Ponakan minta dibelikan kotak misteri di game, bayar dulu baru tahu hadiahnya. Setelah "
        "saya pelajari, mirip undian berbayar. Akhirnya kami sepakat tidak beli.",
    ),
    (
        "menimbang_lalu_menolak",
        "penipuan",
        "Ada yang telepon menawarkan jasa percepatan sertifikat kompetensi, bayar 2 juta beres "
        "seminggu. Langsung saya tolak, urus saja lewat portal resmi.",
    ),
    # one's own money for one's family
    (
        "kirim_uang_keluarga",
        "penipuan",
        "Alhamdulillah gaji pertama sebagai bidan desa, sebagian langsung transfer ke rekening "
        "Bapak di kampung. Sisanya masuk tabungan darurat.",
    ),
    # digital safety education
    (
        "edukasi_keamanan_digital",
        "penipuan",
        "Pengingat untuk pasien lansia: file undangan berakhiran .apk bisa mencuri data m-banking. "
        "Jangan diinstal, hasil lab bisa dilihat lewat aplikasi resmi rumah sakit.",
    ),
    # a collection paid in person
    (
        "iuran_setor_langsung",
        "penipuan",
        "Iuran arisan ruangan bulan ini setor langsung ke Bu Yanti ya, tidak lewat transfer. "
        "Daftar yang sudah bayar ada di papan pengumuman ruang perawat.",
    ),
    # a free service: just come
    (
        "hadiah_acara_nyata",
        "penipuan",
        "Imunisasi HPV gratis untuk siswi kelas 5 dan 6 di sekolah. Tdk ada biaya, tdk ada "
        "hadiah, cukup datang bawa kartu pelajar.",
    ),
    # narkoba: pharmacology lessons and clinical trials
    (
        "edukasi_obat",
        "narkoba",
        "Materi farmakologi hari ini: plasebo dibuat semirip mungkin dengan obat uji, supaya "
        "peserta uji klinis tidak tahu dia di kelompok mana.",
    ),
]

# (class, category that must be raised, breach wearing the same words)
BREACH = [
    (
        "data",
        "terorisme",
        "Dataset alamat anggota densus sudah kami kumpulkan, target sudah dipetakan. Tunggu "
        "aba-aba untuk amaliyah.",
    ),
    (
        "jalur",
        "terorisme",
        "Tidak perlu menempuh jalur hukum thaghut. Malam ini kita serbu rumah sakit itu dan bakar "
        "gedungnya.",
    ),
    (
        "rukun",
        "terorisme",
        "Katanya saling membantu lintas iman, padahal gereja itu sasaran berikutnya. Bom sudah "
        "dirakit.",
    ),
    (
        "sejarah",
        "terorisme",
        "Museum itu simbol thaghut. Pelaku bom kemarin pahlawan, semoga terulang di kota kita.",
    ),
    (
        "medis",
        "terorisme",
        "Tetap netral katanya? Tim medis kita hanya untuk ikhwan di kamp latihan, lokasi "
        "dirahasiakan, khusus yang sudah berbaiat.",
    ),
    (
        "setia",
        "radikalisme",
        "Jangan bangga jadi bagian Indonesia, negara ini kafir dan hormat bendera itu syirik.",
    ),
    (
        "saksi",
        "radikalisme",
        "Saya saksi mata sendiri: pemerintah thaghut ini harus ditumbangkan dan diganti dengan "
        "khilafah.",
    ),
    (
        "keluar",
        "radikalisme",
        "Dulu aku melayani semua orang tanpa melihat agama. Sekarang aku yakin negara ini thaghut "
        "dan harus diganti dengan khilafah, ayo bergabung.",
    ),
    (
        "ajar",
        "radikalisme",
        "Katanya mudah mengkafirkan itu pemahaman ekstrem. Saya setuju kafirkan saja pemerintah "
        "thaghut, halal darahnya.",
    ),
    (
        "literasi",
        "penipuan",
        "Cara membedakan investasi kami dengan investasi bodong: profit 10% per bulan dijamin. "
        "Transfer modal ke rekening admin hari ini juga.",
    ),
    (
        "menolak",
        "penipuan",
        "Setelah saya pelajari, anda terpilih pasti lolos CPNS lewat jalur orang dalam. Transfer "
        "25 juta ke rekening saya.",
    ),
    (
        "keluarga",
        "penipuan",
        "Bu, ini aku ganti nomor. Tolong transfer 2 juta dulu ke rekening temanku buat bayar kos, "
        "nanti aku ganti.",
    ),
    (
        "gaji_pertama",
        "penipuan",
        "Diterima kerja di klinik luar negeri! Tinggal bayar deposit seragam 3 juta ke agen, nanti "
        "diganti dari gaji pertama. Yang minat japri.",
    ),
    (
        "apk",
        "penipuan",
        "Jangan dibuka di HP lama, segera install aplikasi ini untuk cek resi paket anda: "
        "resi_paket.apk",
    ),
    (
        "iuran",
        "penipuan",
        "Iuran kado pensiun setor langsung ya, transfer ke rekening 1234567 atas nama saya, biaya "
        "admin 5rb, segera hari ini juga.",
    ),
    (
        "obat",
        "narkoba",
        "Catatan kuliah farmakologi: ready tramadol dan alprazolam tanpa resep, harga miring, COD "
        "aman.",
    ),
]


def _model_finding(text: str, category: str) -> Finding:
    return Finding(category, 0, len(text), 0.9, MODEL, text, {})


@pytest.mark.parametrize(("frame", "category", "text"), SAFE)
def test_the_frame_also_withdraws_the_models_finding(frame: str, category: str, text: str) -> None:
    (out,) = ContextFilter().apply(normalize(text), [_model_finding(text, category)])
    assert out.score == 0.0, dict(out.meta)
    assert out.meta["context"] == frame, dict(out.meta)


@pytest.mark.parametrize(("kind", "category", "text"), BREACH)
def test_no_frame_excuses_the_models_finding_on_a_breach(
    kind: str, category: str, text: str
) -> None:
    (out,) = ContextFilter().apply(normalize(text), [_model_finding(text, category)])
    assert out.score == 0.9, (kind, dict(out.meta))
