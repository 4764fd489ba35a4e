"""The challenge set: it loads, its counts are what the README claims, test and train are
disjoint by family, the frozen test file is unchanged, and the benchmark runs on a slice."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.ml.challenge import (
    CATEGORIES,
    ChallengeError,
    ChallengeItem,
    count_table,
    generate,
    is_hard_negative,
    load_families,
    personal_values,
    privacy_leaks,
    read_manifest,
    read_registers,
    read_split,
    run_challenge,
    score_challenge,
    stratified_slice,
    template_overlap,
    write_corpus,
)
from bijak.ml.evaluate import read_jsonl
from bijak.policy import load_policy

ROOT = Path(__file__).resolve().parents[2] / "benchmarks" / "challenge"
TEST = ROOT / "test.jsonl"
TRAIN = ROOT / "train.jsonl"
TEST_B = ROOT / "test_b.jsonl"
README = ROOT / "README.md"


@pytest.fixture(scope="module")
def test_items() -> list[ChallengeItem]:
    return read_split(TEST)


@pytest.fixture(scope="module")
def train_items() -> list[ChallengeItem]:
    return read_split(TRAIN)


@pytest.fixture(scope="module")
def test_b_items() -> list[ChallengeItem]:
    return read_split(TEST_B)


def _readme_counts() -> dict[str, dict[str, int]]:
    """The README's table: | category | pos train | pos test | pos test_b | neg train | neg test
    | neg test_b |."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- COUNTS:START -->", 1)[1].split("<!-- COUNTS:END -->", 1)[0]
    out: dict[str, dict[str, int]] = {}
    for row in block.splitlines():
        cells = [c.strip().strip("`") for c in row.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] in CATEGORIES:
            keys = ("pos_train", "pos_test", "pos_test_b", "neg_train", "neg_test", "neg_test_b")
            out[cells[0]] = dict(zip(keys, map(int, cells[1:]), strict=True))
    return out


def test_every_line_is_valid_for_bijak_eval() -> None:
    known = [c.id for c in load_policy().categories]
    for path in (TEST, TRAIN, TEST_B):
        items = read_jsonl(path, known)
        assert items, path
        for raw in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(raw)
            assert set(obj) == {"id", "text", "labels", "source", "family"}
            assert obj["source"].startswith("challenge-")
            assert obj["text"].strip() == obj["text"] and obj["text"]


def test_ids_are_unique(
    test_items: list[ChallengeItem],
    train_items: list[ChallengeItem],
    test_b_items: list[ChallengeItem],
) -> None:
    ids = [i.id for i in test_items + train_items + test_b_items]
    assert len(ids) == len(set(ids))


def test_every_category_has_300_positives_and_300_negatives_as_claimed(
    test_items: list[ChallengeItem],
    train_items: list[ChallengeItem],
    test_b_items: list[ChallengeItem],
) -> None:
    claimed = _readme_counts()
    assert set(claimed) == set(CATEGORIES)
    train, test = count_table(train_items), count_table(test_items)
    test_b = count_table(test_b_items)
    for cat in CATEGORIES:
        actual = {
            "pos_train": train[cat]["pos"],
            "pos_test": test[cat]["pos"],
            "pos_test_b": test_b[cat]["pos"],
            "neg_train": train[cat]["neg"],
            "neg_test": test[cat]["neg"],
            "neg_test_b": test_b[cat]["neg"],
        }
        assert actual == claimed[cat], cat
        assert actual["pos_train"] + actual["pos_test"] >= 300, cat
        assert actual["neg_train"] + actual["neg_test"] >= 300, cat
        assert actual["pos_test"] > 0 and actual["neg_test"] > 0, cat
        assert actual["pos_test_b"] > 0 and actual["neg_test_b"] > 0, cat


def test_test_and_train_are_disjoint_by_family_template_and_text(
    test_items: list[ChallengeItem], train_items: list[ChallengeItem]
) -> None:
    manifest = read_manifest(ROOT / "test_families.txt")
    assert {i.family for i in test_items} == manifest
    assert not {i.family for i in train_items} & manifest
    assert not {i.text for i in train_items} & {i.text for i in test_items}
    manifest_b = read_manifest(ROOT / "test_b_families.txt")
    families = [f for f in load_families(ROOT) if f.id not in manifest_b]
    test_templates = {t for f in families if f.id in manifest for t in f.texts}
    train_templates = {t for f in families if f.id not in manifest for t in f.texts}
    assert not test_templates & train_templates
    # and no test template is a light rewrite of a train one (word trigrams)
    worst = template_overlap(families, manifest)[0]
    assert worst[0] < 0.4, worst


