"""`bijak campaign ...`: dissemination campaigns for officers and scripts (thin wrappers over the
dissemination app's selectors and evidence module)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from bijak.cli._verdict import echo_verdict_and_exit

app = typer.Typer(
    help="Kampanye sosialisasi: daftar, rincian, laporan cakupan, bukti.", no_args_is_help=True
)


def _setup() -> None:
    from bijak.cli.site import setup_django

    setup_django()


def _campaign(campaign_id: str) -> Any:
    from bijak.site.dissemination.models import Campaign

    try:
        return Campaign.objects.select_related("policy_version").get(pk=int(campaign_id))
    except (Campaign.DoesNotExist, ValueError):
        typer.echo(f"Kampanye tidak ditemukan / campaign not found: {campaign_id}", err=True)
        raise typer.Exit(1) from None


def _summary(campaign: Any) -> dict[str, Any]:
    from django.utils import timezone

    today = timezone.localdate()
    status = (
        "closed"
        if campaign.closed_at
        else "scheduled"
        if campaign.start_date > today
        else "running"
    )
    return {
        "id": campaign.pk,
        "title": campaign.title,
        "policy_version": campaign.policy_version.version,
        "policy_sha256": campaign.policy_version.content_hash,
        "units": sorted(u.code for u in campaign.units.all()),
        "start": campaign.start_date.isoformat(),
        "due": campaign.due_date.isoformat(),
        "status": status,
    }


@app.command("list")
def list_campaigns(as_json: bool = typer.Option(False, "--json")) -> None:
    """Daftar kampanye: id, judul, versi kebijakan, unit, tanggal, status."""
    _setup()
    from bijak.site.dissemination.models import Campaign

    rows = [
        _summary(c)
        for c in Campaign.objects.select_related("policy_version")
        .prefetch_related("units")
        .order_by("-start_date", "-pk")
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for r in rows:
        typer.echo(
            f"{r['id']}\t{r['title']}\t{r['policy_version']}\t{','.join(r['units'])}\t"
            f"{r['start']}..{r['due']}\t{r['status']}"
        )


def _report_rows(campaign: Any) -> list[dict[str, Any]]:
    from bijak.site.dissemination.access import COMMAND_LINE
    from bijak.site.dissemination.selectors import campaign_coverage

    coverage = campaign_coverage(user=COMMAND_LINE, campaign=campaign)
    return [
        {
            "unit_code": r.unit.code,
            "in_scope": r.in_scope,
            "acknowledged": r.acknowledged,
            "passed": r.passed,
            "overdue": r.overdue,
        }
        for r in coverage.rows
    ]


@app.command("show")
def show(
    campaign_id: str = typer.Argument(..., metavar="CAMPAIGN"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Rincian satu kampanye dengan jumlah keseluruhan."""
    _setup()
    campaign = _campaign(campaign_id)
    data = _summary(campaign)
    rows = _report_rows(campaign)
    roots = [r for r in rows if r["unit_code"] in data["units"]]
    for key in ("in_scope", "acknowledged", "passed", "overdue"):
        data[key] = sum(r[key] for r in roots)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    for key, value in data.items():
        typer.echo(f"{key}: {value}")


@app.command("report")
def report(
    campaign_id: str = typer.Argument(..., metavar="CAMPAIGN"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Cakupan per unit: unit_code, in_scope, acknowledged, passed, overdue."""
    _setup()
    rows = _report_rows(_campaign(campaign_id))
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    typer.echo("unit_code\tin_scope\tacknowledged\tpassed\toverdue")
    for r in rows:
        typer.echo(
            f"{r['unit_code']}\t{r['in_scope']}\t{r['acknowledged']}\t{r['passed']}\t{r['overdue']}"
        )


@app.command("evidence")
def evidence(
    campaign_id: str = typer.Argument(..., metavar="CAMPAIGN"),
    out: str = typer.Option(..., "--out", help="Folder baru (kosong) untuk bukti."),
) -> None:
    """Tulis bukti pernyataan (JSON Lines, berkas kebijakan, manifest bertanda tangan)."""
    _setup()
    from django.conf import settings

    from bijak.site.dissemination.evidence import evidence_export

    campaign = _campaign(campaign_id)
    key = getattr(settings, "BIJAK_AUDIT_KEY_FILE", "") or None
    try:
        manifest = evidence_export(
            campaign=campaign, out=Path(out), key_path=Path(key) if key else None
        )
    except FileExistsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"{manifest['records']} pernyataan / acknowledgements -> {out}"
        + ("" if key else " (tanpa tanda tangan: BIJAK_AUDIT_KEY_FILE belum diatur / unsigned)")
    )


@app.command("verify")
def verify(
    directory: str = typer.Argument(..., metavar="DIR"),
    public_key: str = typer.Option(
        "", "--public-key", help="Kunci publik audit (PEM) untuk memeriksa tanda tangan."
    ),
) -> None:
    """Periksa bukti tanpa basis data; sebutkan setiap baris yang diubah, dihapus atau ditambah."""
    from bijak.site.dissemination.evidence import evidence_verify

    verdict = evidence_verify(
        directory=Path(directory), public_key_path=Path(public_key) if public_key else None
    )
    echo_verdict_and_exit(verdict, counted="records")
