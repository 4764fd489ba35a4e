"""Logging in and out through the real forms; Indonesian by default, English on request."""

import pytest

pytestmark = pytest.mark.django_db


def test_login_form_logs_in_and_shows_role_menu(client, officer, login):
    login(client, officer)
    html = client.get("/").content.decode()
    assert "Rina Kusumawati" in html
    assert "Impor pegawai" in html and "Organisasi" in html
    assert "Log audit" not in html


def test_wrong_password_is_refused_with_a_clear_message(client, employee):
    response = client.post("/akun/masuk/", {"username": "sari", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()


def test_logout_is_a_post(client, employee, login):
    login(client, employee)
    response = client.post("/akun/keluar/")
    assert response.status_code == 302
    assert "Masuk" in client.get("/").content.decode()


def test_language_switch_to_english_and_back(client):
    html = client.get("/akun/masuk/").content.decode()
    assert "Lupa kata sandi?" in html and 'lang="id"' in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/akun/masuk/"})
    html = client.get("/akun/masuk/").content.decode()
    assert 'lang="en"' in html
    assert "Forgot your password?" in html
    assert "Log in" in html
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert "Lupa kata sandi?" in client.get("/akun/masuk/").content.decode()


def test_an_english_browser_still_gets_indonesian_until_it_switches(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="id"' in html and "Bijak bermedia sosial" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"}, HTTP_ACCEPT_LANGUAGE="en-US")
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert 'lang="en"' in html and "Wise on social media" in html


def test_sign_in_events_are_audited_without_passwords(client, employee, persona_password):
    from bijak.site.audit.models import AuditEntry

    client.post("/akun/masuk/", {"username": "sari", "password": "tebakan-salah"})
    client.post("/akun/masuk/", {"username": "sari", "password": persona_password})
    client.post("/akun/keluar/")
    rows = list(
        AuditEntry.objects.filter(action__startswith="user.")
        .order_by("seq")
        .values_list("action", "actor_label", "data")
    )
    assert rows == [
        ("user.login_failed", "system", {"username": "sari"}),
        ("user.login", "sari", {"username": "sari"}),
        ("user.logout", "sari", {"username": "sari"}),
    ]
    assert "tebakan" not in str(list(AuditEntry.objects.values_list("data", flat=True)))
