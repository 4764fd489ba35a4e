"""`bijak eval FILE.jsonl`."""

from __future__ import annotations

import typer


def eval_command(path: str = typer.Argument(..., help="JSONL file.")) -> None:
    """Evaluasi pipeline pada berkas JSONL (belum tersedia)."""
    typer.echo("bijak eval: not implemented yet", err=True)
    raise typer.Exit(2)
