"""Tokens are created (shown once) and revoked in the site; only their owner manages them."""

from __future__ import annotations

import re

import pytest

from bijak.site.api.models import ApiToken


@pytest.mark.django_db
def test_tokens_page_requires_login(client):
    response = client.get("/api/token/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


@pytest.mark.django_db
def test_employee_creates_a_token_that_is_shown_once_and_works(client, employee_client, employee):
    response = employee_client.post(
        "/api/token/", {"name": "ekstensi peramban", "kind": "integration"}
    )
    html = response.content.decode()
    assert "Token baru. Salin sekarang: token ini tidak akan ditampilkan lagi." in html
    plaintext = re.search(r'value="(bjk_[^"]+)"', html).group(1)
    row = ApiToken.objects.get(user=employee)
    assert row.kind == "integration" and row.name == "ekstensi peramban"
    assert response["Cache-Control"] == "no-store"
    again = employee_client.get("/api/token/").content.decode()
    assert plaintext not in again and f"{row.prefix}…" in again
    assert client.get("/api/v1/policy", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 200


@pytest.mark.django_db
def test_integration_token_needs_a_name(employee_client, employee):
    response = employee_client.post("/api/token/", {"name": "", "kind": "integration"}, follow=True)
    assert "Token integrasi perlu nama, misalnya “ekstensi peramban”." in response.content.decode()
    assert not ApiToken.objects.filter(user=employee).exists()


@pytest.mark.django_db
def test_employee_revokes_own_token(client, employee_client, employee):
    html = employee_client.post("/api/token/", {"name": "", "kind": "user"}).content.decode()
    plaintext = re.search(r'value="(bjk_[^"]+)"', html).group(1)
    row = ApiToken.objects.get(user=employee)
    response = employee_client.post(f"/api/token/{row.pk}/cabut/")  # asks first
    assert (
        f"Cabut token {row.prefix}…? Integrasi yang memakainya berhenti bekerja."
        in response.content.decode()
    )
    row.refresh_from_db()
    assert row.revoked_at is None
    response = employee_client.post(f"/api/token/{row.pk}/cabut/", {"confirmed": "1"}, follow=True)
    assert f"Token {row.prefix}… dicabut." in response.content.decode()
    row.refresh_from_db()
    assert row.revoked_at is not None
    assert client.get("/api/v1/policy", HTTP_AUTHORIZATION=f"Bearer {plaintext}").status_code == 401


@pytest.mark.django_db
def test_another_users_token_is_404(employee_client, outsider_client, employee):
    employee_client.post("/api/token/", {"name": "", "kind": "user"})
    row = ApiToken.objects.get(user=employee)
    assert outsider_client.post(f"/api/token/{row.pk}/cabut/").status_code == 404
    assert outsider_client.post("/api/token/999999/cabut/").status_code == 404
    row.refresh_from_db()
    assert row.revoked_at is None
    assert f"{row.prefix}…" not in outsider_client.get("/api/token/").content.decode()


@pytest.mark.django_db
def test_token_name_with_control_characters_is_refused_and_nothing_is_stored(
    employee_client, employee
):
    response = employee_client.post("/api/token/", {"name": "bot\x00wa", "kind": "integration"})
    assert response.status_code == 200
    assert "Nama token berisi karakter kendali yang tidak diizinkan." in response.content.decode()
    assert not ApiToken.objects.filter(user=employee).exists()


@pytest.mark.django_db
def test_token_name_too_long_is_refused_not_cut(employee_client, employee):
    employee_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = employee_client.post("/api/token/", {"name": "n" * 101, "kind": "integration"})
    assert "The token name is too long: at most 100 characters." in response.content.decode()
    assert not ApiToken.objects.filter(user=employee).exists()
