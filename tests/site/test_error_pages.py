"""Error pages speak the user's language and say that nothing was saved (never Django's bare
English defaults): 404 for missing and forbidden alike, 400 for a request too large, 403 for a
form without its CSRF token, 500 without a trace."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_missing_and_forbidden_pages_get_the_same_translated_404(outsider_client, org_tree):
    forbidden = outsider_client.get(f"/organisasi/unit/{org_tree.keu.pk}/")
    missing = outsider_client.get("/organisasi/unit/999999/")
    assert forbidden.status_code == missing.status_code == 404
    for response in (forbidden, missing):
        assert (
            "Halaman ini tidak ada, atau Anda tidak berhak membukanya." in response.content.decode()
        )
    outsider_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = outsider_client.get("/organisasi/unit/999999/").content.decode()
    assert "This page does not exist, or you may not open it." in html


def test_a_draft_larger_than_the_upload_limit_gets_a_translated_400(employee_client, settings):
    from bijak.site.checks.models import SavedCheck

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = employee_client.post("/cek/", {"text": "kata " * 5_000, "save": "on"})
    assert response.status_code == 400
    assert (
        "Permintaan ini tidak sah atau terlalu besar. Tidak ada yang disimpan; kembali, "
        "periksa isiannya, lalu coba lagi."
    ) in response.content.decode()
    assert SavedCheck.objects.count() == 0


def test_a_form_without_its_csrf_token_is_refused_in_indonesian(employee):
    from bijak.site.checks.models import SavedCheck

    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    response = client.post("/cek/", {"text": "Selamat pagi", "save": "on"})
    assert response.status_code == 403
    assert (
        "Formulir ini tidak dapat diterima karena token keamanannya tidak ada atau sudah "
        "kedaluwarsa. Tidak ada yang disimpan; muat ulang halaman, lalu kirim lagi."
    ) in response.content.decode()
    assert SavedCheck.objects.count() == 0


def test_a_server_error_page_says_nothing_was_saved(employee, monkeypatch):
    from bijak.site.checks import services

    def broken(**kwargs):
        raise RuntimeError("engine down")

    monkeypatch.setattr(services, "check_run", broken)
    client = Client(raise_request_exception=False)
    client.force_login(employee)
    response = client.post("/cek/", {"text": "Selamat pagi"})
    assert response.status_code == 500
    html = response.content.decode()
    assert (
        "Maaf, permintaan Anda tidak dapat diselesaikan. Tidak ada yang disimpan; coba lagi sebentar lagi."
        in html
    )
    assert "engine down" not in html and "Selamat pagi" not in html
