"""`bijak train CONFIG`: reproducible training of the shipped classifier."""

from __future__ import annotations

import json
from pathlib import Path

import typer

DATASETS_OPT = typer.Option(
    None,
    "--datasets",
    help="Folder ../shared/datasets (default: $BIJAK_DATASETS or ../shared/datasets).",
)
OUTPUT_OPT = typer.Option(
    None, "--output", help="Artifact path without suffix (default: the config's output)."
)


def train(
    config: str = typer.Argument(..., help="Training config (YAML), e.g. configs/model-v1.yaml."),
    datasets: Path | None = DATASETS_OPT,
    output: Path | None = OUTPUT_OPT,
) -> None:
    """Latih model klasifikasi dari konfigurasi; tulis artefak (hanya angka) dan metriknya."""
    from bijak.ml.train import train_from_config

    try:
        result = train_from_config(
            config, datasets=datasets, output=output, log=lambda m: typer.echo(m, err=True)
        )
    except (OSError, ValueError, KeyError) as exc:
        typer.echo(f"bijak train: {exc}", err=True)
        raise typer.Exit(2) from None
    summary = {k: v for k, v in result.items() if k not in ("in_domain",)}
    typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))
