"""Signed checkpoints of the audit chain (Ed25519, `cryptography`).

A checkpoint is a small JSON file that says "entry #seq of this site's audit log had hash H",
signed with the site's audit key. The key lives in a file named by `BIJAK_AUDIT_KEY_FILE`,
never in the database: someone who can rewrite the database (and recompute every hash) cannot
make a checkpoint agree with the rewritten chain, nor hide a cut tail. Keep copies of the
checkpoints away from the database server.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.utils import timezone

from bijak.site.audit.services import ChainPoint, audit_head, audit_verify

FORMAT = "bijak-audit-checkpoint/1"


class CheckpointError(Exception):
    """A key or checkpoint that cannot be used; the message says why (Indonesian)."""


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    created_at: str
    site: str

    def point(self) -> ChainPoint:
        return ChainPoint(self.seq, self.hash)


def key_generate(*, path: Path) -> Path:
    """Write a new private key (PEM, readable by the owner only) to `path` and its public key
    to `path` + ".pub"; refuse to overwrite a key. Returns the public key's path."""
    if path.exists():
        raise CheckpointError(f"Kunci sudah ada, tidak ditimpa: {path}")
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    public = path.with_name(path.name + ".pub")
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return public


def key_path_from_settings() -> Path:
    name = getattr(settings, "BIJAK_AUDIT_KEY_FILE", "")
    if not name:
        raise CheckpointError(
            "BIJAK_AUDIT_KEY_FILE belum diatur (buat kunci dengan `bijak audit keygen`)."
        )
    return Path(name)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CheckpointError(f"Berkas tidak dapat dibaca: {path}: {exc.strerror}") from None


def private_key_load(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(_read(path), password=None)
    except ValueError:
        raise CheckpointError(f"Bukan kunci privat PEM: {path}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CheckpointError(f"Bukan kunci Ed25519: {path}")
    return key


def public_key_load(path: Path) -> Ed25519PublicKey:
    """The public key in `path`: a public key PEM, or derived from a private key PEM."""
    data = _read(path)
    if b"PRIVATE KEY" in data:
        return private_key_load(path).public_key()
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise CheckpointError(f"Bukan kunci publik PEM: {path}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise CheckpointError(f"Bukan kunci Ed25519: {path}")
    return key


def _payload(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def checkpoint_create(*, key_path: Path) -> dict[str, Any]:
    """Sign the head of a verified chain; returns the checkpoint document. Refuses a chain that
    does not verify (signing it would vouch for the tampering)."""
    key = private_key_load(key_path)
    check = audit_verify()
    if not check.ok:
        raise CheckpointError(
            f"Rantai audit rusak pada entri #{check.first_bad_seq} "
            f"({check.reason}); titik periksa tidak dibuat."
        )
    head = audit_head()
    fields = {
        "format": FORMAT,
        "seq": head.seq,
        "hash": head.hash,
        "created_at": timezone.now().replace(microsecond=0).isoformat(),
        "site": settings.SITE_NAME,
    }
    signature = key.sign(_payload(fields))
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return {
        **fields,
        "signature": base64.b64encode(signature).decode(),
        "public_key": base64.b64encode(public).decode(),
    }


def checkpoint_write(*, document: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def checkpoint_read(*, path: Path, public_key: Ed25519PublicKey) -> Checkpoint:
    """A checkpoint file whose signature was made by `public_key`'s private key."""
    try:
        document = json.loads(_read(path).decode("utf-8"))
        fields = {k: document[k] for k in ("format", "seq", "hash", "created_at", "site")}
        signature = base64.b64decode(document["signature"], validate=True)
    except (ValueError, KeyError, TypeError):
        raise CheckpointError(f"Berkas titik periksa tidak sah: {path}") from None
    if fields["format"] != FORMAT or not isinstance(fields["seq"], int):
        raise CheckpointError(f"Berkas titik periksa tidak sah: {path}")
    try:
        public_key.verify(signature, _payload(fields))
    except InvalidSignature:
        raise CheckpointError(
            f"Tanda tangan titik periksa tidak cocok dengan kunci audit: {path}"
        ) from None
    return Checkpoint(
        seq=fields["seq"],
        hash=str(fields["hash"]),
        created_at=str(fields["created_at"]),
        site=str(fields["site"]),
    )


def checkpoint_periodic() -> Path | None:
    """Write a checkpoint of the current head into BIJAK_AUDIT_CHECKPOINT_DIR (one file per
    head, plus `latest.json`), when a key is configured and the head moved. Returns the file
    written, or None."""
    if not getattr(settings, "BIJAK_AUDIT_KEY_FILE", ""):
        return None
    directory = Path(settings.BIJAK_AUDIT_CHECKPOINT_DIR)
    head = audit_head()
    path = directory / f"checkpoint-{head.seq:012d}.json"
    if path.exists():
        return None
    document = checkpoint_create(key_path=key_path_from_settings())
    path = directory / f"checkpoint-{document['seq']:012d}.json"
    checkpoint_write(document=document, path=path)
    checkpoint_write(document=document, path=directory / "latest.json")
    return path
