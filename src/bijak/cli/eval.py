"""`bijak eval FILE.jsonl`: the full pipeline scored against labelled lines."""

from __future__ import annotations

import json

import typer


def eval_command(
    path: str = typer.Argument(
        ..., help='JSONL: {"text", "labels": {kategori: 0|1}, "source"} per baris.'
    ),
    as_json: bool = typer.Option(False, "--json", help="Cetak hasil sebagai JSON."),
    level: str = typer.Option(
        "verdict",
        "--level",
        help=(
            "verdict: positif bila putusan kategori bukan 'aman' (yang dilihat pengguna); "
            "finding: positif bila ada temuan dengan skor >= ambang tinjau."
        ),
    ),
) -> None:
    """Ukur pipeline penuh (normalisasi, recognizer, model, kebijakan) pada berkas JSONL berlabel."""
    from bijak.ml.evaluate import LEVELS, EvalInputError, evaluate_file, format_table

    if level not in LEVELS:
        typer.echo(
            f"bijak eval: --level harus salah satu dari {', '.join(LEVELS)}, bukan {level!r}",
            err=True,
        )
        raise typer.Exit(2)
    try:
        result = evaluate_file(path, level=level)
    except EvalInputError as exc:
        typer.echo(f"bijak eval: {path}: {exc}", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo(f"bijak eval: tidak dapat membaca {path}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_table(result))
