"""`bijak demo`: what `make demo` runs."""

from __future__ import annotations

import typer


def demo(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    no_serve: bool = typer.Option(
        False, "--no-serve", help="Siapkan data saja, tanpa menjalankan situs."
    ),
) -> None:
    """Siapkan basis data SQLite, kebijakan dan organisasi demo, lalu jalankan situs."""
    import os

    from bijak.cli.site import setup_django

    os.environ["BIJAK_DEMO"] = "true"  # the one place that turns the public demo key on
    setup_django()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    call_command("bijak_demo_setup", url=f"http://{host}:{port}")
    _demo_audit_key()
    if not no_serve:
        from bijak.cli.serve import serve

        serve(host=host, port=port)


def _demo_audit_key() -> None:
    """The demo signs audit checkpoints with a key under var/ (made once), unless
    BIJAK_AUDIT_KEY_FILE names one; the worker started by `serve` inherits it."""
    import os
    from pathlib import Path

    from django.conf import settings

    from bijak.site.audit.checkpoints import key_generate

    if settings.BIJAK_AUDIT_KEY_FILE:
        return
    path = Path(settings.VAR_DIR) / "audit-key.pem"
    if not path.exists():
        key_generate(path=path)
        typer.echo(f"bijak demo: kunci audit dibuat di {path}")
    settings.BIJAK_AUDIT_KEY_FILE = str(path)
    os.environ["BIJAK_AUDIT_KEY_FILE"] = str(path)
