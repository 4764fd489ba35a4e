"""`bijak case ...`: discipline cases for officers and inspectors (thin wrappers over the cases
app's selectors and export module)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from bijak.cli._verdict import echo_verdict_and_exit

app = typer.Typer(
    help="Perkara disiplin (PP 94/2021): daftar, rincian, ekspor, verifikasi.", no_args_is_help=True
)


def _setup() -> None:
    from bijak.cli.site import setup_django

    setup_django()


def _case(number: str) -> Any:
    from bijak.site.cases.models import Case

    found = Case.objects.select_related("employee", "employee__unit").filter(number=number).first()
    if found is None and number.isdigit():
        found = (
            Case.objects.select_related("employee", "employee__unit").filter(pk=int(number)).first()
        )
    if found is None:
        typer.echo(f"Perkara tidak ditemukan / case not found: {number}", err=True)
        raise typer.Exit(1)
    return found


@app.command("list")
def list_cases(as_json: bool = typer.Option(False, "--json", help="Keluaran JSON.")) -> None:
    """Daftar perkara: nomor, tahap, NIP (disamarkan), butir, dibuka, tenggat berikutnya."""
    _setup()
    from bijak.site.cases.selectors import case_rows

    rows = case_rows()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    typer.echo("number\tstate\tnip\tclauses\topened\tdeadline")
    for r in rows:
        typer.echo(
            f"{r['number']}\t{r['state']}\t{r['nip']}\t{','.join(r['clauses'])}\t"
            f"{r['opened']}\t{r['deadline'] or '-'}"
        )


@app.command("show")
def show(number: str = typer.Argument(..., metavar="CASE")) -> None:
    """Rincian satu perkara dengan peristiwa dan dokumennya."""
    _setup()
    from bijak.site.cases.selectors import case_row

    case = _case(number)
    row = case_row(case)
    row["events"] = [
        {
            "seq": e.seq,
            "kind": e.kind,
            "from": e.from_state,
            "to": e.to_state,
            "at": e.at.isoformat(),
            "actor": e.actor.username if e.actor else "system",
        }
        for e in case.events.select_related("actor").order_by("seq")
    ]
    row["documents"] = [
        {"number": d.number, "kind": d.kind, "sha256": d.sha256}
        for d in case.documents.order_by("pk")
    ]
    typer.echo(json.dumps(row, ensure_ascii=False, indent=1))


@app.command("export")
def export(
    number: str = typer.Argument(..., metavar="CASE"),
    out: str = typer.Option(..., "--out", help="Folder baru (kosong) untuk berkas perkara."),
) -> None:
    """Tulis berkas perkara untuk pemeriksa (peristiwa, dokumen, bukti, audit, manifest bertanda tangan)."""
    _setup()
    from django.conf import settings

    from bijak.site.audit.services import audit_record
    from bijak.site.cases.export import case_export

    case = _case(number)
    key = getattr(settings, "BIJAK_AUDIT_KEY_FILE", "") or None
    try:
        manifest = case_export(case=case, out=Path(out), key_path=Path(key) if key else None)
    except FileExistsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    audit_record(
        actor=None,
        action="case.export",
        target_type="case",
        target_id=case.pk,
        data={"number": case.number, "files": len(manifest["files"])},
    )
    typer.echo(
        f"{case.number}: {len(manifest['files'])} berkas / files -> {out}"
        + ("" if key else " (tanpa tanda tangan: BIJAK_AUDIT_KEY_FILE belum diatur / unsigned)")
    )


@app.command("verify")
def verify(
    directory: str = typer.Argument(..., metavar="DIR"),
    public_key: str = typer.Option(
        "", "--public-key", help="Kunci publik audit (PEM) untuk memeriksa tanda tangan."
    ),
) -> None:
    """Periksa berkas perkara tanpa basis data; sebutkan setiap yang diubah, diganti atau dihapus."""
    from bijak.site.cases.export import case_verify

    verdict = case_verify(
        directory=Path(directory), public_key_path=Path(public_key) if public_key else None
    )
    echo_verdict_and_exit(verdict, counted="events")
