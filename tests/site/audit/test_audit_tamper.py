"""Tampering with the audit log is detected and the first bad entry named (issue 8, defect 2):
a field edited, a row deleted, the tail cut, an entry inserted, and a chain rewritten
consistently (every hash recomputed, the head moved) after a signed checkpoint."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.site.audit.models import AuditEntry, ChainHead
from bijak.site.audit.services import GENESIS, _entry_hash, audit_record, audit_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(db):
    """A log of exactly 20 entries."""
    AuditEntry.objects.all().delete()
    ChainHead.objects.update(seq=0, hash=GENESIS)
    for n in range(20):
        audit_record(actor=None, action="test.entry", target_id=n, data={"n": n})
    assert audit_verify().ok
    return AuditEntry.objects.order_by("seq")


@pytest.fixture
def key(tmp_path, settings):
    path = tmp_path / "audit-key.pem"
    result = CliRunner().invoke(app, ["audit", "keygen", "--out", str(path)])
    assert result.exit_code == 0, result.output
    settings.BIJAK_AUDIT_KEY_FILE = str(path)
    settings.BIJAK_AUDIT_CHECKPOINT_DIR = str(tmp_path / "checkpoints")
    return path


def rehash_from(seq: int) -> None:
    """What an attacker with write access to the database does: recompute every hash from
    `seq` on, so that the chain is consistent again, and move the head."""
    prev = AuditEntry.objects.get(seq=seq - 1).hash if seq > 1 else GENESIS
    for entry in AuditEntry.objects.filter(seq__gte=seq).order_by("seq"):
        entry.prev_hash = prev
        entry.hash = _entry_hash(
            seq=entry.seq,
            created_at=entry.created_at.isoformat(),
            actor_id=entry.actor_id,
            actor_label=entry.actor_label,
            action=entry.action,
            target_type=entry.target_type,
            target_id=entry.target_id,
            data=entry.data,
            prev_hash=prev,
        )
        entry.save()
        prev = entry.hash
    last = AuditEntry.objects.order_by("-seq").first()
    ChainHead.objects.update(seq=last.seq, hash=last.hash)


def verify_cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["audit", "verify", *args])
    return result.exit_code, result.output


def test_field_edit_is_named(chain):
    AuditEntry.objects.filter(seq=7).update(data={"n": 700})
    check = audit_verify()
    assert (check.ok, check.first_bad_seq, check.reason) == (False, 7, "content")
    code, output = verify_cli()
    assert code == 1
    assert "Rantai audit RUSAK pada entri #7: isi entri diubah setelah dicatat." in output


def test_row_deleted_in_the_middle_is_named(chain):
    AuditEntry.objects.filter(seq=12).delete()
    check = audit_verify()
    assert (check.ok, check.first_bad_seq, check.reason) == (False, 13, "gap")
    code, output = verify_cli()
    assert code == 1 and "entri #13: ada entri yang hilang sebelum entri ini." in output


@pytest.mark.parametrize("cut", [1, 5])
def test_tail_cut_is_named(chain, cut):
    AuditEntry.objects.filter(seq__gt=20 - cut).delete()
    check = audit_verify()
    assert (check.ok, check.first_bad_seq, check.reason) == (False, 21 - cut, "truncated")
    code, output = verify_cli()
    assert code == 1
    assert (
        f"Rantai audit RUSAK pada entri #{21 - cut}: entri ini dan sesudahnya hilang dari "
        "akhir log."
    ) in output


def test_entry_inserted_at_the_end_is_named(chain):
    last = chain.last()
    forged = AuditEntry(
        seq=21,
        created_at=last.created_at,
        actor_label="system",
        action="test.forged",
        data={},
        prev_hash=last.hash,
    )
    forged.hash = _entry_hash(
        seq=21,
        created_at=last.created_at.isoformat(),
        actor_id=None,
        actor_label="system",
        action="test.forged",
        target_type="",
        target_id="",
        data={},
        prev_hash=last.hash,
    )
    forged.save()
    check = audit_verify()
    assert (check.ok, check.first_bad_seq, check.reason) == (False, 21, "head")


def test_entry_inserted_in_the_middle_is_named(chain):
    # make room at 10 by shifting later entries up, then put a forged entry there
    for entry in AuditEntry.objects.filter(seq__gte=10).order_by("-seq"):
        AuditEntry.objects.filter(pk=entry.pk).update(seq=entry.seq + 1)
    AuditEntry.objects.create(
        seq=10,
        created_at=chain.first().created_at,
        actor_label="system",
        action="test.forged",
        data={},
        prev_hash="f" * 64,
        hash="e" * 64,
    )
    check = audit_verify()
    assert (check.ok, check.first_bad_seq, check.reason) == (False, 10, "link")


def test_consistent_rewrite_passes_alone_but_not_against_a_checkpoint(chain, key, tmp_path):
    checkpoint = tmp_path / "cp.json"
    result = CliRunner().invoke(app, ["audit", "checkpoint", "--out", str(checkpoint)])
    assert result.exit_code == 0, result.output
    assert json.loads(checkpoint.read_text())["seq"] == 20
    assert verify_cli("--checkpoint", str(checkpoint)) == (
        0,
        "Rantai audit utuh: 20 entri diperiksa, tidak ada yang diubah. (cocok dengan titik "
        "periksa #20)\n",
    )

    AuditEntry.objects.filter(seq=5).update(data={"n": "ditulis ulang"})
    rehash_from(5)
    assert audit_verify().ok  # without an anchor the rewrite cannot be seen
    code, output = verify_cli("--checkpoint", str(checkpoint))
    assert code == 1
    assert (
        "Rantai audit RUSAK pada entri #20: isinya berbeda dari titik periksa yang "
        "ditandatangani (rantai ditulis ulang)."
    ) in output


def test_tail_cut_with_the_head_moved_is_caught_by_the_checkpoint(chain, key, tmp_path):
    checkpoint = tmp_path / "cp.json"
    assert CliRunner().invoke(app, ["audit", "checkpoint", "--out", str(checkpoint)]).exit_code == 0
    AuditEntry.objects.filter(seq__gt=15).delete()
    last = AuditEntry.objects.get(seq=15)
    ChainHead.objects.update(seq=15, hash=last.hash)
    assert audit_verify().ok
    code, output = verify_cli("--checkpoint", str(checkpoint))
    assert code == 1 and "entri #16: entri ini dan sesudahnya hilang dari akhir log." in output


def test_a_forged_or_foreign_checkpoint_is_refused(chain, key, tmp_path):
    checkpoint = tmp_path / "cp.json"
    assert CliRunner().invoke(app, ["audit", "checkpoint", "--out", str(checkpoint)]).exit_code == 0
    document = json.loads(checkpoint.read_text())
    document["seq"] = 3  # moved back to hide the tail
    checkpoint.write_text(json.dumps(document))
    code, output = verify_cli("--checkpoint", str(checkpoint))
    assert code == 1 and "Tanda tangan titik periksa tidak cocok dengan kunci audit" in output

    other = tmp_path / "other.pem"
    assert CliRunner().invoke(app, ["audit", "keygen", "--out", str(other)]).exit_code == 0
    assert CliRunner().invoke(app, ["audit", "checkpoint", "--out", str(checkpoint)]).exit_code == 0
    code, output = verify_cli("--checkpoint", str(checkpoint), "--public-key", str(other) + ".pub")
    assert code == 1 and "tidak cocok" in output


def test_keygen_refuses_to_overwrite_and_keeps_the_key_private(key):
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    result = CliRunner().invoke(app, ["audit", "keygen", "--out", str(key)])
    assert result.exit_code == 1 and "Kunci sudah ada, tidak ditimpa" in result.output


def test_no_checkpoint_of_a_broken_chain(chain, key):
    AuditEntry.objects.filter(seq=2).update(action="x")
    result = CliRunner().invoke(app, ["audit", "checkpoint"])
    assert result.exit_code == 1
    assert (
        "Rantai audit rusak pada entri #2 (content); titik periksa tidak dibuat." in result.output
    )


def test_periodic_checkpoint_task_writes_one_file_per_head(chain, key):
    from bijak.site.audit.tasks import audit_checkpoint_task

    first = audit_checkpoint_task.call()
    assert Path(first).name == "checkpoint-000000000020.json"
    assert audit_checkpoint_task.call() == ""  # head unchanged: nothing new
    audit_record(actor=None, action="test.entry")
    second = Path(audit_checkpoint_task.call())
    assert second.name == "checkpoint-000000000021.json"
    latest = json.loads((second.parent / "latest.json").read_text())
    assert latest["seq"] == 21
    assert verify_cli("--checkpoint", str(second))[0] == 0


def test_demo_makes_an_audit_key_under_var_once(tmp_path, settings, monkeypatch):
    from bijak.cli.demo import _demo_audit_key

    settings.VAR_DIR = tmp_path
    settings.BIJAK_AUDIT_KEY_FILE = ""
    monkeypatch.delenv("BIJAK_AUDIT_KEY_FILE", raising=False)
    _demo_audit_key()
    key = tmp_path / "audit-key.pem"
    assert settings.BIJAK_AUDIT_KEY_FILE == str(key)
    assert b"PRIVATE KEY" in key.read_bytes() and (tmp_path / "audit-key.pem.pub").exists()
    first = key.read_bytes()
    settings.BIJAK_AUDIT_KEY_FILE = ""
    _demo_audit_key()  # a second run keeps the key
    assert key.read_bytes() == first
    assert os.environ["BIJAK_AUDIT_KEY_FILE"] == str(key)


def test_an_empty_log_has_the_genesis_head_and_verifies():
    """Before any entry the head is entry 0 with the genesis hash (what a first checkpoint
    signs), and the first entry links to it."""
    from bijak.site.audit.services import ChainPoint, audit_head

    AuditEntry.objects.all().delete()
    ChainHead.objects.update(seq=0, hash=GENESIS)
    assert audit_head() == ChainPoint(0, GENESIS)
    check = audit_verify()
    assert check.ok and check.entries == 0
    first = audit_record(actor=None, action="test.entry")
    assert (first.seq, first.prev_hash) == (1, GENESIS)
    assert audit_head() == ChainPoint(1, first.hash)
