"""bijak.batch.scan_partition: one compact, typed row per text, the same as the engine says,
with one pipeline per process per policy. Example posts written by the bijak authors."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys

import pytest

from bijak.batch import ScanRow, pipeline_for, scan_partition
from bijak.engine import analyze
from bijak.policy import load_policy

BAD = "Dasar IDI organisasi profesi goblok! NIK saya 3174012503900007 tolong bantu"
GOOD = "Selamat pagi, jangan lupa cuci tangan pakai sabun ya. Sumber: Kemenkes."


@pytest.fixture(scope="module")
def policy():  # type: ignore[no-untyped-def]
    return load_policy()


def test_rows_follow_the_engine_verdict_in_order(policy) -> None:  # type: ignore[no-untyped-def]
    texts = [GOOD, BAD, "", "😀😀😀", GOOD]
    rows = scan_partition(texts, policy=policy)
    assert [r.verdict for r in rows] == [analyze(t, policy=policy).verdict for t in texts]
    assert rows[1].verdict == "langgar"
    assert {"A.2", "B.8"} <= set(rows[1].clause_ids)
    assert rows[0].clauses == () and rows[2].verdict == "aman" and rows[3].verdict == "aman"


def test_row_carries_categories_scores_and_versions(policy) -> None:  # type: ignore[no-untyped-def]
    row = scan_partition([BAD], policy=policy)[0]
    report = analyze(BAD, policy=policy)
    assert {c.id for c in row.categories} >= {"penghinaan", "data_pribadi"}
    assert row.score == max(c.score for c in row.clauses) > 0
    assert row.versions.policy_hash == policy.content_hash
    assert row.versions.policy_version == policy.version
    assert row.versions.model == report.versions.model
    assert row.versions.engine == report.versions.engine
    assert row.masked_text is None and row.evidence == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.verdict = "aman"  # type: ignore[misc]


def test_keep_text_gives_masked_text_and_evidence_in_original_offsets(policy) -> None:  # type: ignore[no-untyped-def]
    row = scan_partition([BAD], policy=policy, keep_text=True)[0]
    assert row.masked_text is not None
    assert "3174012503900007" not in row.masked_text
    assert "3174012503900007" not in str(row.to_dict())
    goblok = [e for e in row.evidence if e.category in ("penghinaan", "kata_kasar")]
    assert goblok and any(BAD[e.start : e.end].lower().find("goblok") >= 0 for e in goblok)


def test_long_post_is_truncated_not_refused(policy) -> None:  # type: ignore[no-untyped-def]
    text = ("kata biasa " * 10_000)[:100_001]
    row = scan_partition([text], policy=policy)[0]
    assert row.truncated and row.text_length == 100_001


def test_rows_are_picklable_and_serialisable(policy) -> None:  # type: ignore[no-untyped-def]
    rows = scan_partition([BAD, GOOD], policy=policy, keep_text=True)
    assert pickle.loads(pickle.dumps(rows)) == rows
    assert isinstance(rows[0], ScanRow)
    assert rows[0].to_dict()["versions"]["policy"]["hash"] == policy.content_hash


def test_one_pipeline_per_policy_even_after_pickling(policy) -> None:  # type: ignore[no-untyped-def]
    first = pipeline_for(policy)
    copy = pickle.loads(pickle.dumps(policy))
    assert copy is not policy
    assert pipeline_for(copy) is first


def test_batch_imports_neither_django_nor_dask() -> None:
    code = (
        "import sys, bijak.batch; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'dask', 'distributed')]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
