"""`bijak policy ...` subcommands."""

from __future__ import annotations

import typer

app = typer.Typer(help="bijak policy", no_args_is_help=True)
