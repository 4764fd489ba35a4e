"""bijak.endorsement.v1: a civil servant's call to vote for a named candidate (politik, B.4).

Posts written by the bijak authors for this test (invented names and places); no dataset text.
"""

from __future__ import annotations

import pytest
from engine_helpers import run

from bijak.engine import analyze
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.endorsement import NAME, make_endorsement_recognizer

REC = make_endorsement_recognizer()

ENDORSEMENTS = [
    # a named candidate, an act of support, the election
    "Habis posbindu tadi saya titip salam dari Pak Darmawan Saragi buat bapak-ibu lansia. "
    "Beliau calon bupati yang paling paham puskesmas, jangan salah pilih ya.",
    "Mohon doa restu seluruh keluarga besar farmasi RSUD untuk kemenangan Ibu Welmince "
    "Rumbiak di Pilkada Biak tahun ini 🙏",
    "periode depan pilih om Yakobus saja, beliau yang bawa ambulans laut ke pulau kita. "
    "sampai ketemu di tps ya mama-mama",
    # a ballot reference instead of a name
    "Rekan-rekan gizi, yang belum pasang twibbon paslon 3 di foto profil WA tolong segera, "
    "tim pemenangan sudah cek satu-satu 😅",
    "Kalender calon kita sudah saya bagi ke semua kader posyandu. Ingat tanggal 27 November, "
    "jangan sampai salah coblos!",
]

NOT_ENDORSEMENTS = [
    # a neutrality reminder names no candidate
    "Mengingatkan seluruh ASN puskesmas: dilarang pasang stiker atau twibbon paslon mana pun "
    "di akun pribadi selama masa kampanye Pilkada.",
    # voting logistics and news
    "Besok hari pencoblosan, TPS keliling masuk bangsal jam 9. Keluarga pasien bisa tanya "
    "petugas KPPS soal formulir pindah memilih.",
    "Calon bupati Pak Hendrik Mandala berkunjung ke RSUD dan ditemui direksi sesuai protokol.",
    # a named person with a supportive word, but no election
    "Terima kasih Pak Kades Suwarno yang sudah dukung kegiatan posyandu lansia bulan ini 🙏",
    "Selamat buat Kak Marlina, menang lomba nakes teladan tingkat provinsi! Bangga sekali.",
    # a role after an honorific is no one's name
    "Ditanya ibu-ibu, 'Bu bidan pilih nomor berapa di pilkada?' Saya jawab: rahasia, bu.",
    # someone's own vote is no call to vote for anyone
    "Alhamdulillah Pak Darto sudah mencoblos di TPS 5 jam 7 pagi, lalu langsung dinas pagi "
    "di IGD. Terima kasih petugas KPPS!",
    # a health campaign
    "Kampanye cuci tangan pakai sabun bersama Bu Yuliana di SD Inpres 2, stiker 6 langkah "
    "dibagikan ke semua kelas.",
]


@pytest.mark.parametrize("text", ENDORSEMENTS)
def test_a_call_to_vote_for_a_named_candidate_is_politik(text):
    found = [f for f in run(REC, text) if f.score >= 0.5]
    assert found, text
    assert all(f.category == "politik" and f.recognizer == NAME for f in found)
    cats = {c.id: c.verdict for c in analyze(text).categories}
    assert cats.get("politik", "aman") != "aman"


@pytest.mark.parametrize("text", NOT_ENDORSEMENTS)
def test_no_candidate_with_an_act_of_support_in_an_election_is_no_endorsement(text):
    assert [f for f in run(REC, text) if f.score >= 0.5] == []


def test_a_candidate_and_an_act_without_the_election_stay_under_review():
    text = "Kalender Om Rendy sudah saya tempel di rumah keluarga pasien 😁"
    assert all(f.score < 0.5 for f in run(REC, text))


def test_a_prohibition_before_the_act_denies_it():
    text = "ASN dilarang pasang stiker paslon 2 di mobil dinas selama pilkada."
    assert [f for f in run(REC, text) if f.score >= 0.5] == []


def test_a_post_in_lower_case_still_names_its_candidate():
    text = "ibu-ibu posyandu, pmt minggu ini titipan dari tim pak arifuddin, balas kebaikannya di bilik suara ya"
    assert [f for f in run(REC, text) if f.score >= 0.5]


def test_the_endorsement_rule_runs_in_the_default_pipeline():
    assert NAME in DEFAULT_RECOGNIZERS
