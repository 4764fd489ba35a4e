"""`bijak benchmark ...` subcommands."""

from __future__ import annotations

import typer

app = typer.Typer(help="bijak benchmark", no_args_is_help=True)
