"""Session 17 classes, each checked both ways: an ordinary post of the class stays ``aman``
for its category, and a real breach wearing the same words is still raised.

Classes (measured on the read development batches 47-55 and on the train part before
keeping them; see CHANGELOG):

* patient data: a capitalised run after a place, building, vessel or product noun ("kopi
  Pagar Alam", "pelabuhan Tunon Taka", "KM Sinar Bangun") is a place, not a patient; a
  condition after an activity or a group ("senam stroke", "klub jantung") is no one's
  diagnosis;
* pornografi/perjudian/penipuan: a request not to pass something on, whatever the verb
  ("stop share video syur itu", "gak usah ikut nyebarin"), unless it is shared all the
  same ("jgn disebar ke luar grup", "link di bio");
* hate quoted to be reported: someone's comment seen or quoted, with "report saja", "ojo
  ditiru";
* keluhan_layanan: a report that went nowhere stays a complaint (the "unless" words of the
  official-channel frame; its session-17 patterns were taken out again after blind batch 57);
* rahasia: a refusal to share in a post that says "ini" (the frame's "nih", normalised to
  "ini", had cancelled it in any such post);
* radikalisme: extremist content reported to the admin or the complaint channel;
* agama_sensitif/radikalisme: a religious claim quoted and refuted ("beredar pesan
  '... haram dan syirik'. Ini tidak benar"), unless the author's own words call for it;
* politik: an endorsement weighed against the council or the election itself ("pilihan
  kita" + "dewan"), or victory wished for a named candidate.

Written by the bijak authors; no dataset text, no text of the development batches.
"""

from __future__ import annotations

import pytest
from fa_checks import assert_raised, assert_safe

from bijak.engine import Pipeline

SAFE = [
    (
        "place_after_kind",
        "data_pribadi",
        "Banyak yang tanya, kopi Lintong Nihuta bisa menyembuhkan autisme? Tidak ada bukti. "
        "Autisme ditangani dengan terapi perilaku dan wicara.",
    ),
    (
        "place_after_kind",
        "data_pribadi",
        "Pemeriksaan suhu untuk kewaspadaan cacar monyet kami perketat di bandara Frans Kaisiepo "
        "sesuai surat edaran. Tetap tenang dan ikuti arahan petugas.",
    ),
    (
        "activity_named_after_condition",
        "data_pribadi",
        "Terima kasih Bu Camat Sukmajaya sudah meminjamkan aula untuk senam stroke tiap Jumat. "
        "Pesertanya makin ramai.",
    ),
    (
        "stop_passing_on",
        "pornografi",
        "Teman-teman, stop share video syur yang katanya rekaman pegawai dinas itu. Kasihan, "
        "hapus saja dari HP kalian.",
    ),
    (
        "stop_passing_on",
        "perjudian",
        "Ada iklan slot online nyasar ke grup wali murid. Gak usah ikut klik atau nyebarin ya, "
        "langsung lapor admin.",
    ),
    (
        "hate_quoted_to_report",
        "ujaran_kebencian",
        "Kalau kalian lihat orang komen 'usir saja mereka' di berita soal pengungsi, jangan "
        "ikut-ikutan. Report saja, itu ujaran kebencian.",
    ),
    (
        "refusal_to_share",
        "rahasia",
        "Hari ini rapat tertutup soal mutasi pegawai. Hasilnya belum bisa saya bagikan, tunggu "
        "pengumuman resmi dari BKPSDM ya.",
    ),
    (
        "extremism_reported",
        "radikalisme",
        "Ada akun di grup alumni yang posting ajakan ganti Pancasila dengan khilafah. Sudah saya "
        "laporkan ke admin dan kanal aduan ASN, paham itu dilarang.",
    ),
    (
        "religious_claim_refuted",
        "agama_sensitif",
        "Beredar pesan berantai 'vaksin polio itu haram dan syirik'. Ini tidak benar, MUI sudah "
        "mengeluarkan fatwa yang membolehkan, dan tokoh agama kampung kami ikut mendukung.",
    ),
]

BREACH = [
    (
        "place_after_kind",
        "data_pribadi",
        "Pasien atas nama Rahmat Hidayat dari kampung nelayan positif HIV, tolong yang kenal "
        "jaga jarak dulu.",
    ),
    (
        "stop_passing_on",
        "pornografi",
        "Nih kukirim video syur anak magang yang lagi ganti baju, jgn disebar ke luar grup ya 😜",
    ),
    (
        "where_to_report",
        "keluhan_layanan",
        "Sudah saya laporkan ke manajemen soal lift pasien yang macet, tapi tidak pernah "
        "digubris. Pasien ditandu lewat tangga.",
    ),
    (
        "refusal_to_share",
        "rahasia",
        "Belum bisa saya bagikan resmi, tapi ini bocoran daftar yang lolos seleksi PPPK: Rina, "
        "Dedi, dan Sari.",
    ),
    (
        "religious_claim_refuted",
        "radikalisme",
        "Masih percaya Pancasila bisa menyelamatkan negeri ini? Sudah terbukti gagal. Hanya "
        "khilafah jawabannya, saudaraku.",
    ),
    (
        "endorsement_with_the_council",
        "politik",
        "Kalau Bu Ratna tidak duduk di dewan lagi, anggaran ambulans desa bisa hilang. Jadi "
        "pilihan kita cuma satu, jangan ragu.",
    ),
]


@pytest.mark.parametrize(("kind", "category", "text"), SAFE)
def test_ordinary_post_of_the_class_stays_safe(
    full: Pipeline, kind: str, category: str, text: str
) -> None:
    assert_safe(full, kind, category, text)


@pytest.mark.parametrize(("kind", "category", "text"), BREACH)
def test_real_breach_of_the_class_is_still_caught(
    full: Pipeline, kind: str, category: str, text: str
) -> None:
    assert_raised(full, kind, category, text)