@pytest.mark.parametrize("path", [TEST, TEST_B], ids=["test", "test_b"])
def test_frozen_test_file_matches_the_digest_in_the_readme(path: Path) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    pattern = rf"`{re.escape(path.name)}` sha256 `([0-9a-f]{{64}})`"
    match = re.search(pattern, README.read_text(encoding="utf-8"))
    assert match is not None
    assert digest == match.group(1)


def test_second_test_part_is_disjoint_from_train_and_from_the_first(
    test_items: list[ChallengeItem],
    train_items: list[ChallengeItem],
    test_b_items: list[ChallengeItem],
) -> None:
    manifest_b = read_manifest(ROOT / "test_b_families.txt")
    manifest = read_manifest(ROOT / "test_families.txt")
    assert {i.family for i in test_b_items} == manifest_b
    assert not manifest_b & manifest
    assert not {i.family for i in train_items} & manifest_b
    texts_b = {i.text for i in test_b_items}
    assert not texts_b & {i.text for i in train_items}
    assert not texts_b & {i.text for i in test_items}
    others = [f for f in load_families(ROOT) if f.id not in manifest]
    assert template_overlap(others, manifest_b)[0][0] < 0.4


def test_issue_items_are_all_in_the_test_part(test_items: list[ChallengeItem]) -> None:
    issue = [f for f in load_families(ROOT) if f.category == "issue"]
    assert len(issue) >= 20
    in_test = {i.family for i in test_items}
    assert all(f.id in in_test for f in issue)


def test_committed_train_file_is_what_the_generator_makes(
    train_items: list[ChallengeItem],
) -> None:
    made = generate(ROOT)["train"]
    assert [(x.id, x.text, x.labels, x.source) for x in made] == [
        (x.id, x.text, x.labels, x.source) for x in train_items
    ]


