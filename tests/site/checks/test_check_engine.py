"""The check page and the API with the real engine and the shipped policy (invented drafts)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from bijak.engine.report import report_schema
from bijak.site.api.services import token_create

BAD = "Dasar IDI organisasi profesi goblok! NIK saya 3174012503900007 tolong bantu"
GOOD = "Selamat pagi, jangan lupa cuci tangan pakai sabun ya. Sumber: Kemenkes."
ADVICE_A2 = (
    "Hapus NIK, nomor telepon, alamat, data pasien, dan isi dokumen bertanda rahasia atau "
    "&quot;draf&quot; dari unggahan."
)
ADVICE_B8 = "Hapus ejekan dan sebutan merendahkan terhadap rekan, profesi, atau instansi."


@pytest.mark.django_db
def test_page_flags_nik_and_insult_with_advice(employee_client):
    html = employee_client.post("/cek/", {"text": BAD}).content.decode()
    result = html.split('id="result"', 1)[1]
    assert 'data-verdict="langgar">Kemungkinan melanggar</span>' in result
    assert 'data-clause="A.2"' in result and 'data-clause="B.8"' in result
    assert ADVICE_A2 in result and ADVICE_B8 in result
    assert ">3174********0007</mark>" in result
    assert "3174012503900007" not in result
    assert 'data-categories="penghinaan' in result or 'penghinaan"' in result


@pytest.mark.django_db
def test_page_says_aman_for_a_fine_draft(employee_client):
    html = employee_client.post("/cek/", {"text": GOOD}).content.decode()
    assert 'data-verdict="aman">Aman</span>' in html
    assert "<mark" not in html.split('id="result"', 1)[1]
    for cid in ("C.1", "C.2", "C.3", "C.4", "C.5", "C.6"):
        assert f"<strong>{cid}</strong>" in html


@pytest.mark.django_db
def test_html_injection_in_a_draft_is_escaped(employee_client):
    draft = '<script>alert("bijak")</script><img src=x onerror=alert(1)> dasar goblok'
    html = employee_client.post("/cek/", {"text": draft}).content.decode()
    result = html.split('id="result"', 1)[1]
    assert "<script>alert" not in result and "<img src=x" not in result
    assert (
        '<div class="draft" data-testid="highlighted">&lt;script&gt;alert(&quot;bijak&quot;)&lt;/script&gt;&lt;img src='
        in result
    )
    assert " onerror=alert(1)&gt; " in result


@pytest.mark.django_db
def test_api_check_returns_the_engine_report(client, employee):
    _row, token = token_create(actor=employee, user=employee)
    response = client.post(
        "/api/v1/check",
        data=json.dumps({"text": BAD, "platform": "x"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200
    body = response.json()
    jsonschema.validate(body, report_schema())
    assert body["verdict"] == "langgar" and body["platform"] == "x"
    assert {"A.2", "B.8"} <= {c["id"] for c in body["clauses"] if c["verdict"] != "aman"}
    assert "3174012503900007" not in response.content.decode()


@pytest.mark.django_db
def test_api_check_explains_in_english_on_request(client, employee):
    _row, token = token_create(actor=employee, user=employee)
    response = client.post(
        "/api/v1/check",
        data=json.dumps({"text": BAD, "lang": "en"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    b8 = next(c for c in response.json()["clauses"] if c["id"] == "B.8")
    assert b8["advice"].startswith("Remove mockery and demeaning labels")
