"""What `bijak campaign verify` and `bijak case verify` print about a signed file set."""

from __future__ import annotations

from typing import Any

import typer


def echo_verdict_and_exit(verdict: Any, *, counted: str) -> None:
    """Each problem on its own line, then `<counted>=N signature=... OK|RUSAK / BROKEN`; exit
    status 0 when the set is intact, 1 otherwise."""
    for problem in verdict.problems:
        typer.echo(problem)
    typer.echo(
        f"{counted}={verdict.records} signature={verdict.signature} "
        + ("OK" if verdict.ok else "RUSAK / BROKEN")
    )
    raise typer.Exit(0 if verdict.ok else 1)
