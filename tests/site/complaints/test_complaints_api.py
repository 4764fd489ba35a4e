"""POST /api/v1/complaints: token, 201 with ticket/status/canonical urls/duplicates, the API's
error shape for bad input, nothing stored on error."""

from __future__ import annotations

import base64
import io
import json

import pytest
from django.test import Client
from PIL import Image

from bijak.site.api.services import token_create
from bijak.site.complaints.models import Complaint

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(employee):
    _token, plaintext = token_create(actor=employee, user=employee, name="ekstensi peramban")
    client = Client()

    def post(body, content_type="application/json"):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return client.post(
            "/api/v1/complaints",
            data,
            content_type=content_type,
            HTTP_AUTHORIZATION=f"Bearer {plaintext}",
        )

    return post


def _png_b64() -> str:
    out = io.BytesIO()
    Image.new("RGB", (300, 120), (250, 250, 250)).save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


def test_a_complaint_through_the_api(api, employee):
    r = api(
        {
            "kind": "perjudian",
            "urls": ["https://youtu.be/dQw4w9WgXcQ?si=x"],
            "screenshots": [{"filename": "a.png", "data": _png_b64()}],
        }
    )
    assert r.status_code == 201
    body = r.json()
    assert body["status"] == "received" and body["duplicates"] == []
    assert body["urls"] == ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"]
    c = Complaint.objects.get(ticket=body["ticket"])
    assert c.reporter == employee and c.screenshots.count() == 1
    again = api({"kind": "perjudian", "urls": ["https://www.youtube.com/shorts/dQw4w9WgXcQ"]})
    assert again.json()["duplicates"] == [body["ticket"]]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ("{bukan json", 400, "invalid_json"),
        ({"kind": "perjudian", "urls": ["javascript:alert(1)"]}, 400, "invalid_request"),
        ({"kind": "perjudian"}, 400, "invalid_request"),
        ({"kind": 5, "urls": ["https://x.com/a/status/1"]}, 400, "invalid_request"),
        ({"kind": "perjudian", "screenshots": [{"data": "!!!"}]}, 400, "invalid_request"),
        (
            {
                "kind": "perjudian",
                "screenshots": [{"data": base64.b64encode(b"%PDF-1.4").decode()}],
            },
            400,
            "invalid_request",
        ),
    ],
)
def test_bad_input_answers_the_api_error_shape_and_stores_nothing(api, body, status, code):
    r = api(body)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code and r.json()["error"]["message"]
    assert Complaint.objects.count() == 0


def test_without_a_token_or_as_form_data(api):
    assert (
        Client().post("/api/v1/complaints", "{}", content_type="application/json").status_code
        == 401
    )
    assert api("kind=x", content_type="application/x-www-form-urlencoded").status_code == 415
