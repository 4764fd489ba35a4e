"""Helpers for commands that need the Django site, and `bijak manage ...`."""

from __future__ import annotations

import os

import typer


def setup_django() -> None:
    """Configure Django for a CLI command that touches the site's database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bijak.site.settings")
    import django

    django.setup()


def manage(ctx: typer.Context) -> None:
    """Jalankan perintah manage.py Django (mis. `bijak manage migrate`)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bijak.site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["bijak manage", *ctx.args])
