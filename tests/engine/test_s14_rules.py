"""Session 14: word rules studied on development batch 45. Every post is written by the bijak
authors for this test; names and numbers are invented."""

from __future__ import annotations

import pytest
from fa_checks import verdict

from bijak.engine import Pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    """The word rules alone: what these tests check does not depend on the trained model."""
    return Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])


RAISED = [
    # a vaccine or a psychiatric medicine said to harm a child's speech or the brain, and the
    # advice that follows
    (
        "hoaks",
        "Hampir semua anak yang telat bicara di sini habis imunisasi MR. Sudah jelas vaksin itu "
        "bikin anak telat bicara, mending tunda dulu.",
    ),
    (
        "hoaks",
        "Obat risperidon itu bikin otak mengecil permanen, makanya pasien diam terus. Stop minum "
        "saja.",
    ),
    # a slur during screening work is still a slur
    (
        "sara",
        "Pulang skrining di pulau, baju bau amis orang Bajo, pantas disebut suku kotor.",
    ),
    (
        "ujaran_kebencian",
        "Sosialisasi lagi soal kusta. Jujur saja orang kusta itu sampah, bikin jijik.",
    ),
]


@pytest.mark.parametrize(("category", "text"), RAISED)
def test_rule_raises(rules, category, text):
    assert verdict(rules.analyze(text), category) != "aman"


LEFT = [
    # name-calling quoted in order to stop it
    ("ujaran_kebencian", "Konseling HIV hari ini. Stop bilang mereka 'sampah' atau 'kena azab'."),
    ("ujaran_kebencian", "Jang bilang orang gila tu 'hama'. Dong sakit, bukan jahat."),
    ("ujaran_kebencian", "Anak dengan cerebral palsy itu bukan 'anak kutukan'. Mari bantu rujuk."),
    # Toraja "tae'" is "not"
    ("kata_kasar", "TB bisa sembuh, tae' perlu malu. Ayo periksa ke puskesmas."),
    # a service named in the next sentence after a hardship
    (
        "keluhan_layanan",
        "Katanya biskuit PMT bikin susah lahir. Sa su tanya bidan puskesmas, itu hoaks.",
    ),
    # the question about a candidate's number, and the answer that keeps it secret
    ("politik", "Banyak pasien tanya 'Bu, pilih nomor berapa?' Jawaban saya: itu rahasia."),
]


@pytest.mark.parametrize(("category", "text"), LEFT)
def test_rule_leaves_ordinary_post(rules, category, text):
    assert verdict(rules.analyze(text), category) == "aman"
