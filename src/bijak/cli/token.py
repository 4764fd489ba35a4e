"""`bijak token ...`: create, list and revoke API tokens from the command line."""

from __future__ import annotations

import typer

app = typer.Typer(help="Token API: buat, lihat, cabut.", no_args_is_help=True)


def _user(username: str) -> object:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        typer.echo(f"Pengguna tidak ditemukan: {username}", err=True)
        raise typer.Exit(1) from None


@app.command("create")
def create(
    username: str = typer.Argument(..., help="Nama pengguna pemilik token."),
    name: str = typer.Option("", "--name", help="Nama integrasi (mis. 'bot WhatsApp')."),
    integration: bool = typer.Option(
        False, "--integration", help="Token untuk integrasi, bukan pribadi."
    ),
) -> None:
    """Buat token API dan cetak token itu (hanya sekali ini)."""
    from bijak.cli.site import setup_django

    setup_django()
    from bijak.site.api.models import ApiToken
    from bijak.site.api.services import token_create

    if integration and not name:
        typer.echo("Token integrasi perlu --name.", err=True)
        raise typer.Exit(2)
    user = _user(username)
    kind = ApiToken.KIND_INTEGRATION if integration else ApiToken.KIND_USER
    from django.core.exceptions import ValidationError

    try:
        _token, plaintext = token_create(actor=None, user=user, name=name, kind=kind)
    except ValidationError as exc:
        typer.echo(" ".join(exc.messages), err=True)
        raise typer.Exit(1) from None
    typer.echo(plaintext)


@app.command("list")
def list_tokens(username: str = typer.Argument(..., help="Nama pengguna.")) -> None:
    """Daftar token seorang pengguna (awalan saja, bukan tokennya)."""
    from bijak.cli.site import setup_django

    setup_django()
    from bijak.site.api.selectors import tokens_for_user

    for token in tokens_for_user(user=_user(username)):
        status = "dicabut" if token.revoked_at else "aktif"
        used = token.last_used_at.isoformat(timespec="seconds") if token.last_used_at else "-"
        typer.echo(
            f"{token.pk}\t{token.prefix}…\t{token.kind}\t{token.name or '-'}\t{status}\t{used}"
        )


@app.command("revoke")
def revoke(
    prefix: str = typer.Argument(..., help="Awalan token (mis. bjk_Ab12Cd34) atau token lengkap."),
) -> None:
    """Cabut token; permintaan dengan token itu dijawab 401."""
    from bijak.cli.site import setup_django

    setup_django()
    from bijak.site.api.models import ApiToken
    from bijak.site.api.services import PREFIX_LEN, token_revoke

    matches = list(ApiToken.objects.filter(prefix=prefix[:PREFIX_LEN], revoked_at__isnull=True))
    if len(matches) != 1:
        typer.echo(
            f"Token aktif dengan awalan {prefix[:PREFIX_LEN]} tidak ditemukan."
            if not matches
            else "Awalan cocok dengan lebih dari satu token.",
            err=True,
        )
        raise typer.Exit(1)
    token_revoke(actor=None, token=matches[0])
    typer.echo(f"Dicabut: {matches[0].prefix}…")
