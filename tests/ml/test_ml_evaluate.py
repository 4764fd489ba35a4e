"""`bijak eval`: input validation with line numbers, count arithmetic, the CLI on the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.ml.evaluate import EvalInputError, Item, read_jsonl, score


def _write(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "data.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_counts_per_source_and_category() -> None:
    items = [
        Item("a", {"kata_kasar": 1, "sara": 0}, "s1"),
        Item("b", {"kata_kasar": 1}, "s1"),
        Item("c", {"kata_kasar": 0}, "s1"),
        Item("d", {"kata_kasar": 0}, "s1"),
        Item("e", {"hoaks": 1}, "s2"),
    ]
    predicted = [{"kata_kasar", "sara"}, set(), {"kata_kasar"}, set(), {"hoaks", "sara"}]
    out = score(items, predicted)
    rows = {(r["source"], r["category"]): r for r in out["results"]}
    kk = rows[("s1", "kata_kasar")]
    assert (kk["n"], kk["tp"], kk["fp"], kk["fn"], kk["tn"]) == (4, 1, 1, 1, 1)
    assert kk["precision"] == 0.5 and kk["recall"] == 0.5 and kk["f1"] == 0.5
    sara = rows[("s1", "sara")]
    assert (sara["n"], sara["fp"], sara["f1"]) == (1, 1, 0.0)
    # "sara" predicted on line e is not scored: source s2 labelled only hoaks
    assert ("s2", "sara") not in rows
    assert rows[("s2", "hoaks")]["f1"] == 1.0
    # (s1, sara) has no positive label: its F1 is undefined and stays out of the macro
    assert out["macro_f1"] == round((0.5 + 1.0) / 2, 4)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "baris 2: bukan JSON yang sah"),
        ('["x"]', "baris 2: harus objek JSON"),
        ('{"text": 5, "labels": {"sara": 1}}', "baris 2: 'text' harus string"),
        ('{"text": "x", "labels": {}}', "baris 2: 'labels' harus objek"),
        ('{"text": "x", "labels": {"sara": 2}}', "baris 2: label 'sara' harus 0 atau 1, bukan 2"),
        ('{"text": "x", "labels": {"sara": true}}', "baris 2: label 'sara' harus 0 atau 1"),
        ('{"text": "x", "labels": {"nope": 1}}', "baris 2: kategori tidak dikenal 'nope'"),
    ],
)
def test_malformed_line_names_its_number(tmp_path: Path, line: str, message: str) -> None:
    good = '{"text": "halo", "labels": {"sara": 0}, "source": "t"}'
    p = _write(tmp_path, [good, line])
    with pytest.raises(EvalInputError) as exc:
        read_jsonl(p, known=["sara", "hoaks"])
    assert str(exc.value).startswith(message)


def test_cli_runs_the_full_pipeline_and_prints_json(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        [
            json.dumps(
                {
                    "text": "Selamat pagi, semoga harimu menyenangkan",
                    "labels": {"kata_kasar": 0, "perjudian": 0},
                    "source": "a",
                }
            ),
            json.dumps(
                {"text": "dasar goblok tolol bangsat", "labels": {"kata_kasar": 1}, "source": "a"}
            ),
            json.dumps(
                {
                    "text": "Daftar sekarang slot gacor maxwin, deposit pulsa 10rb",
                    "labels": {"perjudian": 1},
                    "source": "b",
                }
            ),
        ],
    )
    res = CliRunner().invoke(app, ["eval", str(p), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    cells = {(r["source"], r["category"]): r for r in out["results"]}
    assert set(cells) == {("a", "kata_kasar"), ("a", "perjudian"), ("b", "perjudian")}
    assert cells[("a", "kata_kasar")]["n"] == 2
    for r in out["results"]:
        assert r["tp"] + r["fp"] + r["fn"] + r["tn"] == r["n"]
    assert cells[("a", "kata_kasar")]["tp"] == 1
    assert cells[("b", "perjudian")]["tp"] == 1
    assert cells[("a", "perjudian")]["fp"] == 0


def test_cli_reports_a_bad_line_and_exits_2(tmp_path: Path) -> None:
    p = _write(tmp_path, ['{"text": "x", "labels": {"sara": 0}}', "oops"])
    res = CliRunner().invoke(app, ["eval", str(p)])
    assert res.exit_code == 2
    assert "baris 2: bukan JSON yang sah" in res.output
