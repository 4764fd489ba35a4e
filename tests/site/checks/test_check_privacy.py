"""Privacy with the real engine, where a planted bug could hide (issue 8, defect 11): a draft
stored in the session was invisible to a test reading `str(row)` (sessions are base64), and the
API path was not covered. The saved-drafts list masks personal data like every other output."""

from __future__ import annotations

import base64
import logging

import pytest
from django.apps import apps

from bijak.site.api.services import token_create

pytestmark = pytest.mark.django_db

MARKER = "Rahasia-Draf-Zq7"
NIK = "3201014508900003"
DRAFT = f"{MARKER} dokter bodoh, NIK {NIK}, hubungi 081234567890"


def _decodings(value: str) -> list[str]:
    """The value, and what it says once base64- or signed-cookie-decoded (best effort)."""
    found = [value]
    for piece in [value, *value.replace(":", ".").split(".")]:
        padded = piece + "=" * (-len(piece) % 4)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                found.append(decode(padded).decode("utf-8", "replace"))
            except (ValueError, TypeError):
                continue
    return found


def assert_no_trace(client, caplog) -> None:
    from django.contrib.sessions.models import Session

    for model in apps.get_models():
        for row in model.objects.all().values():
            for text in _decodings(str(row)):
                assert MARKER not in text and NIK not in text, model.__name__
    for session in Session.objects.all():
        decoded = str(session.get_decoded())
        assert MARKER not in decoded and NIK not in decoded
        for text in _decodings(session.session_data):
            assert MARKER not in text and NIK not in text
    for name, morsel in client.cookies.items():
        for text in _decodings(morsel.value):
            assert MARKER not in text and NIK not in text, name
    assert MARKER not in caplog.text and NIK not in caplog.text


def test_an_unsaved_draft_leaves_no_trace_in_tables_sessions_cookies_or_logs(
    employee_client, caplog
):
    caplog.set_level(logging.DEBUG)
    for path in ("/cek/", "/cek/pratinjau/"):
        assert employee_client.post(path, {"text": DRAFT}).status_code == 200
    assert employee_client.get("/cek/").status_code == 200  # a later page reads the session
    assert_no_trace(employee_client, caplog)


def test_an_api_check_leaves_no_trace(client, employee, caplog):
    caplog.set_level(logging.DEBUG)
    _row, plaintext = token_create(actor=employee, user=employee, name="", kind="user")
    response = client.post(
        "/api/v1/check",
        data={"text": DRAFT},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )
    assert response.status_code == 200
    assert NIK not in response.content.decode()  # the report masks it
    assert_no_trace(client, caplog)


def test_the_session_check_sees_a_draft_kept_in_the_session(employee_client, caplog):
    """The check above would catch the planted bug: a draft put in the session is found."""
    session = employee_client.session
    session["last_draft"] = DRAFT
    session.save()
    with pytest.raises(AssertionError):
        assert_no_trace(employee_client, caplog)


def test_the_saved_drafts_list_masks_personal_data(employee_client):
    response = employee_client.post("/cek/", {"text": DRAFT, "save": "on"}, follow=True)
    assert response.status_code == 200
    html = employee_client.get("/cek/tersimpan/").content.decode()
    assert MARKER in html  # the draft is listed
    assert NIK not in html and "081234567890" not in html
    assert "3201********0003" in html
