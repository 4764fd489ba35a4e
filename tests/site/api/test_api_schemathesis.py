"""schemathesis, driven from its Python API against the live server over real HTTP with the
published OpenAPI schema: positive and negative cases, with and without a valid token, never
get a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from bijak.site.api.services import token_create


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_schemathesis_finds_no_server_error(live_server, django_user_model, settings):
    settings.BIJAK_API_RATE_PER_MINUTE = 0  # no limit for the fuzzer; the limit has its own tests
    user = django_user_model.objects.create_user(username="fuzz", password="bijak-test-pass")
    _row, token = token_create(actor=None, user=user)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    cases = st.one_of(
        schema.as_strategy(GenerationMode.POSITIVE), schema.as_strategy(GenerationMode.NEGATIVE)
    )
    seen: dict[int, int] = {}

    @given(case=cases, authed=st.booleans())
    @hsettings(
        max_examples=80,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def run(case, authed):
        headers = {"Authorization": f"Bearer {token}"} if authed else {}
        response = case.call(base_url=live_server.url, headers=headers, timeout=30)
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        assert response.status_code < 500, (case.method, case.path, case.body, response.text[:500])
        if response.status_code >= 400:
            body = response.json()
            assert set(body) == {"error"} and {"code", "message"} <= set(body["error"])

    run()
    assert 200 in seen and any(400 <= code < 500 for code in seen), seen
