"""`bijak campaign list|show|report|evidence|verify`, and the evidence surviving the database:
an edited, a removed and an added line are each named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.site.conftest import make_person
from tests.site.dissemination import dissem_fixtures as fx
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.site.dissemination.attest import attested_text, policy_of, text_sha256
from bijak.site.dissemination.models import Assignment
from bijak.site.dissemination.services import (
    acknowledgement_record,
    quiz_attempt_start,
    quiz_attempt_submit,
)

# the app's fixtures (see dissem_fixtures.py)
policy_version = fx.policy_version
quiz_bank = fx.quiz_bank
today = fx.today
campaign_over = fx.campaign_over
answer_all = fx.answer_all


@pytest.fixture
def acknowledged(
    org_tree: Any, employee: Any, unit_head: Any, campaign_over: Any, answer_all: Any
) -> Any:
    make_person(
        username="joko",
        full_name="Joko Santoso",
        unit=org_tree.keu_budget,
        nip="199501012020121001",
    )
    campaign = campaign_over(org_tree.keu, actor=unit_head)
    for assignment in Assignment.objects.filter(campaign=campaign).select_related(
        "employee__user", "campaign__policy_version"
    ):
        user = assignment.employee.user
        attempt = quiz_attempt_start(assignment=assignment)
        quiz_attempt_submit(actor=user, attempt=attempt, answers=answer_all(attempt, right=True))
        assignment.refresh_from_db()
        shown = text_sha256(attested_text(policy_of(campaign.policy_version), "id"))
        acknowledgement_record(actor=user, assignment=assignment, shown_text_hash=shown, lang="id")
    return campaign


def test_list_show_and_report_as_json(acknowledged: Any, org_tree: Any, colleague: Any) -> None:
    runner = CliRunner()
    listed = json.loads(runner.invoke(app, ["campaign", "list", "--json"]).output)
    assert listed == [
        {
            "id": acknowledged.pk,
            "title": acknowledged.title,
            "policy_version": "1.0",
            "policy_sha256": acknowledged.policy_version.content_hash,
            "units": ["SJ.KEU"],
            "start": acknowledged.start_date.isoformat(),
            "due": acknowledged.due_date.isoformat(),
            "status": "running",
        }
    ]
    report = json.loads(
        runner.invoke(app, ["campaign", "report", str(acknowledged.pk), "--json"]).output
    )
    assert report == [
        {"unit_code": "SJ.KEU", "in_scope": 3, "acknowledged": 3, "passed": 3, "overdue": 0},
        {"unit_code": "SJ.KEU.AG", "in_scope": 2, "acknowledged": 2, "passed": 2, "overdue": 0},
        {"unit_code": "SJ.KEU.AG.1", "in_scope": 1, "acknowledged": 1, "passed": 1, "overdue": 0},
    ]
    shown = json.loads(
        runner.invoke(app, ["campaign", "show", str(acknowledged.pk), "--json"]).output
    )
    assert shown["in_scope"] == 3 and shown["acknowledged"] == 3
    missing = runner.invoke(app, ["campaign", "show", "9999"])
    assert missing.exit_code == 1 and "campaign not found: 9999" in missing.output


def _lines(path: Path) -> list[bytes]:
    return (path / "acknowledgements.jsonl").read_bytes().splitlines(keepends=True)


def test_evidence_verifies_offline_and_names_edited_removed_and_added_lines(
    acknowledged: Any, tmp_path: Path, settings: Any
) -> None:
    runner = CliRunner()
    key = tmp_path / "audit-key.pem"
    assert runner.invoke(app, ["audit", "keygen", "--out", str(key)]).exit_code == 0
    settings.BIJAK_AUDIT_KEY_FILE = str(key)
    public = tmp_path / "audit-key.pem.pub"
    out = tmp_path / "bukti"
    made = runner.invoke(app, ["campaign", "evidence", str(acknowledged.pk), "--out", str(out)])
    assert made.exit_code == 0, made.output
    assert len(_lines(out)) == 3
    record = json.loads(_lines(out)[0])
    assert record["text_sha256"] == text_sha256(
        attested_text(policy_of(acknowledged.policy_version), "id")
    )
    assert (out / "attested-id.txt").read_text(encoding="utf-8") == attested_text(
        policy_of(acknowledged.policy_version), "id"
    )
    good = runner.invoke(app, ["campaign", "verify", str(out), "--public-key", str(public)])
    assert good.exit_code == 0 and "records=3 signature=valid OK" in good.output
    original = _lines(out)

    def tampered(lines: list[bytes]) -> str:
        (out / "acknowledgements.jsonl").write_bytes(b"".join(lines))
        result = runner.invoke(app, ["campaign", "verify", str(out), "--public-key", str(public)])
        assert result.exit_code == 1
        return result.output

    edited = original[1].replace(b'"quiz_score":100', b'"quiz_score":99')
    assert edited != original[1]
    assert "acknowledgements.jsonl baris / line 2: diubah / edited" in tampered(
        [original[0], edited, original[2]]
    )
    assert "baris / line 3 (asli / original): dihapus / removed" in tampered(original[:2])
    assert "acknowledgements.jsonl baris / line 4: ditambahkan / added" in tampered(
        [*original, original[0]]
    )
    # the manifest rewritten to match: the signature gives it away
    (out / "acknowledgements.jsonl").write_bytes(b"".join(original))
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["records"] = 2
    (out / "manifest.json").write_text(json.dumps(manifest))
    forged = runner.invoke(app, ["campaign", "verify", str(out), "--public-key", str(public)])
    assert forged.exit_code == 1 and "signature=invalid" in forged.output


def test_evidence_refuses_a_directory_that_is_not_empty(acknowledged: Any, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    result = CliRunner().invoke(
        app, ["campaign", "evidence", str(acknowledged.pk), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1 and "directory not empty" in result.output
