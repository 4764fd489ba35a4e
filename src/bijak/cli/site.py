"""Helpers for commands that need the Django site, and `bijak manage ...`."""

from __future__ import annotations

import os

import typer


def setup_django() -> None:
    """Configure Django for a CLI command that touches the site's database.

    A bad setting (e.g. DEBUG=maybe) stops the command with one clear line and exit status 2.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bijak.site.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        typer.echo(f"bijak: pengaturan salah / bad setting: {exc}", err=True)
        raise typer.Exit(2) from None


def manage(ctx: typer.Context) -> None:
    """Jalankan perintah manage.py Django (mis. `bijak manage migrate`)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bijak.site.settings")
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bijak manage", *ctx.args])
