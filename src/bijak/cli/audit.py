"""`bijak audit ...`: verify the audit chain, sign checkpoints of it, make the signing key.

Thin wrappers over `bijak.site.audit` (the management command `bijak_audit_verify` stays for
Django users).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Log audit: periksa rantai, titik periksa bertanda tangan, kunci.", no_args_is_help=True
)


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(code)


@app.command("keygen")
def keygen(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Berkas kunci privat (bawaan: BIJAK_AUDIT_KEY_FILE, atau var/audit-key.pem).",
        ),
    ] = None,
) -> None:
    """Buat kunci Ed25519 untuk menandatangani titik periksa audit."""
    from bijak.cli.site import setup_django

    setup_django()
    from django.conf import settings

    from bijak.site.audit.checkpoints import CheckpointError, key_generate

    path = out or Path(settings.BIJAK_AUDIT_KEY_FILE or Path(settings.VAR_DIR) / "audit-key.pem")
    try:
        public = key_generate(path=path)
    except CheckpointError as exc:
        raise _fail(str(exc)) from None
    typer.echo(
        f"Kunci privat: {path} (simpan di luar server basis data; atur BIJAK_AUDIT_KEY_FILE={path})"
    )
    typer.echo(f"Kunci publik: {public}")


@app.command("checkpoint")
def checkpoint(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Tulis ke berkas ini (bawaan: BIJAK_AUDIT_CHECKPOINT_DIR/checkpoint-<seq>.json).",
        ),
    ] = None,
) -> None:
    """Tandatangani kepala rantai audit (nomor dan hash entri terakhir) dengan kunci audit."""
    from bijak.cli.site import setup_django

    setup_django()
    from django.conf import settings

    from bijak.site.audit.checkpoints import (
        CheckpointError,
        checkpoint_create,
        checkpoint_write,
        key_path_from_settings,
    )

    try:
        document = checkpoint_create(key_path=key_path_from_settings())
    except CheckpointError as exc:
        raise _fail(str(exc)) from None
    path = (
        out or Path(settings.BIJAK_AUDIT_CHECKPOINT_DIR) / f"checkpoint-{document['seq']:012d}.json"
    )
    checkpoint_write(document=document, path=path)
    typer.echo(f"Titik periksa entri #{document['seq']} ({document['hash'][:16]}…): {path}")


@app.command("verify")
def verify(
    checkpoint_file: Annotated[
        Path | None,
        typer.Option(
            "--checkpoint", help="Titik periksa bertanda tangan yang harus cocok dengan rantai."
        ),
    ] = None,
    public_key: Annotated[
        Path | None,
        typer.Option(
            "--public-key", help="Kunci publik audit (bawaan: dari BIJAK_AUDIT_KEY_FILE)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Hasil sebagai JSON.")] = False,
) -> None:
    """Periksa rantai hash log audit; status keluar 1 dan nomor entri rusak pertama bila rusak."""
    from bijak.cli.site import setup_django

    setup_django()
    from bijak.site.audit.checkpoints import (
        CheckpointError,
        checkpoint_read,
        key_path_from_settings,
        public_key_load,
    )
    from bijak.site.audit.services import audit_verify
    from bijak.site.audit.views import chain_message

    point = None
    if checkpoint_file is not None:
        try:
            key = public_key_load(public_key or key_path_from_settings())
            point = checkpoint_read(path=checkpoint_file, public_key=key).point()
        except CheckpointError as exc:
            raise _fail(str(exc)) from None
    check = audit_verify(checkpoint=point)
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "ok": check.ok,
                    "entries": check.entries,
                    "first_bad_seq": check.first_bad_seq,
                    "reason": check.reason,
                    "checkpoint_seq": point.seq if point else None,
                }
            )
        )
    elif check.ok:
        typer.echo(
            chain_message(check) + (f" (cocok dengan titik periksa #{point.seq})" if point else "")
        )
    else:
        typer.echo(chain_message(check), err=True)
    if not check.ok:
        raise typer.Exit(1)
