"""bijak.model.v2 training parts: domain balance, verdict cut-offs tuned on out-of-fold scores,
the recognizer's mapping of a cut-off onto the policy's breach threshold, the benchmark's pair
table. Texts below were written by the bijak authors."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from bijak.engine.normalize import normalize
from bijak.engine.recognizers.model import ModelRecognizer
from bijak.ml.benchmarks import pairs_table
from bijak.ml.data import Row
from bijak.ml.estimator import HashedLinearClassifier
from bijak.ml.evaluate import Item, Prediction, score
from bijak.ml.train import TrainConfig, tune_cutoffs, verdict_anchors, with_cutoffs

ORDINARY = [
    "makan siang enak sekali di warung dekat kantor",
    "terima kasih dokter dan perawat puskesmas",
    "cuaca cerah hari ini, jalan pagi bersama keluarga",
    "selamat pagi semua, semangat bekerja",
    "resep sayur asem buatan ibu paling enak",
]
GAMBLING = [
    "slot gacor maxwin daftar sekarang",
    "deposit pulsa judi online bonus",
    "link situs slot terpercaya anti rungkad",
]


def _rows(n: int = 60, seed: int = 0) -> tuple[list[Row], list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    rows: list[Row] = []
    for i in range(n):
        t = f"{rng.choice(ORDINARY)} {i}"
        rows.append(Row(t, {"perjudian": 0}, "ordinary-set", "twitter", reader="ordinary"))
        t = f"{rng.choice(GAMBLING)} {i}"
        rows.append(Row(t, {"perjudian": 1}, "gambling-set", "youtube", reader="gambling"))
        if i % 3 == 0:  # a mixed set: ordinary-looking negatives next to promotions
            t = f"{rng.choice(ORDINARY + GAMBLING)} nomor {i}"
            label = int(any(g.split()[0] in t for g in GAMBLING))
            rows.append(Row(t, {"perjudian": label}, "mixed-set", "facebook", reader="mixed"))
    y = np.array([[r.labels["perjudian"]] for r in rows])
    return rows, [r.text for r in rows], y


def _fit(rows: list[Row], texts: list[str], y: np.ndarray) -> HashedLinearClassifier:
    return HashedLinearClassifier(
        ("perjudian",), bits=16, char_ngrams=(2, 4), min_df=1, random_state=1
    ).fit(texts, y, [r.group for r in rows])


def test_cutoff_respects_the_false_alarm_budget_on_ordinary_posts() -> None:
    rows, texts, y = _rows()
    est = _fit(rows, texts, y)
    (tuned,) = tune_cutoffs(est, rows, 0.01, ("ordinary",)).values()
    idx, s, _ = est.oof_["perjudian"]
    a, b = est.model_.platt[0]
    p = 1 / (1 + np.exp(a * s + b))
    ordinary = np.array([rows[i].reader == "ordinary" for i in idx])
    assert np.mean(p[ordinary] >= tuned["cutoff"]) <= 0.01
    assert tuned["oof_ordinary_false_alarm_rate_max"] <= 0.01
    assert 0.05 <= tuned["cutoff"] <= 0.999
    assert tuned["oof_rows"] == len(rows)
    assert tuned["oof_mean_f1"] > 0.5  # promotions are easy to tell from lunch posts


def test_a_reader_can_have_its_own_false_alarm_bound() -> None:
    """Hard negatives written to be confusable may get a looser bound than everyday posts;
    the other ordinary sets keep the global one, and the loosest bound never flags more of
    the tight sets than their own bound allows."""
    rows, texts, y = _rows(90)
    est = _fit(rows, texts, y)
    ordinary = ("ordinary", "mixed")
    tight = tune_cutoffs(est, rows, 0.0, ordinary)["perjudian"]
    loose = tune_cutoffs(est, rows, 0.0, ordinary, max_false_alarm_by_reader={"mixed": 1.0})
    idx, s, _ = est.oof_["perjudian"]
    a, b = est.model_.platt[0]
    p = 1 / (1 + np.exp(a * s + b))
    plain = np.array([rows[i].reader == "ordinary" for i in idx])
    for tuned in (tight, loose["perjudian"]):
        assert np.mean(p[plain] >= tuned["cutoff"]) == 0.0
    assert loose["perjudian"]["cutoff"] <= tight["cutoff"]
    assert loose["perjudian"]["oof_mean_f1"] >= tight["oof_mean_f1"] - 0.005  # the tie margin


def test_out_of_fold_rows_point_back_at_the_training_rows() -> None:
    rows, texts, y = _rows(30)
    est = _fit(rows, texts, y)
    idx, _, yy = est.oof_["perjudian"]
    assert sorted(idx.tolist()) == list(range(len(rows)))
    assert (yy == y[idx, 0]).all()


def test_domain_balance_lifts_small_sets_and_keeps_the_total() -> None:
    cfg = replace(TrainConfig.load("configs/model-v2.yaml"), categories=("perjudian",))
    big = [Row(f"a {i}", {"perjudian": 0}, "big", "x", reader="r") for i in range(900)]
    small = [Row(f"b {i}", {"perjudian": 1}, "small", "x", reader="r") for i in range(100)]
    rows = big + small
    y = np.array([[r.labels["perjudian"]] for r in rows])
    flat = replace(cfg, balance=0.0, reader_weights={}, category_reader_weights={})
    balanced = replace(flat, balance=0.5)
    w0 = flat.weights(rows, y=y)[:, 0]
    w1 = balanced.weights(rows, y=y)[:, 0]
    assert w0.sum() == pytest.approx(w1.sum())
    # median size 500: big rows weigh (500/900)**0.5 relative, small ones (500/100)**0.5
    assert w1[-1] / w1[0] == pytest.approx((900 / 100) ** 0.5)
    assert (w0 == 1).all()


def test_recognizer_maps_the_cutoff_onto_the_breach_threshold() -> None:
    rows, texts, y = _rows()
    est = _fit(rows, texts, y)
    cut = {"perjudian": {"cutoff": 0.3}}
    model = with_cutoffs(est.model_, cut)
    anchor = verdict_anchors(["perjudian"])["perjudian"]
    assert model.meta["verdict_anchors"] == {"perjudian": anchor}
    rec = ModelRecognizer(model, thresholds={"perjudian": 0.5})
    p = np.array([[0.0], [0.15], [0.3], [0.65], [1.0]])
    out = rec.rescale(p)[:, 0]
    assert out[0] == 0 and out[-1] == pytest.approx(1.0)
    assert out[2] == pytest.approx(anchor)
    assert out[1] == pytest.approx(anchor / 2)
    assert out[3] == pytest.approx(anchor + 0.35 * (1 - anchor) / 0.7)
    assert (np.diff(out) > 0).all()
    # without cut-offs (a v1 artifact) the scores are the probabilities
    plain = ModelRecognizer(est.model_, thresholds={"perjudian": 0.5})
    assert (plain.rescale(p) == p).all()
    # a finding's score is the mapped one; its meta keeps the probability
    doc = normalize("slot gacor maxwin daftar sekarang juga")
    (finding,) = rec.analyze(doc)
    prob = float(finding.meta["probability"])
    assert finding.score == pytest.approx(float(rec.rescale(np.array([[prob]]))[0, 0]), abs=1e-4)


def test_pairs_table_from_a_score() -> None:
    items = [
        Item("a", {"politik": 1}, "tweets"),
        Item("b", {"politik": 1}, "tweets"),
        Item("c", {"politik": 0}, "tweets"),
        Item("d", {"politik": 0, "kata_kasar": 0}, "ordinary"),
    ]
    preds = [
        Prediction(frozenset({"politik"}), frozenset({"politik"}), True),
        Prediction(frozenset(), frozenset({"politik"}), False),
        Prediction(frozenset({"politik"}), frozenset({"politik"}), True),
        Prediction(frozenset(), frozenset(), False),
    ]
    table = pairs_table(score(items, preds), {"tweets": "twitter"})
    (pair,) = table["pairs"]
    assert (pair["dataset"], pair["platform"], pair["category"]) == ("tweets", "twitter", "politik")
    assert pair["false_alarm_rate"] == 1.0 and pair["recall"] == 0.5
    assert table["pairs_below_0_65"] == 1 and table["worst_pairs"][0]["f1"] == pair["f1"]
    assert {e["dataset"] for e in table["no_positive_sets"]} == {"ordinary"}
    flagged = {f["source"]: f for f in table["flagged_per_source"]}
    assert flagged["ordinary"]["false_alarm_rate"] == 0.0
    assert flagged["tweets"]["false_alarm_rate"] == 1.0
