"""`bijak check`: analyse a draft post from an argument, a file or stdin."""

from __future__ import annotations

import typer


def check(text: str = typer.Argument(None, help="Teks yang dicek.")) -> None:
    """Cek sebuah draf unggahan (belum tersedia)."""
    typer.echo("bijak check: not implemented yet", err=True)
    raise typer.Exit(2)
