"""API v1: authentication, tokens, the rate limit and the one error shape."""

from __future__ import annotations

import json

import pytest

from bijak.site.api.models import ApiToken
from bijak.site.api.services import token_create, token_revoke
from bijak.site.audit.models import AuditEntry

UNAUTH_ID = "Token API tidak ada, tidak dikenal, atau sudah dicabut."
UNAUTH_EN = "The API token is missing, unknown or revoked."


@pytest.fixture
def token(employee):
    _row, plaintext = token_create(actor=employee, user=employee, name="", kind="user")
    return plaintext


def auth(plaintext: str, **extra):
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}", **extra}


def post_check(client, body, token=None, content_type="application/json", **extra):
    headers = auth(token, **extra) if token else extra
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post("/api/v1/check", data=data, content_type=content_type, **headers)


def assert_error(response, status, code, message=None):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if message is not None:
        assert body["error"]["message"] == message
    return body["error"]


@pytest.mark.django_db
def test_check_without_token_is_401_in_indonesian(client):
    response = post_check(client, {"text": "halo"})
    assert_error(response, 401, "unauthenticated", UNAUTH_ID)
    assert response["WWW-Authenticate"] == 'Bearer realm="bijak"'


@pytest.mark.django_db
def test_error_message_follows_accept_language(client):
    response = post_check(client, {"text": "halo"}, HTTP_ACCEPT_LANGUAGE="en")
    assert_error(response, 401, "unauthenticated", UNAUTH_EN)


@pytest.mark.django_db
def test_unknown_token_is_401(client):
    assert_error(
        post_check(client, {"text": "halo"}, token="bjk_not-a-real-token"),
        401,
        "unauthenticated",
        UNAUTH_ID,
    )


@pytest.mark.django_db
def test_policy_requires_authentication(client):
    assert_error(client.get("/api/v1/policy"), 401, "unauthenticated", UNAUTH_ID)


@pytest.mark.django_db
def test_revoked_token_fails(client, employee, token):
    assert client.get("/api/v1/policy", **auth(token)).status_code == 200
    row = ApiToken.objects.get(user=employee)
    token_revoke(actor=employee, token=row)
    assert_error(client.get("/api/v1/policy", **auth(token)), 401, "unauthenticated", UNAUTH_ID)


@pytest.mark.django_db
def test_policy_returns_the_active_policy(client, token):
    response = client.get("/api/v1/policy", **auth(token))
    assert response.status_code == 200
    ids = [c["id"] for c in response.json()["clauses"]]
    assert "B.8" in ids and "C.6" in ids


@pytest.mark.django_db
def test_only_the_hash_of_a_token_is_stored_and_use_is_recorded(client, employee, token):
    row = ApiToken.objects.get(user=employee)
    assert token.startswith("bjk_") and row.prefix == token[:12]
    assert row.token_hash != token and len(row.token_hash) == 64
    assert token not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert row.last_used_at is None
    client.get("/api/v1/policy", **auth(token))
    row.refresh_from_db()
    assert row.last_used_at is not None


@pytest.mark.django_db
def test_token_create_and_revoke_are_audited(employee, token):
    row = ApiToken.objects.get(user=employee)
    token_revoke(actor=employee, token=row)
    actions = list(AuditEntry.objects.order_by("seq").values_list("action", "target_id", "data"))
    assert ("api_token.create", str(row.pk)) in [(a, t) for a, t, _d in actions]
    assert ("api_token.revoke", str(row.pk)) in [(a, t) for a, t, _d in actions]
    assert token not in json.dumps(actions)


