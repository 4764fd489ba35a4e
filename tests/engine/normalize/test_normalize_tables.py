"""The normaliser's data files: headers, shapes, and that every entry is reachable."""

from __future__ import annotations

import pytest

from bijak.engine.normalize import normalize
from bijak.engine.normalize._tables import (
    CONFUSABLES,
    DATA_DIR,
    DOUBLE_LETTER_WORDS,
    EMOJI,
    SLANG,
    table_version,
)

FILES = ["slang-id.tsv", "emoji.tsv", "confusables.tsv", "double-letter-words.txt"]


@pytest.mark.parametrize("name", FILES)
def test_every_table_says_who_wrote_it_and_its_version(name: str) -> None:
    header = (DATA_DIR / name).read_text(encoding="utf-8").split("\n# version:")[0]
    assert "written by the bijak authors" in header
    assert "provenance:" in header
    assert table_version(name) == "1"


def test_slang_table_has_a_few_hundred_entries() -> None:
    assert len(SLANG) >= 500
    assert SLANG["gk"] == SLANG["ga"] == SLANG["gak"] == SLANG["nggak"] == SLANG["tdk"] == "tidak"
    assert (SLANG["yg"], SLANG["dgn"], SLANG["sy"], SLANG["krn"]) == (
        "yang",
        "dengan",
        "saya",
        "karena",
    )


def test_slang_values_are_formal_words_not_slang_again() -> None:
    chained = {
        k: v for k, v in SLANG.items() if any(w in SLANG for w in v.replace("-", " ").split())
    }
    assert chained == {}


def test_every_slang_word_is_reached_by_normalize() -> None:
    expected = {k: v.replace("-", " ").split() for k, v in SLANG.items()}
    got = {k: [t.text for t in normalize(k).tokens] for k in SLANG}
    assert {k: v for k, v in got.items() if v != expected[k]} == {}


def test_emoji_and_look_alike_tables_hold_single_characters() -> None:
    assert all(len(e) == 1 for e in EMOJI)
    assert all(len(k) == 1 and len(v) == 1 and v.isascii() for k, v in CONFUSABLES.items())
    assert EMOJI["🎰"] == "slot" and EMOJI["💰"] == "uang" and EMOJI["💊"] == "pil"


def test_every_listed_emoji_becomes_its_token() -> None:
    for emoji, name in EMOJI.items():
        doc = normalize(f"a {emoji} b")
        assert [t.text for t in doc.tokens] == ["a", f"emoji_{name}", "b"], emoji
        assert (doc.tokens[1].ostart, doc.tokens[1].oend) == (2, 3), emoji


def test_double_letter_words_survive_normalize() -> None:
    for word in sorted(DOUBLE_LETTER_WORDS):
        if word.isalpha() and word not in SLANG:
            assert normalize(word).text == word
