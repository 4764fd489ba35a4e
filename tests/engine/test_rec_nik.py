"""bijak.nik.v1: valid NIKs are found and masked; invalid ones are never reported as a NIK."""

from __future__ import annotations

import pytest
from engine_helpers import run, span_of

from bijak.engine.recognizers.nik import LOOKALIKE_SCORE, VALID_SCORE, nik_is_valid
from bijak.engine.recognizers.nik import make_nik_recognizer as NikRecognizer

REC = NikRecognizer()

VALID = [
    ("NIK saya 3201231508850003 ya", "3201231508850003", "3201********0003"),
    # a woman: 40 is added to the day of birth (15 -> 55)
    ("nik ibu 3578015508900001", "3578015508900001", "3578********0001"),
    ("3201-2315-0885-0003 tolong dicek", "3201-2315-0885-0003", "3201-****-****-0003"),
    ("KTP: 320123 150885 0003", "320123 150885 0003", "3201** ****** 0003"),
    # Papua Pegunungan (95), a 2022 province
    ("data 9501012902000123.", "9501012902000123", "9501********0123"),
]


@pytest.mark.parametrize(("text", "piece", "masked"), VALID)
def test_valid_nik_is_found_and_masked(text, piece, masked):
    (f,) = run(REC, text)
    assert (f.start, f.end) == span_of(text, piece)
    assert f.category == "data_pribadi"
    assert f.score == VALID_SCORE
    assert f.evidence == masked
    assert f.meta["kind"] == "nik"


INVALID = [
    "3201231508850003".replace("32", "99", 1),  # province 99 does not exist
    "3201231513850003",  # month 13
    "3201233208850003",  # day 32
    "3201237208850003",  # day 72 (a woman's day is 41..71)
    "3201233002850003",  # 30 February
    "3201231508850000",  # serial 0000
    "3200231508850003",  # regency 00
    "3201001508850003",  # district 00
]


@pytest.mark.parametrize("digits", INVALID)
def test_invalid_nik_is_not_a_nik(digits):
    assert not nik_is_valid(digits)
    assert run(REC, f"nomor pesanan {digits} sudah dikirim") == []


def test_invalid_number_after_the_word_nik_is_a_lookalike_for_review_not_a_breach():
    text = "NIK: 3201231513850003"
    (f,) = run(REC, text)
    assert f.meta["kind"] == "mirip_nik"
    assert 0.5 <= f.score == LOOKALIKE_SCORE < VALID_SCORE
    assert f.evidence == "3201********0003"


@pytest.mark.parametrize(
    "text",
    ["32012315088500031", "1234", "", "nomor 3201231508850003123 panjang", "x" * 50],
)
def test_longer_numbers_and_other_text_give_nothing(text):
    assert run(REC, text) == []


def test_two_niks_separated_by_one_space_are_both_found():
    text = "3201231508850003 3578015508900001"
    assert len(run(REC, text)) == 2