@pytest.mark.django_db
def test_rate_limit_answers_429_with_retry_after(client, token, settings):
    settings.BIJAK_API_RATE_PER_MINUTE = 2
    assert client.get("/api/v1/policy", **auth(token)).status_code == 200
    assert client.get("/api/v1/policy", **auth(token)).status_code == 200
    response = client.get("/api/v1/policy", **auth(token))
    assert_error(
        response, 429, "rate_limited", "Terlalu banyak permintaan. Coba lagi sebentar lagi."
    )
    assert 1 <= int(response["Retry-After"]) <= 120
    response = client.get("/api/v1/policy", **auth(token, HTTP_ACCEPT_LANGUAGE="en"))
    assert_error(response, 429, "rate_limited", "Too many requests. Try again shortly.")


@pytest.mark.django_db
def test_rate_limit_is_per_token(client, employee, token, settings):
    settings.BIJAK_API_RATE_PER_MINUTE = 1
    _row, other = token_create(actor=employee, user=employee, name="bot", kind="integration")
    assert client.get("/api/v1/policy", **auth(token)).status_code == 200
    assert client.get("/api/v1/policy", **auth(token)).status_code == 429
    assert client.get("/api/v1/policy", **auth(other)).status_code == 200


@pytest.mark.django_db
def test_rate_window_slides_so_a_limit_is_not_doubled_at_the_boundary(employee, token):
    """Issue 8, defect 10: with a fixed one-minute window, the limit at the end of one minute and
    again at the start of the next passed (twice the limit in two seconds)."""
    from bijak.site.api.services import rate_hit

    row = ApiToken.objects.get(user=employee)
    t0 = 1_800_000_000.0  # start of a minute
    assert [rate_hit(token=row, limit=10, now=t0 + 59) for _ in range(10)] == [(True, 0)] * 10
    assert rate_hit(token=row, limit=10, now=t0 + 59.5) == (False, 7)
    # just past the boundary the last minute still weighs 59/60 of 10 requests: refused
    assert rate_hit(token=row, limit=10, now=t0 + 61) == (False, 5)
    # a tenth of the new minute gone: a tenth of the old count has slid out, one request fits
    assert rate_hit(token=row, limit=10, now=t0 + 66) == (True, 0)
    assert rate_hit(token=row, limit=10, now=t0 + 66) == (False, 6)
    assert rate_hit(token=row, limit=10, now=t0 + 72) == (True, 0)


@pytest.mark.django_db
def test_rate_window_for_a_limit_of_one(employee, token):
    from bijak.site.api.services import rate_hit

    row = ApiToken.objects.get(user=employee)
    t0 = 1_800_000_000.0
    assert rate_hit(token=row, limit=1, now=t0) == (True, 0)
    assert rate_hit(token=row, limit=1, now=t0 + 15) == (False, 105)
    assert rate_hit(token=row, limit=1, now=t0 + 119) == (False, 1)
    assert rate_hit(token=row, limit=1, now=t0 + 120) == (True, 0)


