"""`bijak demo`: what `make demo` runs."""

from __future__ import annotations

import typer


def demo(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    no_serve: bool = typer.Option(False, "--no-serve", help="Siapkan data saja, tanpa menjalankan situs."),
) -> None:
    """Siapkan basis data SQLite, kebijakan dan organisasi demo, lalu jalankan situs."""
    import os

    from bijak.cli.site import setup_django

    os.environ["BIJAK_DEMO"] = "true"  # the one place that turns the public demo key on
    setup_django()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    call_command("bijak_demo_setup", url=f"http://{host}:{port}")
    if not no_serve:
        from bijak.cli.serve import serve

        serve(host=host, port=port)
