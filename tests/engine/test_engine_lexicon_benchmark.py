"""bijak.ml.lexicon_benchmark on a tiny dataset written here (no dataset text)."""

from __future__ import annotations

import csv

import pytest

from bijak.ml.lexicon_benchmark import run_lexicon_benchmark


def write_dataset(root, rows):
    folder = root / "judol-youtube-comments" / "raw"
    folder.mkdir(parents=True)
    with (folder / "dataset_judol_labelled.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["comment_id", "comment_text", "label"])
        for i, (text, label) in enumerate(rows):
            w.writerow([f"id{i}", text, label])


def test_lexicon_benchmark_counts_recall_and_false_alarms(tmp_path):
    write_dataset(
        tmp_path,
        [
            ("slot gacor maxwin hari ini", 1),
            ("slot gacor maxwin hari ini", 1),  # duplicate text: counted once
            ("depo receh langsung wd bosku", 1),
            ("videonya bagus, terima kasih", 1),  # a promotion the lexicon misses
            ("videonya lucu sekali", 0),
            ("awas judi online merusak keluarga", 0),
            ("auto wd terus di situs gacor", 0),  # a false alarm
        ],
    )
    result = run_lexicon_benchmark(datasets=tmp_path)
    assert result["texts"] == 6
    assert (result["positives"], result["negatives"]) == (3, 3)
    review = result["at_review_threshold"]
    assert (review["tp"], review["fn"], review["fp"], review["tn"]) == (2, 1, 1, 2)
    assert review["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert review["false_alarm_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["recognizer"] == "bijak.lexicon.v1"
    assert "comment_text" not in str(result)