@pytest.mark.django_db
def test_tokens_per_user_are_capped(client, employee, settings, employee_client):
    """Issue 8, defect 10: a user could create tokens without limit."""
    from django.core.exceptions import ValidationError

    settings.BIJAK_API_TOKENS_PER_USER = 3
    first, _plain = token_create(actor=employee, user=employee, name="a", kind="user")
    token_create(actor=employee, user=employee, name="b", kind="user")
    token_create(actor=employee, user=employee, name="c", kind="user")
    with pytest.raises(ValidationError) as error:
        token_create(actor=employee, user=employee, name="d", kind="user")
    assert error.value.messages == [
        "Anda sudah memiliki 3 token aktif, batas per pengguna. Cabut token yang tidak dipakai "
        "lagi sebelum membuat yang baru."
    ]
    response = employee_client.post(
        "/api/token/", {"name": "e", "kind": "user"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert ApiToken.objects.filter(user=employee).count() == 3
    token_revoke(actor=employee, token=first)  # a revoked token frees its place
    token_create(actor=employee, user=employee, name="d", kind="user")
    assert ApiToken.objects.filter(user=employee, revoked_at=None).count() == 3


@pytest.mark.django_db
def test_token_names_are_checked_by_the_service_not_truncated(employee):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        token_create(actor=employee, user=employee, name="x" * 101, kind="integration")
    with pytest.raises(ValidationError):
        token_create(actor=employee, user=employee, name="bot\x00", kind="integration")
    assert not ApiToken.objects.filter(user=employee).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "content_type", "status", "code", "message"),
    [
        ("", "application/json", 400, "invalid_json", "Badan permintaan bukan JSON yang sah."),
        (
            "{not json",
            "application/json",
            400,
            "invalid_json",
            "Badan permintaan bukan JSON yang sah.",
        ),
        (
            b"\xff\xfe",
            "application/json",
            400,
            "invalid_json",
            "Badan permintaan bukan JSON yang sah.",
        ),
        (
            "[1, 2]",
            "application/json",
            400,
            "invalid_request",
            "Badan permintaan harus objek JSON.",
        ),
        (
            "{}",
            "application/json",
            400,
            "invalid_request",
            "Tulis dulu draf unggahan yang ingin dicek.",
        ),
        (
            '{"text": "   "}',
            "application/json",
            400,
            "invalid_request",
            "Tulis dulu draf unggahan yang ingin dicek.",
        ),
        (
            '{"text": 5}',
            "application/json",
            400,
            "invalid_request",
            "Tulis dulu draf unggahan yang ingin dicek.",
        ),
        (
            '{"text": "halo", "lang": "fr"}',
            "application/json",
            400,
            "invalid_request",
            "Kolom “lang” harus “id” atau “en”.",
        ),
        (
            "[" * 30_000 + "]" * 30_000,
            "application/json",
            400,
            "invalid_json",
            "Badan permintaan bukan JSON yang sah.",
        ),
        (
            "text=halo",
            "application/x-www-form-urlencoded",
            415,
            "unsupported_media_type",
            "Jenis isi harus application/json.",
        ),
        (
            '{"text": "halo"}',
            "text/plain",
            415,
            "unsupported_media_type",
            "Jenis isi harus application/json.",
        ),
    ],
)
def test_bad_bodies_get_the_error_shape(client, token, body, content_type, status, code, message):
    assert_error(
        post_check(client, body, token=token, content_type=content_type), status, code, message
    )


@pytest.mark.django_db
def test_invalid_field_is_named(client, token):
    error = assert_error(
        post_check(client, {"text": "halo", "platform": "myspace"}, token=token),
        400,
        "invalid_request",
    )
    assert error["field"] == "platform"
    assert (
        error["message"]
        == "Kolom “platform” harus salah satu dari: instagram, facebook, x, tiktok, youtube, whatsapp, lainnya."
    )


@pytest.mark.django_db
def test_oversized_text_is_413(client, token):
    error = assert_error(
        post_check(client, {"text": "a" * 5001}, token=token),
        413,
        "text_too_long",
        "Draf terlalu panjang: paling banyak 5000 karakter, draf ini 5001 karakter.",
    )
    assert error["field"] == "text"


@pytest.mark.django_db
def test_oversized_text_message_in_english(client, token):
    assert_error(
        post_check(client, {"text": "a" * 5001}, token=token, HTTP_ACCEPT_LANGUAGE="en"),
        413,
        "text_too_long",
        "The draft is too long: at most 5000 characters, this one has 5001.",
    )


@pytest.mark.django_db
def test_oversized_body_is_413(client, token):
    body = json.dumps({"text": "a", "padding": "x" * 70_000})
    assert_error(
        post_check(client, body, token=token),
        413,
        "body_too_large",
        "Badan permintaan terlalu besar: paling banyak 65536 bait.",
    )


@pytest.mark.django_db
def test_wrong_method_is_405(client, token):
    response = client.get("/api/v1/check", **auth(token))
    assert_error(
        response, 405, "method_not_allowed", "Metode HTTP ini tidak diizinkan untuk alamat ini."
    )
    assert response["Allow"] == "POST"


