"""Evidence that outlives the database: `bijak campaign evidence` and `bijak campaign verify`.

The export directory holds
- `acknowledgements.jsonl`: one acknowledgement per line (who, unit, when, policy hash, hash of
  the exact text shown, quiz score and attempts, on whose behalf, stale or not);
- `policy.yaml`: the attested policy file, byte for byte; `attested-id.txt` and
  `attested-en.txt`: the exact texts shown, rebuilt from it;
- `manifest.json`: the SHA-256 of every file and of every line of the JSON Lines file, and the
  campaign; `manifest.sig`: its Ed25519 signature with the site's audit key (when one is set).

`evidence_verify` needs no database and no network: only the directory and, to check the
signature, the public key.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "bijak-dissemination-evidence/1"
RECORDS = "acknowledgements.jsonl"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def evidence_export(*, campaign: Any, out: Path, key_path: Path | None) -> dict[str, Any]:
    """Write the evidence of `campaign` into `out` (created; must be empty). Returns the manifest."""
    from django.conf import settings
    from django.utils import timezone

    from bijak.site.audit.checkpoints import private_key_load
    from bijak.site.dissemination.attest import attested_text, policy_of
    from bijak.site.dissemination.models import Acknowledgement

    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise FileExistsError(f"Folder tidak kosong / directory not empty: {out}")
    version = campaign.policy_version
    rows = (
        Acknowledgement.objects.filter(assignment__campaign=campaign)
        .order_by("pk")
        .values_list(
            "pk",
            "assignment_id",
            "assignment__employee_nip",
            "assignment__employee_name",
            "assignment__unit__code",
            "acknowledged_at",
            "policy_hash",
            "text_hash",
            "lang",
            "quiz_score",
            "quiz_attempts",
            "on_behalf",
            "recorded_by__username",
            "session_id",
            "stale_since",
        )
    )
    line_hashes: list[str] = []
    with (out / RECORDS).open("wb") as handle:
        for (
            pk,
            assignment_id,
            nip,
            name,
            unit,
            at,
            policy_hash,
            text_hash,
            lang,
            score,
            attempts,
            on_behalf,
            recorded_by,
            session,
            stale,
        ) in rows.iterator(chunk_size=5000):
            line = (
                json.dumps(
                    {
                        "id": pk,
                        "campaign": campaign.pk,
                        "assignment": assignment_id,
                        "nip": nip,
                        "name": name,
                        "unit": unit,
                        "acknowledged_at": at.isoformat(),
                        "policy_sha256": policy_hash,
                        "text_sha256": text_hash,
                        "lang": lang,
                        "quiz_score": score,
                        "quiz_attempts": attempts,
                        "on_behalf": on_behalf,
                        "recorded_by": recorded_by or "",
                        "session": session,
                        "stale_since": stale.isoformat() if stale else None,
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                    separators=(",", ":"),
                ).encode("utf-8")
                + b"\n"
            )
            handle.write(line)
            line_hashes.append(_sha(line))
    policy = policy_of(version)
    (out / "policy.yaml").write_bytes(
        version.source_text.encode("utf-8") if version.source_text else b""
    )
    texts = {lang: attested_text(policy, lang).encode("utf-8") for lang in ("id", "en")}
    for lang, data in texts.items():
        (out / f"attested-{lang}.txt").write_bytes(data)
    files = {}
    for name in (RECORDS, "policy.yaml", "attested-id.txt", "attested-en.txt"):
        data = (out / name).read_bytes()
        files[name] = {"sha256": _sha(data), "bytes": len(data)}
    manifest = {
        "format": FORMAT,
        "site": settings.SITE_ROOT,
        "created_at": timezone.now().isoformat(),
        "campaign": {
            "id": campaign.pk,
            "title": campaign.title,
            "start": campaign.start_date.isoformat(),
            "due": campaign.due_date.isoformat(),
            "units": sorted(u.code for u in campaign.units.all()),
        },
        "policy": {
            "id": version.policy_id,
            "version": version.version,
            "sha256": version.content_hash,
        },
        "attested_text_sha256": {lang: _sha(data) for lang, data in texts.items()},
        "files": files,
        "records": len(line_hashes),
        "line_sha256": line_hashes,
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    (out / "manifest.json").write_bytes(body)
    if key_path is not None:
        signature = private_key_load(key_path).sign(body)
        (out / "manifest.sig").write_bytes(base64.b64encode(signature) + b"\n")
    return manifest


def _public_key(path: Path) -> Any:
    """An Ed25519 public key from a PEM file (public, or private to derive it); no Django."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    data = path.read_bytes()
    if b"PRIVATE KEY" in data:
        key = serialization.load_pem_private_key(data, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("not an Ed25519 key")
        return key.public_key()
    return serialization.load_pem_public_key(data)


@dataclass
class Verdict:
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    signature: str = "unchecked"  # "valid", "invalid", "missing", "unchecked"
    records: int = 0

    def fail(self, message: str) -> None:
        self.ok = False
        self.problems.append(message)


def signed_manifest_read(
    *, directory: Path, fmt: str, public_key_path: Path | None, verdict: Verdict
) -> dict[str, Any] | None:
    """`manifest.json` of an exported folder, its format checked and, with a public key, its
    Ed25519 signature (`manifest.sig`); problems go to `verdict`. None when unusable. Shared by
    the dissemination evidence and the case file exports."""
    try:
        body = (directory / "manifest.json").read_bytes()
        manifest: dict[str, Any] = json.loads(body)
    except (OSError, ValueError) as exc:
        verdict.fail(f"manifest.json tidak terbaca / unreadable: {exc}")
        return None
    if manifest.get("format") != fmt:
        verdict.fail(f"format tidak dikenal / unknown format: {manifest.get('format')!r}")
        return None
    if public_key_path is not None:
        from cryptography.exceptions import InvalidSignature

        sig_path = directory / "manifest.sig"
        if not sig_path.exists():
            verdict.signature = "missing"
            verdict.fail("manifest.sig tidak ada / signature missing")
        else:
            try:
                _public_key(public_key_path).verify(base64.b64decode(sig_path.read_bytes()), body)
                verdict.signature = "valid"
            except (InvalidSignature, ValueError, TypeError, AttributeError, OSError):
                verdict.signature = "invalid"
                verdict.fail("tanda tangan manifest tidak sah / manifest signature invalid")
    return manifest


def evidence_verify(*, directory: Path, public_key_path: Path | None = None) -> Verdict:
    """Check an evidence directory offline; every problem is named (file, line)."""
    verdict = Verdict()
    manifest = signed_manifest_read(
        directory=directory, fmt=FORMAT, public_key_path=public_key_path, verdict=verdict
    )
    if manifest is None:
        return verdict
    for name, expected in manifest.get("files", {}).items():
        path = directory / name
        if not path.exists():
            verdict.fail(f"{name}: berkas hilang / file missing")
            continue
        if _sha(path.read_bytes()) != expected["sha256"]:
            verdict.fail(f"{name}: SHA-256 berbeda / SHA-256 differs")
    records = directory / RECORDS
    if records.exists():
        lines = records.read_bytes().splitlines(keepends=True)
        verdict.records = len(lines)
        actual = [_sha(line) for line in lines]
        expected_lines = list(manifest.get("line_sha256", []))
        matcher = difflib.SequenceMatcher(a=expected_lines, b=actual, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and a2 - a1 == b2 - b1:
                for k in range(b2 - b1):
                    verdict.fail(f"{RECORDS} baris / line {b1 + k + 1}: diubah / edited")
                continue
            if op in ("delete", "replace"):
                for k in range(a1, a2):
                    verdict.fail(
                        f"{RECORDS} baris / line {k + 1} (asli / original): dihapus / removed"
                    )
            if op in ("insert", "replace"):
                for k in range(b1, b2):
                    verdict.fail(f"{RECORDS} baris / line {k + 1}: ditambahkan / added")
    policy = directory / "policy.yaml"
    if policy.exists() and _sha(policy.read_bytes()) != manifest.get("policy", {}).get("sha256"):
        verdict.fail(
            "policy.yaml: bukan berkas kebijakan yang dinyatakan / not the attested policy file"
        )
    for lang, digest in manifest.get("attested_text_sha256", {}).items():
        text = directory / f"attested-{lang}.txt"
        if text.exists() and _sha(text.read_bytes()) != digest:
            verdict.fail(f"attested-{lang}.txt: SHA-256 berbeda / SHA-256 differs")
    return verdict
