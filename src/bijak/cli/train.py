"""`bijak train CONFIG`."""

from __future__ import annotations

import typer


def train(config: str = typer.Argument(..., help="Training config (YAML).")) -> None:
    """Latih model klasifikasi (belum tersedia)."""
    typer.echo("bijak train: not implemented yet", err=True)
    raise typer.Exit(2)
