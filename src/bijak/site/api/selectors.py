"""Reads of the API app."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import QuerySet

from bijak.site.api.models import ApiToken
from bijak.site.api.services import token_hash


def token_for_plaintext(*, plaintext: str) -> ApiToken | None:
    """The active token with this plaintext, or None (unknown or revoked)."""
    if not plaintext:
        return None
    # Hand-written SQL: on every API request, building the ORM query cost more than running it.
    found = list(ApiToken.objects.raw(_token_sql(), [token_hash(plaintext)]))
    return found[0] if found else None


@cache
def _token_sql() -> str:
    q = connection.ops.quote_name  # identifiers from the models only; the hash is a parameter
    token, user = q(ApiToken._meta.db_table), q(get_user_model()._meta.db_table)
    fields = ", ".join(f"{token}.{q(str(f.column))}" for f in ApiToken._meta.concrete_fields)
    join = f"{user}.{q('id')} = {token}.{q('user_id')}"
    return (
        f"SELECT {fields} FROM {token} INNER JOIN {user} ON {join} "  # noqa: S608
        f"WHERE {token}.{q('token_hash')} = %s AND {token}.{q('revoked_at')} IS NULL "
        f"AND {user}.{q('is_active')}"
    )


def tokens_for_user(*, user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
