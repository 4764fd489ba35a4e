"""`bijak benchmark ...`: each benchmark prints its figures and writes them as JSON.

A benchmark is a function ``run(**options) -> dict`` in the module that owns the measured part;
this file only wires it to the command line, stamps the date and machine, and writes
``benchmarks/results/<name>.json``.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import typer

app = typer.Typer(help="Ukur kecepatan dan akurasi (benchmark).", no_args_is_help=True)

RESULTS_DIR = Path(os.environ.get("BIJAK_RESULTS_DIR", "benchmarks/results"))
DATASETS_DIR = Path(os.environ.get("BIJAK_DATASETS", "../shared/datasets"))


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            mem_gib = round(int(fh.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": mem_gib,
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def _emit(name: str, results: dict[str, Any], as_json: bool, results_dir: Path) -> None:
    payload = {
        "benchmark": name,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "results": results,
    }
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"{name}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        typer.echo(f"== bijak benchmark {name} ({payload['date']}, {payload['machine']['cpu']}) ==")
        for key, value in results.items():
            if isinstance(value, (dict, list)):
                typer.echo(f"{key}: {json.dumps(value, ensure_ascii=False)}")
            else:
                typer.echo(f"{key}: {value}")
        typer.echo(f"(ditulis ke {path})")


def _run(name: str, target: str, as_json: bool, results_dir: Path, **options: Any) -> None:
    module_name, func_name = target.split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    results = func(**options)
    _emit(name, results, as_json, results_dir)


JSON_OPT = typer.Option(False, "--json", help="Cetak hasil sebagai JSON.")
OUT_OPT = typer.Option(RESULTS_DIR, "--results-dir", help="Folder hasil JSON.")
DATA_OPT = typer.Option(DATASETS_DIR, "--datasets", help="Folder ../shared/datasets.")


@app.command("accuracy")
def accuracy(
    as_json: bool = JSON_OPT, results_dir: Path = OUT_OPT, datasets: Path = DATA_OPT
) -> None:
    """Akurasi: protokol HS 5-fold, tabel per kategori (in-domain dan lintas platform), alarm palsu."""
    _run("accuracy", "bijak.ml.benchmarks:run_accuracy", as_json, results_dir, datasets=datasets)


@app.command("speed")
def speed(as_json: bool = JSON_OPT, results_dir: Path = OUT_OPT, datasets: Path = DATA_OPT) -> None:
    """Kecepatan pipeline penuh dibanding TF-IDF + LinearSVC, satu core, memori puncak."""
    _run("speed", "bijak.ml.benchmarks:run_speed", as_json, results_dir, datasets=datasets)


@app.command("lexicon")
def lexicon(
    as_json: bool = JSON_OPT, results_dir: Path = OUT_OPT, datasets: Path = DATA_OPT
) -> None:
    """Recall dan tingkat alarm palsu recognizer leksikon saja (judol-youtube-comments)."""
    _run(
        "lexicon",
        "bijak.ml.lexicon_benchmark:run_lexicon_benchmark",
        as_json,
        results_dir,
        datasets=datasets,
    )


@app.command("api")
def api(
    as_json: bool = JSON_OPT,
    results_dir: Path = OUT_OPT,
    rate: int = typer.Option(100, "--rate", help="Permintaan per detik yang dituju."),
    duration: float = typer.Option(20.0, "--duration", help="Lama pengukuran (detik)."),
    concurrency: int = typer.Option(16, "--concurrency", help="Jumlah klien serentak."),
) -> None:
    """Latensi p50/p99 dan permintaan/detik POST /api/v1/check di loopback."""
    _run(
        "api",
        "bijak.site.api.benchmark:run_api_benchmark",
        as_json,
        results_dir,
        rate=rate,
        duration=duration,
        concurrency=concurrency,
    )


@app.command("scale")
def scale(
    as_json: bool = JSON_OPT,
    results_dir: Path = OUT_OPT,
    posts: int = typer.Option(200_000, "--posts", min=1, help="Jumlah unggahan buatan."),
    partition_rows: int = typer.Option(
        10_000, "--partition-rows", min=1, help="Baris per partisi."
    ),
    runners: str = typer.Option(
        "local,processes,dask", "--runners", help="Daftar: local, processes (2), dask (2)."
    ),
) -> None:
    """bijak scan: unggahan/detik dengan 1 proses, 2 proses lokal dan Dask LocalCluster 2 pekerja."""
    _run(
        "scale",
        "bijak.batch.benchmark:run_scale_benchmark",
        as_json,
        results_dir,
        posts=posts,
        partition_rows=partition_rows,
        runners=runners,
    )


@app.command("dissemination")
def dissemination(
    as_json: bool = JSON_OPT,
    results_dir: Path = OUT_OPT,
    units: int = typer.Option(200, "--units", min=2, help="Jumlah unit."),
    employees: int = typer.Option(30_000, "--employees", min=1, help="Jumlah pegawai."),
) -> None:
    """Halaman cakupan (ms, jumlah kueri) dan ekspor bukti (detik) untuk organisasi sebesar kementerian."""
    _run(
        "dissemination",
        "bijak.site.dissemination.benchmark:run_dissemination_benchmark",
        as_json,
        results_dir,
        units=units,
        employees=employees,
    )


@app.command("monitoring")
def monitoring(
    as_json: bool = JSON_OPT,
    results_dir: Path = OUT_OPT,
    posts: int = typer.Option(100_000, "--posts", min=1, help="Jumlah unggahan buatan."),
    flags: int = typer.Option(50_000, "--flags", min=0, help="Temuan terbuka di antrean."),
    postgres: str = typer.Option(
        "", "--postgres", help="URL basis data PostgreSQL khusus (dikosongkan oleh uji ini)."
    ),
) -> None:
    """Pemantauan: impor + pindai unggahan/detik, dan halaman antrean dengan banyak temuan."""
    _run(
        "monitoring",
        "bijak.site.monitoring.benchmark:run_monitoring_benchmark",
        as_json,
        results_dir,
        posts=posts,
        flags=flags,
        postgres=postgres,
    )


CHALLENGE_FILE_OPT = typer.Option(
    None, "--file", help="Bagian uji (bawaan: benchmarks/challenge/test.jsonl)."
)
CHALLENGE_LIMIT_OPT = typer.Option(
    0, "--limit", help="Hanya N baris, merata per keluarga (0 = semua)."
)


@app.command("challenge")
def challenge(
    as_json: bool = JSON_OPT,
    results_dir: Path = OUT_OPT,
    test_file: Path | None = CHALLENGE_FILE_OPT,
    limit: int = CHALLENGE_LIMIT_OPT,
) -> None:
    """Set tantangan: P/R/F1 per kategori pada tingkat vonis dan alarm palsu pada posting biasa."""
    from bijak.ml.challenge import ChallengeError, format_table, run_challenge

    try:
        results = run_challenge(path=test_file, limit=limit)
    except ChallengeError as exc:
        typer.echo(f"Galat: {exc}", err=True)
        raise typer.Exit(2) from None
    if not as_json:
        typer.echo(format_table(results))
    _emit("challenge", results, as_json, results_dir)


@app.command("load")
def load(
    as_json: bool = JSON_OPT,
    results_dir: Path = OUT_OPT,
    duration: float = typer.Option(600.0, "--duration", help="Lama beban (detik)."),
    clients: int = typer.Option(32, "--clients", help="Jumlah klien serentak."),
    kills: int = typer.Option(0, "--kills", help="Berapa kali server dimatikan dengan SIGKILL."),
    processes: int = typer.Option(2, "--processes", help="Proses `bijak serve`."),
    threads: int = typer.Option(16, "--threads", help="Thread per proses."),
    think: float = typer.Option(
        0.25, "--think", help="Jeda rata-rata antarpermintaan per klien (detik)."
    ),
    name: str = typer.Option("load", "--name", help="Nama berkas hasil (tanpa .json)."),
    slow_clients: int = typer.Option(
        0, "--slow-clients", help="Koneksi lambat yang mengirim header sedikit demi sedikit."
    ),
    kinds: str = typer.Option(
        "",
        "--kinds",
        help="Jenis permintaan, dipisah koma (page_check,save,api_check,login,health,import); "
        "kosong = semuanya.",
    ),
) -> None:
    """Beban campuran (masuk, cek halaman, simpan draf, cek API, impor ekspor X) ke `bijak serve`; dengan --kills,
    hitung tulisan terkonfirmasi yang hilang dan periksa rantai audit sesudahnya. Basis data:
    DATABASE_URL (PostgreSQL) atau SQLite baru."""
    _run(
        name,
        "bijak.cli.load_benchmark:run_load_benchmark",
        as_json,
        results_dir,
        duration=duration,
        clients=clients,
        kills=kills,
        processes=processes,
        threads=threads,
        think_s=think,
        database_url=os.environ.get("DATABASE_URL", ""),
        slow_clients=slow_clients,
        kinds=tuple(k.strip() for k in kinds.split(",") if k.strip()),
    )