def test_freezing_twice_is_refused(tmp_path: Path) -> None:
    (tmp_path / "test_families.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(ChallengeError, match="dibekukan"):
        write_corpus(tmp_path, freeze_test=True)


@pytest.mark.parametrize(
    ("family", "message"),
    [
        ("- {id: a, texts: [x], labels: {hoaks: 0}}", "keluarga positif tanpa label 1"),
        ("- {id: a, texts: [x], labels: {nope: 1}}", "label tidak sah 'nope'"),
        ("- {id: a, labels: {hoaks: 1}}", "tanpa teks"),
        ("- {id: a, texts: [x], platforms: [myspace]}", "platform/register tidak dikenal"),
    ],
)
def test_malformed_family_names_file_and_family(tmp_path: Path, family: str, message: str) -> None:
    (tmp_path / "families").mkdir()
    (tmp_path / "families" / "hoaks.yaml").write_text(
        f"category: hoaks\npos:\n  {family}\n", encoding="utf-8"
    )
    with pytest.raises(ChallengeError) as exc:
        load_families(tmp_path)
    assert str(exc.value).startswith("hoaks.yaml: keluarga a")
    assert message in str(exc.value)


def test_score_counts_verdicts_and_hard_negatives() -> None:
    items = [
        ChallengeItem("1", "a", {"narkoba": 1}, "challenge-x", "f1"),
        ChallengeItem("2", "b", {"narkoba": 1}, "challenge-x", "f1"),
        ChallengeItem("3", "c", {"narkoba": 0, "kata_kasar": 0}, "challenge-x", "f2"),
        ChallengeItem("4", "d", {"narkoba": 0}, "challenge-x", "f2"),
        ChallengeItem("5", "e", {"hoaks": 0}, "challenge-x", "issue-fa-x"),
    ]
    verdicts = [
        {"narkoba": "langgar"},
        {"narkoba": "aman", "hoaks": "tinjau"},
        {"kata_kasar": "tinjau"},
        {},
        {"hoaks": "aman"},
    ]
    out = score_challenge(items, verdicts, {"1": "jawa", "2": "jawa", "3": "formal"})
    nk = out["per_category"]["narkoba"]
    assert (nk["tp"], nk["fp"], nk["fn"], nk["tn"]) == (1, 0, 1, 2)
    assert (nk["precision"], nk["recall"]) == (1.0, 0.5)
    # line 3 is a hard negative flagged (kata_kasar), lines 4 and 5 are not
    assert out["hard_negatives"] == 3
    assert out["hard_negatives_flagged"] == round(1 / 3, 4)
    assert nk["hard_negatives"] == 2 and nk["hard_negatives_flagged"] == 0.5
    assert out["fired_on_hard_negatives"] == {"kata_kasar": 1}
    assert out["issue_items"] == {"n": 1, "passed": 1, "failed": []}
    assert out["worst_families"] == [
        {"family": "f1", "lines": 2, "wrong": 1, "share": 0.5},
        {"family": "f2", "lines": 2, "wrong": 1, "share": 0.5},
    ]
    assert out["per_register"] == {
        "formal": {
            "positive_labels": 0,
            "recall": 0.0,
            "hard_negatives": 1,
            "hard_negatives_flagged": 1.0,
        },
        "jawa": {
            "positive_labels": 2,
            "recall": 0.5,
            "hard_negatives": 0,
            "hard_negatives_flagged": 0.0,
        },
    }
    assert out["per_platform"]["challenge-x"] == {
        "positive_labels": 2,
        "recall": 0.5,
        "hard_negatives": 3,
        "hard_negatives_flagged": round(1 / 3, 4),
    }
    assert is_hard_negative({"a": 0}) and not is_hard_negative({"a": 0, "b": 1})


def test_stratified_slice_takes_every_family(test_items: list[ChallengeItem]) -> None:
    families = {i.family for i in test_items}
    part = stratified_slice(test_items, len(families))
    assert {i.family for i in part} == families
    assert stratified_slice(test_items, 0) == test_items


def test_benchmark_runs_on_a_slice_with_the_real_pipeline(tmp_path: Path) -> None:
    result = run_challenge(path=TEST, limit=80)
    assert result["lines"] == 80
    total = sum(r["tp"] + r["fn"] for r in result["per_category"].values())
    assert total == sum(
        sum(v for v in i.labels.values()) for i in stratified_slice(read_split(TEST), 80)
    )
    assert 0.0 <= result["hard_negatives_flagged"] <= 1.0

    out = CliRunner().invoke(
        app,
        ["benchmark", "challenge", "--limit", "40", "--results-dir", str(tmp_path)],
    )
    assert out.exit_code == 0, out.output
    assert "hard negatives flagged" in out.output
    payload = json.loads((tmp_path / "challenge.json").read_text(encoding="utf-8"))
    assert payload["benchmark"] == "challenge"
    assert payload["results"]["lines"] == 40
    assert payload["results"]["level"] == "verdict"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "tidak dapat dibaca"),
        ('{"text": "x", "labels": {"narkoba": 1}}\n{oops', "baris 2: bukan JSON yang sah"),
        ('{"text": "x", "labels": {"narkoba": 2}}', "baris 1: label 'narkoba' harus 0 atau 1"),
        ('{"text": "x", "labels": {"nope": 1}}', "baris 1: kategori tidak dikenal 'nope'"),
    ],
)
def test_benchmark_names_a_bad_file_or_line(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "part.jsonl"
    if content is not None:
        path.write_text(content + "\n", encoding="utf-8")
    out = CliRunner().invoke(
        app, ["benchmark", "challenge", "--file", str(path), "--results-dir", str(tmp_path)]
    )
    assert out.exit_code == 2
    assert "Galat: " in out.output and message in out.output
    assert not (tmp_path / "challenge.json").exists()


def test_every_line_has_its_register(
    test_items: list[ChallengeItem],
    train_items: list[ChallengeItem],
    test_b_items: list[ChallengeItem],
) -> None:
    registers = read_registers(ROOT / "registers.tsv")
    assert set(registers) == {i.id for i in test_items + train_items + test_b_items}
    # the issue items are exact posts: never restyled
    assert {registers[i.id] for i in test_items if i.family.startswith("issue-")} == {"formal"}
    # every register of the generator is represented in both test parts
    for items in (test_items, test_b_items):
        assert {registers[i.id] for i in items} == {
            "formal",
            "gaul",
            "alay",
            "jawa",
            "sunda",
            "english",
            "typo",
        }


def test_personal_values_finds_nik_phone_and_medical_record() -> None:
    text = "NIK 3201014508900003, HP 0812-3456-7890, No RM 00-45-78-12, rekam medis RM-6386496"
    assert personal_values(text) == [
        "3201014508900003",
        "0812-3456-7890",
        "00-45-78-12",
        "RM-6386496",
    ]


def test_privacy_check_reports_values_that_reach_the_report() -> None:
    items = [
        ChallengeItem("1", "Ny. Warsiti positif HIV", {"data_pribadi": 1}, "s", "fam-a"),
        ChallengeItem("2", "NIK 3201014508900003", {"data_pribadi": 1}, "s", "fam-b"),
        ChallengeItem("3", "NIK format 16 digit", {"data_pribadi": 0}, "s", "fam-c"),
    ]
    outputs = {
        items[0].text: '{"masked_text": "Ny. W****** positif HIV"}',
        items[1].text: '{"evidence": "3201014508900003"}',
    }
    out = privacy_leaks(items, {"fam-a": ["Warsiti"]}, lambda text: outputs[text])
    assert out == {
        "checked": 2,
        "leaking": 1,
        "leaks": [{"id": "2", "leaked": ["3201014508900003"]}],
    }
