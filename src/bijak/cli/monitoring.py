"""`bijak account list`, `bijak import-posts`, `bijak review stats`, `bijak export-reviews`:
thin wrappers over the monitoring app's selectors and services."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

account_app = typer.Typer(help="Akun media sosial pegawai yang terdaftar.", no_args_is_help=True)
review_app = typer.Typer(help="Meja tinjau: angka antrean dan keputusan.", no_args_is_help=True)


def _setup() -> None:
    from bijak.cli.site import setup_django

    setup_django()


def _user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        typer.echo(f"Pengguna tidak ditemukan: {username}", err=True)
        raise typer.Exit(1) from None


@account_app.command("list")
def account_list(as_json: bool = typer.Option(False, "--json", help="Cetak JSON.")) -> None:
    """Daftar akun terdaftar: id, platform, nama akun, NIP pemilik (disamarkan)."""
    _setup()
    from bijak.engine.masking import mask_value
    from bijak.site.monitoring.models import Account

    rows = [
        {
            "id": a.pk,
            "platform": a.platform,
            "handle": a.handle,
            "owner_nip": mask_value(a.employee.nip),
            "posts": a.posts.count(),
        }
        for a in Account.objects.select_related("employee").order_by("pk")
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        typer.echo(
            f"{row['id']}\t{row['platform']}\t@{row['handle']}\t{row['owner_nip']}\t{row['posts']}"
        )


def import_posts(
    file: Path = typer.Argument(  # noqa: B008 - typer reads its defaults this way
        ...,
        exists=True,
        dir_okay=False,
        readable=True,
        help="Berkas ekspor (ZIP, tweets.js, JSON, CSV, JSONL).",
    ),
    account: int = typer.Option(..., "--account", help="Id akun (lihat `bijak account list`)."),
    user: str = typer.Option(..., "--user", help="Nama pengguna petugas yang mengimpor."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Baca dan hitung saja; tulis apa pun tidak."
    ),
    text_column: str = typer.Option("", "--text-column", help="Kolom teks (CSV/JSONL)."),
    id_column: str = typer.Option("", "--id-column", help="Kolom id (CSV/JSONL)."),
    date_column: str = typer.Option("", "--date-column", help="Kolom tanggal (CSV/JSONL)."),
    scan: bool = typer.Option(True, "--scan/--no-scan", help="Pindai unggahan baru sesudahnya."),
    as_json: bool = typer.Option(False, "--json", help="Cetak JSON."),
) -> None:
    """Impor unggahan dari berkas unduhan data platform ke akun terdaftar (tanpa duplikat)."""
    _setup()
    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.http import Http404

    from bijak.site.monitoring.access import access_account_for_import
    from bijak.site.monitoring.exports import ColumnMap, ImportFileError, read_export
    from bijak.site.monitoring.models import Scan
    from bijak.site.monitoring.services import post_import_confirm, post_import_preview, scan_run

    actor = _user(user)
    try:
        target = access_account_for_import(actor, account)
    except Http404:
        typer.echo(f"Akun {account} tidak ditemukan atau di luar wewenang {user}.", err=True)
        raise typer.Exit(1) from None
    content = file.read_bytes()
    columns = ColumnMap(text=text_column, id=id_column, date=date_column)
    rejects: list[dict[str, Any]] = []
    try:
        if dry_run:
            export = read_export(
                filename=file.name,
                content=content,
                max_bytes=settings.BIJAK_MONITOR_IMPORT_MAX_BYTES,
                max_posts=settings.BIJAK_MONITOR_IMPORT_MAX_POSTS,
                columns=columns,
            )
            bad = [p for p in export.posts if p.errors]
            counts: dict[str, int | None] = {
                "read": len(export.posts),
                "new": None,
                "duplicates": None,
                "rejected": len(bad),
            }
            rejects = [
                {"file": p.source, "line": p.line, "reason": " ".join(p.errors)} for p in bad
            ]
        else:
            batch = post_import_preview(
                actor=actor, account=target, filename=file.name, content=content, columns=columns
            )
            rejects = [
                {"file": r["source"], "line": r["line"], "reason": " ".join(r["errors"])}
                for r in batch.rows
                if r["status"] == "rejected"
            ]
            counts = dict(post_import_confirm(actor=actor, batch=batch, scan=scan))
            if scan:
                for queued in Scan.objects.filter(status=Scan.Status.QUEUED, accounts=target):
                    scan_run(scan_id=queued.pk)
    except ImportFileError as exc:
        typer.echo(exc.message, err=True)
        raise typer.Exit(1) from None
    except ValidationError as exc:
        typer.echo(" ".join(exc.messages), err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(
            json.dumps({**counts, "dry_run": dry_run, "rejects": rejects}, ensure_ascii=False)
        )
        return
    typer.echo(
        f"dibaca {counts['read']}, baru {counts['new']}, sudah ada {counts['duplicates']}, "
        f"ditolak {counts['rejected']}"
    )
    for row in rejects:
        typer.echo(f"{row['file']}:{row['line']}: {row['reason']}")


@review_app.command("stats")
def review_stats(as_json: bool = typer.Option(False, "--json", help="Cetak JSON.")) -> None:
    """Antrean, umur temuan bebas tertua, presisi per kategori, tingkat terlewat sampel."""
    _setup()
    from bijak.site.monitoring.selectors import review_figures

    figures = review_figures()
    if as_json:
        typer.echo(json.dumps(figures, ensure_ascii=False))
        return
    typer.echo(
        f"terbuka {figures['open']}, menunggu peninjau kedua {figures['pending_second']}, "
        f"dikonfirmasi {figures['confirmed']}, ditolak {figures['dismissed']}"
    )
    oldest = figures["oldest_unclaimed_hours"]
    typer.echo(
        f"temuan bebas tertua: {oldest:.1f} jam" if oldest is not None else "temuan bebas tertua: -"
    )
    for row in figures["precision"]:
        typer.echo(f"{row['category']}\t{row['confirmed']}/{row['reviewed']}")


@review_app.command("scans")
def review_scans(
    as_json: bool = typer.Option(False, "--json", help="Cetak JSON."),
    limit: int = typer.Option(20, "--limit", min=1, help="Pemindaian terbaru sebanyak ini."),
) -> None:
    """Kemajuan pemindaian terbaru: status, dipindai / total, masuk antrean."""
    _setup()
    from bijak.site.monitoring.models import Scan

    rows = [
        {
            "id": s.pk,
            "status": s.status,
            "done": s.done,
            "total": s.total,
            "flagged": s.flagged,
            "policy_version": s.policy_version,
            "created_at": s.created_at.isoformat(timespec="seconds"),
        }
        for s in Scan.objects.order_by("-created_at")[:limit]
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        typer.echo(
            f"{row['id']}\t{row['status']}\t{row['done']}/{row['total']}"
            f"\t{row['flagged']}\t{row['created_at']}"
        )


def export_reviews(
    out: Path = typer.Option(  # noqa: B008 - typer reads its defaults this way
        ..., "--out", help="Berkas JSONL keluaran (format `bijak eval`)."
    ),
) -> None:
    """Tulis unggahan yang sudah ditinjau (disamarkan) sebagai baris berlabel untuk `bijak eval`."""
    _setup()
    from bijak.site.monitoring.selectors import reviewed_lines

    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for line in reviewed_lines():
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    typer.echo(f"{count} baris ditulis ke {out}")
