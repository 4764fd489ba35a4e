"""`bijak serve`: the site and its background worker."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Alamat yang didengar."),
    port: int = typer.Option(8000, "--port", help="Port yang didengar."),
) -> None:
    """Jalankan situs bijak beserta worker latar belakang."""
    from bijak.cli.site import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("runserver", f"{host}:{port}", "--noreload")
