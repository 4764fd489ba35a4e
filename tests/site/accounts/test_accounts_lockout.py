"""Login throttling and lock-out (issue 8, defect 5): 200 wrong passwords used to be followed by
a successful sign-in with the right one."""

from __future__ import annotations

import pytest
from django.test import Client

from bijak.site.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def attempt(client: Client, username: str, password: str, **extra):
    return client.post("/akun/masuk/", {"username": username, "password": password}, **extra)


def test_after_the_failure_limit_even_the_right_password_is_refused(
    employee, persona_password, settings
):
    from axes.models import AccessAttempt

    limit = settings.AXES_FAILURE_LIMIT
    client = Client()
    for _ in range(limit - 1):
        assert attempt(client, "sari", "salah").status_code == 200
    response = attempt(client, "sari", "salah")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit." in html
    # a fresh client (another process, no cookie) with the right password is still refused:
    # the count is in the database, not in a session or a process
    assert AccessAttempt.objects.filter(username="sari").exists()
    fresh = Client()
    response = attempt(fresh, "sari", persona_password, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert "_auth_user_id" not in fresh.session
    english = Client()
    english.cookies["django_language"] = "en"
    response = attempt(english, "sari", persona_password)
    assert "Too many failed sign-in attempts. Try again in 15 minutes." in response.content.decode()
    locked = AuditEntry.objects.filter(action="user.locked_out")
    assert locked.count() >= 1 and locked.first().data == {"username": "sari"}


def test_a_success_below_the_limit_resets_the_count(employee, persona_password, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "sari", "salah")
    assert attempt(client, "sari", persona_password).status_code == 302
    client.post("/akun/keluar/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "sari", "salah").status_code == 200
    assert attempt(client, "sari", persona_password).status_code == 302


def test_the_admin_login_is_throttled_too(employee, persona_password, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "sari", "password": "salah"})
    response = client.post("/admin/login/", {"username": "sari", "password": persona_password})
    assert response.status_code == 429