@pytest.mark.django_db
def test_unknown_endpoint_is_404(client, token):
    assert_error(
        client.get("/api/v1/nope", **auth(token)), 404, "not_found", "Alamat API tidak ditemukan."
    )


@pytest.mark.django_db
def test_openapi_schema_describes_every_endpoint(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"] == "3.1.0"
    assert set(schema["paths"]) == {"/api/v1/check", "/api/v1/policy", "/api/v1/complaints"}
    request = schema["components"]["schemas"]["ComplaintRequest"]
    assert (
        request["required"] == ["kind"]
        and "complaint_kinds" in request["properties"]["kind"]["description"]
    )
    assert (
        schema["components"]["schemas"]["CheckRequest"]["properties"]["text"]["maxLength"] == 5000
    )
    assert "429" in schema["paths"]["/api/v1/check"]["post"]["responses"]


@pytest.mark.django_db
def test_docs_page_lists_the_endpoints(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<code>POST /api/v1/check</code>" in html
    assert "<code>GET /api/v1/policy</code>" in html
    assert "Dokumentasi API v1" in html
    assert "https://" not in html.split("<main", 1)[1] or "cdn" not in html.lower()


@pytest.mark.django_db
def test_engine_failure_still_answers_the_error_shape(client, token, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("bijak.site.checks.services.analyze_draft", broken)
    response = post_check(client, {"text": "halo"}, token=token)
    assert_error(response, 500, "server_error", "Terjadi kesalahan di server.")


@pytest.mark.django_db
def test_a_check_report_is_never_cached(client, token):
    response = post_check(client, {"text": "Selamat pagi semua"}, token=token)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert response.json()["verdict"] == "aman"


@pytest.mark.django_db
def test_a_database_failure_answers_the_json_error_shape_not_an_html_page(client, token):
    """Issue 8, defect 3: while the database refused writes the API answered Django's HTML 500.
    A real database failure (the rate table is gone, rolled back after the test) must answer
    the documented JSON error."""
    from django.db import connection

    from bijak.site.api.models import RateWindow

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name(RateWindow._meta.db_table)}")
    response = client.get("/api/v1/policy", **auth(token))
    assert_error(response, 500, "server_error", "Terjadi kesalahan di server.")


@pytest.mark.django_db
def test_lang_null_is_refused_as_the_schema_says(client, token):
    """Issue 8, defect 10: the API accepted "lang": null against its own schema."""
    response = post_check(client, {"text": "halo", "lang": None}, token=token)
    error = assert_error(response, 400, "invalid_request", "Kolom “lang” harus “id” atau “en”.")
    assert error["field"] == "lang"
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["components"]["schemas"]["CheckRequest"]["properties"]["lang"]["type"] == "string"
    assert post_check(client, {"text": "halo"}, token=token).status_code == 200


def test_the_openapi_document_is_valid_and_every_reference_resolves(client):
    """Issue 8, defect 10: `#/$defs/...` references of the report schema pointed nowhere once
    the schema sat under components. openapi-spec-validator resolves each one."""
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    text = json.dumps(document)
    assert "#/$defs/" not in text
    schemas = document["components"]["schemas"]
    for ref in set(__import__("re").findall(r'"\$ref": "#/components/schemas/([^"]+)"', text)):
        assert ref in schemas, ref


@pytest.mark.django_db
def test_the_page_and_the_api_give_the_same_messages(client, token, employee_client):
    from bijak.site.checks.schema import platform_ids

    page = employee_client.post("/cek/", {"text": "halo", "platform": "myspace"}).content.decode()
    api = post_check(client, {"text": "halo", "platform": "myspace"}, token=token).json()
    assert api["error"]["message"] in page.replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert platform_ids() == [
        "instagram",
        "facebook",
        "x",
        "tiktok",
        "youtube",
        "whatsapp",
        "lainnya",
    ]
