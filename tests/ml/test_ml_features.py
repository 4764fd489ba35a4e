"""The hashing featuriser: fixed, process-independent, char_wb-like n-grams."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from bijak.engine.models.linear import HashedFeatures, prep


def test_prep_lowercases_and_strips_markup() -> None:
    assert prep("RT @budi Lihat https://x.co/abc SEKARANG!!!\\n") == "rt user lihat url sekarang"
    assert prep("mantaaaap") == "mantaap"
    assert prep("") == ""


def test_char_and_word_ngrams_of_one_word_are_counted_like_char_wb() -> None:
    fe = HashedFeatures(bits=20, char_ngrams=(2, 3), word_ngrams=(1, 2))
    doc, _bucket, is_word = fe.hash_batch(["abc"])
    # " abc ": 2-grams " a","ab","bc","c " (4); 3-grams " ab","abc","bc " (3); 1 word; no bigram
    assert (~is_word).sum() == 7
    assert is_word.sum() == 1
    assert set(doc.tolist()) == {0}


def test_word_bigrams_stay_inside_a_document() -> None:
    fe = HashedFeatures(bits=20, char_ngrams=(3, 3), word_ngrams=(1, 2))
    doc, _, is_word = fe.hash_batch(["satu dua", "tiga"])
    words_per_doc = np.bincount(doc[is_word], minlength=2)
    assert words_per_doc.tolist() == [3, 1]  # satu, dua, "satu dua" | tiga


def test_batch_equals_one_by_one() -> None:
    fe = HashedFeatures(bits=18)
    texts = ["Jangan lupa vaksin ya", "", "   ", "slot gacor maxwin hari ini", "é ü ß 日本"]
    batch = fe.counts(texts).toarray()
    for i, t in enumerate(texts):
        assert np.array_equal(batch[i], fe.counts([t]).toarray()[0])
    assert batch[1].sum() == 0 and batch[2].sum() == 0


def test_hashes_do_not_depend_on_the_process() -> None:
    code = (
        "from bijak.engine.models.linear import HashedFeatures;"
        "print(sorted(HashedFeatures(bits=22).hash_batch(['kata kasar sekali'])[1].tolist())[:5])"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1
    here = sorted(HashedFeatures(bits=22).hash_batch(["kata kasar sekali"])[1].tolist())[:5]
    assert outs.pop().strip() == str(here)
