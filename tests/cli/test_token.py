"""`bijak token create USERNAME` prints a working token; list and revoke."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.site.api.models import ApiToken

runner = CliRunner()


@pytest.fixture
def employee(django_user_model):
    return django_user_model.objects.create_user(username="sari", password="bijak-test-pass")


@pytest.mark.django_db
def test_token_create_prints_a_token_that_authenticates(client, employee):
    result = runner.invoke(app, ["token", "create", employee.username])
    assert result.exit_code == 0, result.output
    plaintext = result.output.strip()
    assert plaintext.startswith("bjk_") and len(plaintext) > 40
    row = ApiToken.objects.get(user=employee)
    assert row.kind == "user" and row.prefix == plaintext[:12]
    assert client.get("/api/v1/policy", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 200


@pytest.mark.django_db
def test_token_create_for_an_integration(employee):
    result = runner.invoke(
        app, ["token", "create", employee.username, "--integration", "--name", "bot WhatsApp"]
    )
    assert result.exit_code == 0, result.output
    row = ApiToken.objects.get(user=employee)
    assert (row.kind, row.name) == ("integration", "bot WhatsApp")


@pytest.mark.django_db
def test_token_create_integration_needs_a_name(employee):
    result = runner.invoke(app, ["token", "create", employee.username, "--integration"])
    assert result.exit_code == 2
    assert "Token integrasi perlu --name." in result.output


@pytest.mark.django_db
def test_token_create_for_unknown_user_fails(db):
    result = runner.invoke(app, ["token", "create", "tidak-ada"])
    assert result.exit_code == 1
    assert "Pengguna tidak ditemukan: tidak-ada" in result.output


@pytest.mark.django_db
def test_token_list_and_revoke(client, employee):
    plaintext = runner.invoke(app, ["token", "create", employee.username]).output.strip()
    listing = runner.invoke(app, ["token", "list", employee.username]).output
    assert f"{plaintext[:12]}…\tuser\t-\taktif\t-" in listing
    assert plaintext not in listing
    result = runner.invoke(app, ["token", "revoke", plaintext[:12]])
    assert result.exit_code == 0 and f"Dicabut: {plaintext[:12]}…" in result.output
    assert client.get("/api/v1/policy", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 401
    again = runner.invoke(app, ["token", "revoke", plaintext[:12]])
    assert again.exit_code == 1
    assert f"Token aktif dengan awalan {plaintext[:12]} tidak ditemukan." in again.output
