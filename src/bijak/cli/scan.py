"""`bijak scan INPUT... --out OUT`: scan many posts (JSONL, CSV, Parquet) into compact rows.

Runs in this process, in local worker processes (``--workers N``) or on a Dask cluster
(``--scheduler tcp://HOST:PORT`` or ``--dask-local N``); resumable: the same command run again
after a crash or a kill finishes the unfinished partitions only. See ``bijak.batch.runner``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from bijak.batch.inputs import InputError, Plan
from bijak.batch.output import OutputError


def _fail(message: str) -> typer.Exit:
    typer.echo(f"Galat: {message}", err=True)
    return typer.Exit(2)


def scan(
    inputs: Annotated[
        list[str], typer.Argument(help="Berkas, folder atau pola glob (JSONL, CSV, Parquet).")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder keluaran (satu berkas per partisi).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", help="Format keluaran: parquet atau jsonl.")
    ] = "parquet",
    text_column: Annotated[
        str, typer.Option("--text-column", help="Kolom teks unggahan.")
    ] = "text",
    id_column: Annotated[
        str, typer.Option("--id-column", help="Kolom id (tanpa kolom ini: berkas:baris).")
    ] = "id",
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="Paksa format masukan: jsonl, csv atau parquet."),
    ] = None,
    partition_rows: Annotated[
        int, typer.Option("--partition-rows", min=1, help="Paling banyak baris per partisi.")
    ] = 20_000,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Jumlah proses pekerja lokal.")
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Alamat penjadwal Dask, mis. tcp://10.0.0.5:8786."),
    ] = None,
    dask_local: Annotated[
        int,
        typer.Option("--dask-local", min=0, help="Jalankan Dask LocalCluster dengan N pekerja."),
    ] = 0,
    policy_file: Annotated[
        Path | None,
        typer.Option("--policy", help="Berkas kebijakan YAML (bawaan: surat edaran Kemenkes)."),
    ] = None,
    show_progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Bilah kemajuan.")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Ringkasan sebagai JSON.")] = False,
) -> None:
    """Pindai banyak unggahan sekaligus; dapat dilanjutkan setelah terhenti."""
    from bijak.batch.runner import run_scan

    if input_format is not None and input_format not in ("jsonl", "csv", "parquet"):
        raise _fail(f"format masukan tidak dikenal: {input_format}")
    if scheduler and dask_local:
        raise _fail("pilih salah satu: --scheduler atau --dask-local")
    policy = None
    if policy_file is not None:
        from bijak.policy import load_policy
        from bijak.policy.validate import PolicyError

        try:
            policy = load_policy(policy_file)
        except (OSError, PolicyError) as exc:
            raise _fail(f"kebijakan tidak dapat dimuat: {exc}") from exc

    state: dict[str, Any] = {}

    def on_plan(plan: Plan, todo_rows: int) -> None:
        if show_progress:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            bar = Progress(
                TextColumn("[bold]bijak scan[/bold]"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("unggahan · {task.fields[rate]} /dtk · sisa"),
                TimeRemainingColumn(),
                transient=False,
            )
            bar.start()
            state["bar"] = bar
            state["task"] = bar.add_task("scan", total=max(todo_rows, 1), rate="—")
            state["t0"] = time.perf_counter()
            state["done"] = 0

    def on_progress(rows: int, rejects: int) -> None:
        bar = state.get("bar")
        if bar is None:
            return
        state["done"] += rows + rejects
        rate = state["done"] / max(time.perf_counter() - state["t0"], 1e-9)
        bar.update(state["task"], completed=state["done"], rate=f"{rate:,.0f}")

    try:
        summary = run_scan(
            inputs,
            out,
            policy=policy,
            fmt=fmt,
            text_column=text_column,
            id_column=id_column or None,
            input_format=input_format,
            partition_rows=partition_rows,
            workers=workers,
            scheduler=scheduler,
            dask_local=dask_local,
            progress=on_progress,
            on_plan=on_plan,
        )
    except (InputError, OutputError) as exc:
        raise _fail(str(exc)) from exc
    finally:
        if "bar" in state:
            state["bar"].stop()
    data = summary.to_dict()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    verdicts = ", ".join(f"{k} {v:,}" for k, v in data["verdicts"].items()) or "—"
    typer.echo(
        f"Selesai: {data['rows']:,} unggahan dipindai dalam {data['seconds']:.1f} dtk "
        f"({data['posts_per_s']:,.0f} /dtk, {data['runner']}, {data['workers']} pekerja); "
        f"{data['partitions_skipped']} dari {data['partitions']} partisi sudah selesai sebelumnya."
    )
    if data["resumed"]:
        typer.echo(f"Seluruh keluaran: {data['total_rows']:,} baris.")
    typer.echo(f"Putusan: {verdicts}.")
    typer.echo(f"Ditolak: {data['rejects']:,} baris (lihat {out / 'rejects'}).")
    if data["worker_peak_rss_mib"]:
        peak = max(data["worker_peak_rss_mib"].values())
        typer.echo(f"Memori puncak per pekerja: {peak:,.1f} MiB.")
