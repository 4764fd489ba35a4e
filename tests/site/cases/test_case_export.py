"""`bijak case list|show|export|verify`: the case file holds up offline (written by the bijak
authors)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from cases_helpers import open_case, step
from typer.testing import CliRunner

from bijak.cli.main import app

EXAM = dt.date(2026, 6, 18)


@pytest.fixture
def decided_case(officer: Any, employee: Any, unit_head: Any) -> Any:
    case = open_case(officer, employee)
    step(case, officer, "summon_1", examination_date=EXAM)
    step(case, officer, "examine", today=EXAM, record="Pegawai mengakui unggahan itu.")
    step(case, officer, "decide_light", today=EXAM, penalty="teguran_lisan", reason="Terbukti.")
    return case


def test_list_masks_the_nip_and_shows_the_next_deadline(decided_case: Any) -> None:
    result = CliRunner().invoke(app, ["case", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows == [
        {
            "id": decided_case.pk,
            "number": "PD-2026-0001",
            "state": "decided",
            "nip": "1990**********2001",
            "clauses": ["B.2"],
            "opened": "2026-06-08",
            "deadline": "2026-07-08",
            "overdue": rows[0]["overdue"],
            "outcome": "light",
        }
    ]
    shown = CliRunner().invoke(app, ["case", "show", "PD-2026-0001"])
    assert [e["kind"] for e in json.loads(shown.output)["events"]] == [
        "open",
        "summon_1",
        "examine",
        "decide_light",
    ]
    missing = CliRunner().invoke(app, ["case", "show", "PD-2099-0001"])
    assert missing.exit_code == 1


def test_export_verifies_and_names_an_edited_event_a_replaced_document_and_a_removed_file(
    decided_case: Any, tmp_path: Path, settings: Any
) -> None:
    runner = CliRunner()
    key = tmp_path / "audit-key.pem"
    assert runner.invoke(app, ["audit", "keygen", "--out", str(key)]).exit_code == 0
    settings.BIJAK_AUDIT_KEY_FILE = str(key)
    settings.BIJAK_AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    assert runner.invoke(app, ["audit", "checkpoint"]).exit_code == 0
    out = tmp_path / "berkas"
    made = runner.invoke(app, ["case", "export", "PD-2026-0001", "--out", str(out)])
    assert made.exit_code == 0, made.output
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert "checkpoint.json" in names and "procedure.yaml" in names and "manifest.sig" in names
    docs = [n for n in names if n.startswith("documents/")]
    assert len(docs) == 3
    evidence = [n for n in names if n.startswith("evidence/")]
    assert evidence == [f"evidence/{decided_case.files.get().pk}-bukti.pdf"]
    public = f"{key}.pub"
    ok = runner.invoke(app, ["case", "verify", str(out), "--public-key", public])
    assert ok.exit_code == 0, ok.output
    assert ok.output.strip() == "events=4 signature=valid OK"

    broken = tmp_path / "rusak"
    shutil.copytree(out, broken)
    lines = (broken / "events.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace("teguran_lisan", "teguran_tertulis")
    (broken / "events.jsonl").write_text("".join(lines), encoding="utf-8")
    (broken / docs[1]).write_bytes(b"%PDF-1.4 palsu")
    (broken / evidence[0]).unlink()
    bad = runner.invoke(app, ["case", "verify", str(broken), "--public-key", public])
    assert bad.exit_code == 1
    assert bad.output.splitlines() == [
        f"{docs[1]}: dokumen diganti / document replaced",
        f"{evidence[0]}: berkas hilang / file removed",
        "events.jsonl baris / line 4: diubah / edited",
        "events=4 signature=valid RUSAK / BROKEN",
    ]
    # a manifest rewritten to match the forged document is caught by the signature
    manifest = json.loads((broken / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][docs[1]]["sha256"] = hashlib.sha256(b"%PDF-1.4 palsu").hexdigest()
    (broken / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    again = runner.invoke(app, ["case", "verify", str(broken), "--public-key", public])
    assert again.output.splitlines()[0] == (
        "tanda tangan manifest tidak sah / manifest signature invalid"
    )
    assert f"{docs[1]}: dokumen diganti / document replaced" not in again.output
