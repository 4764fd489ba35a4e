"""`bijak eval`: input validation with line numbers, count arithmetic, the CLI on the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.ml.evaluate import EvalInputError, Item, Prediction, read_jsonl, score


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


def _p(verdict: set[str], finding: set[str], flagged: bool | None = None) -> Prediction:
    return Prediction(
        frozenset(verdict), frozenset(finding), bool(verdict) if flagged is None else flagged
    )


def test_verdict_level_is_the_default_and_finding_level_is_kept() -> None:
    items = [
        Item("a", {"hoaks": 1}, "s"),  # a finding at review level, but the verdict is aman
        Item("b", {"hoaks": 1}, "s"),  # both
        Item("c", {"hoaks": 0}, "s"),  # a finding only: a false positive at finding level
    ]
    preds = [_p(set(), {"hoaks"}), _p({"hoaks"}, {"hoaks"}), _p(set(), {"hoaks"})]
    verdict = score(items, preds)
    finding = score(items, preds, level="finding")
    assert verdict["level"] == "verdict" and finding["level"] == "finding"
    (v,) = verdict["results"]
    (f,) = finding["results"]
    assert (v["tp"], v["fp"], v["fn"], v["tn"]) == (1, 0, 1, 1)
    assert (f["tp"], f["fp"], f["fn"], f["tn"]) == (2, 1, 0, 0)
    assert v["recall"] == 0.5 and f["recall"] == 1.0
    with pytest.raises(ValueError, match="level"):
        score(items, preds, level="clause")


def test_flagged_share_per_source_and_false_alarms_on_clean_lines() -> None:
    items = [
        Item("a", {"kata_kasar": 0, "sara": 0}, "ordinary"),
        Item("b", {"kata_kasar": 0}, "ordinary"),
        Item("c", {"kata_kasar": 0}, "ordinary"),
        Item("d", {"kata_kasar": 0}, "ordinary"),
        Item("e", {"kata_kasar": 1}, "abuse"),
        Item("f", {"kata_kasar": 0}, "abuse"),
    ]
    # line b is flagged for a category its source did not label (politik): a user still
    # sees a verdict other than aman, so it is a false alarm of the source
    preds = [
        _p(set(), set()),
        _p({"politik"}, {"politik"}),
        _p(set(), {"sara"}),  # a finding below the verdict: not flagged
        _p(set(), set()),
        _p({"kata_kasar"}, {"kata_kasar"}),
        _p({"kata_kasar"}, {"kata_kasar"}),
    ]
    out = score(items, preds)
    flagged = {f["source"]: f for f in out["flagged"]}
    assert flagged["ordinary"] == {
        "source": "ordinary",
        "n": 4,
        "flagged": 1,
        "flagged_rate": 0.25,
        "n_clean": 4,
        "false_alarms": 1,
        "false_alarm_rate": 0.25,
    }
    assert (flagged["abuse"]["flagged_rate"], flagged["abuse"]["false_alarm_rate"]) == (1.0, 1.0)
    assert flagged["abuse"]["n_clean"] == 1


def test_confusion_table_names_what_fired_instead() -> None:
    items = [
        Item("a", {"hoaks": 1}, "s"),
        Item("b", {"hoaks": 1}, "s"),
        Item("c", {"hoaks": 1}, "s"),
        Item("d", {"hoaks": 0}, "s"),
        Item("e", {"hoaks": 0}, "s"),
    ]
    preds = [
        _p({"hoaks"}, set()),
        _p({"penipuan"}, set()),  # the wrong category fired
        _p(set(), set()),  # nothing fired
        _p({"politik"}, set()),
        _p(set(), set()),
    ]
    out = score(items, preds)
    assert out["confusion"] == {
        "hoaks": {"aman": 1, "hoaks": 1, "penipuan": 1},
        "aman": {"aman": 1, "politik": 1},
    }


def test_plain_sets_still_score() -> None:
    out = score([Item("a", {"sara": 1}, "s")], [{"sara"}])
    assert out["results"][0]["tp"] == 1 and out["flagged"][0]["flagged"] == 1


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
    assert out["level"] == "verdict"
    flagged = {f["source"]: f for f in out["flagged"]}
    assert flagged["a"]["n"] == 2 and flagged["a"]["n_clean"] == 1
    assert flagged["a"]["false_alarms"] == 0  # the greeting is aman
    assert flagged["b"]["flagged"] == 1
    assert out["confusion"]["perjudian"]["perjudian"] == 1


def test_cli_finding_level_and_a_bad_level(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        [json.dumps({"text": "dasar goblok tolol", "labels": {"kata_kasar": 1}, "source": "a"})],
    )
    res = CliRunner().invoke(app, ["eval", str(p), "--json", "--level", "finding"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["level"] == "finding" and out["results"][0]["tp"] == 1
    table = CliRunner().invoke(app, ["eval", str(p)])
    assert table.exit_code == 0
    assert "macro F1 (verdict)" in table.output and "alarm palsu" in table.output
    bad = CliRunner().invoke(app, ["eval", str(p), "--level", "klausul"])
    assert bad.exit_code == 2
    assert "--level harus salah satu dari verdict, finding" in bad.output


def test_cli_reports_a_bad_line_and_exits_2(tmp_path: Path) -> None:
    p = _write(tmp_path, ['{"text": "x", "labels": {"sara": 0}}', "oops"])
    res = CliRunner().invoke(app, ["eval", str(p)])
    assert res.exit_code == 2
    assert "baris 2: bukan JSON yang sah" in res.output
