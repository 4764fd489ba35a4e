"""`bijak policy ...` subcommands: check a policy file and show its clauses.

Thin wrappers over `bijak.policy`; they read files, never the site's database.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bijak.policy import Clause, PolicyError, load_policy, validate_policy_file

app = typer.Typer(
    help="Berkas kebijakan (tata tertib): periksa dan tampilkan.", no_args_is_help=True
)


@app.command("validate")
def validate(
    file: Annotated[Path, typer.Argument(help="Berkas kebijakan YAML.")],
) -> None:
    """Periksa berkas kebijakan: sintaks YAML, skema, dan aturan isi (id ganda, kategori, ambang)."""
    issues = validate_policy_file(file)
    if issues:
        for issue in issues:
            typer.echo(issue.format(str(file)))
        typer.echo(f"{len(issues)} issue(s) found", err=True)
        raise typer.Exit(1)
    policy = load_policy(file)
    sections = ", ".join(f"{s.id}: {len(policy.clauses_in_section(s.id))}" for s in policy.sections)
    typer.echo(
        f"OK {policy.id} {policy.version}: {len(policy.clauses)} clauses ({sections}), "
        f"{len(policy.categories)} categories, {len(policy.channels)} channels, "
        f"{len(policy.legal_basis)} legal basis; sha256 {policy.content_hash}"
    )


def _clause_text(clause: Clause, lang: str) -> str:
    number = clause.id
    cats = ", ".join(clause.categories) or "-"
    lines = [
        f"{number} [{clause.kind}, {clause.severity}] {clause.text(lang)}",
        f"    categories: {cats}",
        f"    advice: {clause.advice(lang)}",
    ]
    return "\n".join(lines)


@app.command("show")
def show(
    clause_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Id pasal, mis. B.2.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Keluaran JSON.")] = False,
    file: Annotated[
        Path | None, typer.Option("--file", help="Berkas kebijakan (bawaan: SE Menkes).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="id atau en.")] = "id",
) -> None:
    """Tampilkan kebijakan, atau satu pasal bila ID diberikan."""
    try:
        policy = load_policy(file)
    except PolicyError as exc:
        for issue in exc.issues:
            typer.echo(issue.format(str(file)), err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(f"{file}: cannot read the file: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None

    if clause_id is not None:
        try:
            clause = policy.clause(clause_id)
        except KeyError:
            known = ", ".join(c.id for c in policy.clauses)
            typer.echo(f"unknown clause {clause_id!r}; known: {known}", err=True)
            raise typer.Exit(1) from None
        if as_json:
            data = policy.to_dict()
            item = next(c for c in data["clauses"] if c["id"] == clause.id)
            typer.echo(json.dumps(item, ensure_ascii=False, indent=2))
        else:
            typer.echo(_clause_text(clause, lang))
        return

    if as_json:
        typer.echo(json.dumps(policy.to_dict(), ensure_ascii=False, indent=2))
        return

    out = [
        policy.title(lang),
        f"{policy.issuer(lang)} · {policy.number} · {policy.date}",
        f"policy {policy.id} version {policy.version} · sha256 {policy.content_hash}",
        "",
    ]
    for section in policy.sections:
        out.append(f"{section.id}. {section.title(lang)}")
        if section.intro(lang):
            out.append(f"  {section.intro(lang)}")
        for clause in policy.clauses_in_section(section.id):
            out.append(_clause_text(clause, lang))
        out.append("")
    out.append("legal basis:")
    out.extend(
        f"  - {b.text(lang)}" + (f" ({b.gazette})" if b.gazette else "") for b in policy.legal_basis
    )
    out.append("channels:")
    for ch in policy.channels:
        state = "" if ch.active else " (inactive)"
        out.append(f"  - {ch.kind}: {ch.value}{state}")
    typer.echo("\n".join(out))


@app.command("schema")
def schema() -> None:
    """Cetak skema JSON berkas kebijakan (untuk editor dan instansi lain)."""
    from bijak.policy.validate import policy_schema

    typer.echo(json.dumps(policy_schema(), ensure_ascii=False, indent=2))
