"""HashedLinearClassifier: masked multi-category fit, determinism, validation, quantisation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bijak.engine.models.linear import LinearModel
from bijak.ml.estimator import HashedLinearClassifier


def _data() -> tuple[list[str], np.ndarray]:
    rng = np.random.default_rng(0)
    good = [
        "makan siang enak sekali",
        "terima kasih dokter",
        "cuaca cerah hari ini",
        "selamat pagi semua",
    ]
    bad = ["slot gacor maxwin daftar", "deposit pulsa judi online", "link situs slot terpercaya"]
    rude = ["dasar bodoh kamu", "goblok banget sih", "tolol dan bodoh"]
    texts, y = [], []
    for _ in range(40):
        t = rng.choice(good)
        texts.append(f"{t} {rng.integers(100)}")
        y.append([0, 0])
        t = rng.choice(bad)
        texts.append(f"{t} {rng.integers(100)}")
        y.append([1, -1])  # the gambling source does not label abusive language
        t = rng.choice(rude)
        texts.append(f"{t} {rng.integers(100)}")
        y.append([-1, 1])
    return texts, np.array(y)


def _fit(seed: int) -> HashedLinearClassifier:
    texts, y = _data()
    return HashedLinearClassifier(
        ("perjudian", "kata_kasar"), bits=16, min_df=1, random_state=seed
    ).fit(texts, y)


def test_same_seed_gives_identical_weights() -> None:
    a, b = _fit(7).model_, _fit(7).model_
    assert np.array_equal(a.weights, b.weights)
    assert np.array_equal(a.platt, b.platt)
    assert np.array_equal(a.buckets, b.buckets)


def test_learns_each_category_from_its_own_rows() -> None:
    m = _fit(0).model_
    p = m.predict_proba(
        ["situs slot gacor daftar sekarang", "dasar goblok bodoh", "selamat pagi dokter"]
    )
    assert p[0, 0] > 0.5 and p[1, 1] > 0.5
    assert p[2, 0] < 0.5 and p[2, 1] < 0.5


def test_saved_model_predicts_as_in_memory(tmp_path: Path) -> None:
    m = _fit(0).model_
    m.save(tmp_path / "m")
    loaded = LinearModel.load(tmp_path / "m")
    texts = ["slot gacor", "bodoh", "pagi"]
    assert np.allclose(loaded.predict_proba(texts), m.predict_proba(texts), atol=1e-3)


def test_rejects_bad_labels() -> None:
    est = HashedLinearClassifier(("a",), bits=12)
    with pytest.raises(ValueError, match="shape"):
        est.fit(["x", "y"], np.array([0, 1]))
    with pytest.raises(ValueError, match="1, 0 or -1"):
        est.fit(["x", "y"], np.array([[0], [2]]))
    with pytest.raises(ValueError, match="both positive and negative"):
        est.fit(["x", "y"], np.array([[1], [1]]))


def test_long_posts_score_as_their_best_window() -> None:
    from dataclasses import replace

    m = _fit(0).model_
    windowed = replace(m, chunk_tokens=4, chunk_stride=2)
    filler = " ".join(["selamat pagi semua teman"] * 10)
    long_post = f"{filler} slot gacor maxwin daftar {filler}"
    whole = m.predict_proba([long_post])[0, 0]
    best = windowed.predict_proba([long_post])[0, 0]
    assert best > whole
    assert best >= windowed.predict_proba(["slot gacor maxwin daftar"])[0, 0] - 1e-9
    # short posts are unchanged
    assert np.allclose(windowed.predict_proba(["slot gacor"]), m.predict_proba(["slot gacor"]))
