"""The case file for an inspector: `bijak case export CASE --out DIR` and `bijak case verify DIR`.

Same approach as the dissemination evidence (`bijak campaign evidence`): a manifest with the
SHA-256 of every file (and of every line of the JSON Lines files), signed with the site's audit
key (Ed25519). The directory holds

- `case.json`: the case (number, employee, clauses, procedure id/version/SHA-256, state);
- `events.jsonl`: one event per line (open, every step, responses, escalations);
- `documents/`: every generated PDF; `evidence/`: every evidence and response file;
- `audit.jsonl`: the audit entries about the case (each with its chain hash);
- `checkpoint.json`: the latest signed checkpoint of the audit chain (when one exists);
- `procedure.yaml`: the procedure file the case ran under;
- `manifest.json` and `manifest.sig`.

`case_verify` needs no database: it names an edited event line, a replaced document, a removed
evidence file, an audit entry whose hash does not match its content, a bad signature.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from bijak.site.dissemination.evidence import Verdict, _public_key, signed_manifest_read

FORMAT = "bijak-case-file/1"
JSONL = ("events.jsonl", "audit.jsonl")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _line(obj: Any) -> bytes:
    return (
        json.dumps(
            obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
        ).encode("utf-8")
        + b"\n"
    )


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "file"


def case_export(*, case: Any, out: Path, key_path: Path | None) -> dict[str, Any]:
    """Write the case file of `case` into `out` (created; must be empty). Returns the manifest."""
    from django.conf import settings
    from django.utils import timezone

    from bijak.site.audit.checkpoints import private_key_load
    from bijak.site.audit.models import AuditEntry
    from bijak.site.cases.procedure import SHIPPED

    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise FileExistsError(f"Folder tidak kosong / directory not empty: {out}")
    (out / "documents").mkdir()
    (out / "evidence").mkdir()
    emp = case.employee
    (out / "case.json").write_bytes(
        json.dumps(
            {
                "number": case.number,
                "employee": {"nip": emp.nip, "name": emp.name, "unit": emp.unit.code},
                "clauses": case.clauses,
                "summary": case.summary,
                "source": case.source,
                "source_ref": case.source_ref,
                "state": case.state,
                "outcome": case.outcome,
                "penalty": case.penalty,
                "opened_at": case.opened_at.isoformat(),
                "procedure": {
                    "id": case.procedure_id,
                    "version": case.procedure_version,
                    "sha256": case.procedure_sha256,
                },
            },
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        ).encode("utf-8")
    )
    lines: dict[str, list[str]] = {name: [] for name in JSONL}
    with (out / "events.jsonl").open("wb") as handle:
        for e in case.events.select_related("actor").order_by("seq"):
            line = _line(
                {
                    "seq": e.seq,
                    "kind": e.kind,
                    "from": e.from_state,
                    "to": e.to_state,
                    "actor": e.actor.username if e.actor else "system",
                    "at": e.at.isoformat(),
                    "data": e.data,
                    "audit_seq": e.audit_seq,
                }
            )
            handle.write(line)
            lines["events.jsonl"].append(_sha(line))
    with (out / "audit.jsonl").open("wb") as handle:
        for a in AuditEntry.objects.filter(target_type="case", target_id=str(case.pk)).order_by(
            "seq"
        ):
            line = _line(
                {
                    "seq": a.seq,
                    "created_at": a.created_at.isoformat(),
                    "actor_id": a.actor_id,
                    "actor_label": a.actor_label,
                    "action": a.action,
                    "target_type": a.target_type,
                    "target_id": a.target_id,
                    "data": a.data,
                    "prev_hash": a.prev_hash,
                    "hash": a.hash,
                }
            )
            handle.write(line)
            lines["audit.jsonl"].append(_sha(line))
    documents = {}
    for doc in case.documents.order_by("pk"):
        name = f"documents/{_safe(doc.number)}.pdf"
        (out / name).write_bytes(bytes(doc.pdf))
        documents[name] = {"number": doc.number, "kind": doc.kind, "sha256": doc.sha256}
    for f in case.files.order_by("pk"):
        (out / f"evidence/{f.pk}-{_safe(f.name)}").write_bytes(bytes(f.data))
    if case.procedure_sha256 == _sha(SHIPPED.read_bytes()):
        (out / "procedure.yaml").write_bytes(SHIPPED.read_bytes())
    checkpoint = _checkpoint(key_path, Path(getattr(settings, "BIJAK_AUDIT_CHECKPOINT_DIR", "")))
    if checkpoint is not None:
        (out / "checkpoint.json").write_bytes(checkpoint)
    files = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = path.read_bytes()
        files[path.relative_to(out).as_posix()] = {"sha256": _sha(data), "bytes": len(data)}
    manifest = {
        "format": FORMAT,
        "site": settings.SITE_ROOT,
        "created_at": timezone.now().isoformat(),
        "case": case.number,
        "files": files,
        "documents": documents,
        "line_sha256": lines,
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    (out / "manifest.json").write_bytes(body)
    if key_path is not None:
        signature = private_key_load(key_path).sign(body)
        (out / "manifest.sig").write_bytes(base64.b64encode(signature) + b"\n")
    return manifest


def _checkpoint(key_path: Path | None, directory: Path) -> bytes | None:
    """A signed checkpoint covering the case's entries: a fresh one when the key is at hand,
    else the newest one written by `bijak audit checkpoint` or the periodic task."""
    from bijak.site.audit.checkpoints import checkpoint_create

    if key_path is not None:
        document = checkpoint_create(key_path=key_path)
        return (json.dumps(document, indent=1, sort_keys=True) + "\n").encode("utf-8")
    found = sorted(directory.glob("checkpoint-*.json")) if directory.is_dir() else []
    return found[-1].read_bytes() if found else None


def _checkpoint_problems(
    directory: Path, public_key_path: Path | None, audit_lines: list[bytes]
) -> list[str]:
    path = directory / "checkpoint.json"
    if not path.is_file():
        return []
    try:
        document = json.loads(path.read_bytes())
        fields = {k: document[k] for k in ("format", "seq", "hash", "created_at", "site")}
        signature = base64.b64decode(document["signature"], validate=True)
    except (ValueError, KeyError, TypeError):
        return ["checkpoint.json: tidak sah / invalid"]
    problems = []
    if public_key_path is not None:
        from cryptography.exceptions import InvalidSignature

        payload = json.dumps(
            fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode()
        try:
            _public_key(public_key_path).verify(signature, payload)
        except (InvalidSignature, ValueError, TypeError, AttributeError, OSError):
            problems.append("checkpoint.json: tanda tangan tidak sah / signature invalid")
    for number, line in enumerate(audit_lines, start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("seq") == fields["seq"] and entry.get("hash") != fields["hash"]:
            problems.append(
                f"audit.jsonl baris / line {number}: berbeda dengan titik periksa / "
                "differs from the checkpoint"
            )
    return problems


def _entry_hash_ok(entry: dict[str, Any]) -> bool:
    from bijak.site.audit.services import _entry_hash

    expected: str = entry["hash"]
    return (
        _entry_hash(
            seq=entry["seq"],
            created_at=entry["created_at"],
            actor_id=entry["actor_id"],
            actor_label=entry["actor_label"],
            action=entry["action"],
            target_type=entry["target_type"],
            target_id=entry["target_id"],
            data=entry["data"],
            prev_hash=entry["prev_hash"],
        )
        == expected
    )


def case_verify(*, directory: Path, public_key_path: Path | None = None) -> Verdict:
    """Check a case file offline; every problem is named (file, line)."""
    verdict = Verdict()
    manifest = signed_manifest_read(
        directory=directory, fmt=FORMAT, public_key_path=public_key_path, verdict=verdict
    )
    if manifest is None:
        return verdict
    listed = set(manifest.get("files", {}))
    for name, expected in sorted(manifest.get("files", {}).items()):
        path = directory / name
        if not path.is_file():
            verdict.fail(f"{name}: berkas hilang / file removed")
        elif name in JSONL:
            continue  # checked line by line below
        elif _sha(path.read_bytes()) != expected["sha256"]:
            what = (
                "dokumen diganti / document replaced"
                if name.startswith("documents/")
                else "SHA-256 berbeda / SHA-256 differs"
            )
            verdict.fail(f"{name}: {what}")
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        rel = path.relative_to(directory).as_posix()
        if rel not in listed and rel not in ("manifest.json", "manifest.sig"):
            verdict.fail(f"{rel}: berkas tambahan / file added")
    for name in JSONL:
        path = directory / name
        if not path.is_file():
            continue
        raw = path.read_bytes().splitlines(keepends=True)
        if name == "events.jsonl":
            verdict.records = len(raw)
        actual = [_sha(line) for line in raw]
        expected_lines = list(manifest.get("line_sha256", {}).get(name, []))
        matcher = difflib.SequenceMatcher(a=expected_lines, b=actual, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and a2 - a1 == b2 - b1:
                for k in range(b2 - b1):
                    verdict.fail(f"{name} baris / line {b1 + k + 1}: diubah / edited")
                continue
            if op in ("delete", "replace"):
                for k in range(a1, a2):
                    verdict.fail(
                        f"{name} baris / line {k + 1} (asli / original): dihapus / removed"
                    )
            if op in ("insert", "replace"):
                for k in range(b1, b2):
                    verdict.fail(f"{name} baris / line {k + 1}: ditambahkan / added")
        if name == "audit.jsonl":
            for number, line in enumerate(raw, start=1):
                try:
                    ok = _entry_hash_ok(json.loads(line))
                except (ValueError, KeyError, TypeError):
                    ok = False
                if not ok:
                    verdict.fail(
                        f"audit.jsonl baris / line {number}: hash entri audit tidak "
                        "cocok / audit entry hash mismatch"
                    )
            for problem in _checkpoint_problems(directory, public_key_path, raw):
                verdict.fail(problem)
    return verdict
