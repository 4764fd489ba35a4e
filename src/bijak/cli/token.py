"""`bijak token ...` subcommands."""

from __future__ import annotations

import typer

app = typer.Typer(help="bijak token", no_args_is_help=True)
