"""Writes of the API app: creating and revoking tokens, and counting requests for the rate limit."""

from __future__ import annotations

import hashlib
import secrets
import time
from functools import cache
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from bijak.site.api.models import ApiToken, RateWindow
from bijak.site.audit.services import audit_record
from bijak.site.checks.writelock import write_serialized

TOKEN_PREFIX = "bjk_"  # noqa: S105 - a marker, not a secret
PREFIX_LEN = 12  # "bjk_" + 8 random characters shown in lists
LAST_USED_EVERY_S = 60  # last_used_at is refreshed at most once a minute (one write less per call)


def token_hash(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def token_create(
    *, actor: Any | None, user: Any, name: str = "", kind: str = ApiToken.KIND_USER
) -> tuple[ApiToken, str]:
    """Create a token for `user` (a personal one, or one for an integration named `name`).

    Returns the token row and its plaintext; the plaintext is not stored and cannot be shown again.
    """
    if kind not in (ApiToken.KIND_USER, ApiToken.KIND_INTEGRATION):
        raise ValueError(f"unknown token kind {kind!r}")
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            kind=kind,
            name=name.strip()[:100],
            prefix=plaintext[:PREFIX_LEN],
            token_hash=token_hash(plaintext),
        )
        audit_record(
            actor=actor,
            action="api_token.create",
            target_type="api.ApiToken",
            target_id=token.pk,
            data={"user": user.username, "kind": kind, "name": token.name, "prefix": token.prefix},
        )
    return token, plaintext


def token_revoke(*, actor: Any | None, token: ApiToken) -> ApiToken:
    """Revoke a token; it answers 401 from then on. Revoking twice changes nothing."""
    with transaction.atomic():
        if token.revoked_at is not None:
            return token
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action="api_token.revoke",
            target_type="api.ApiToken",
            target_id=token.pk,
            data={"prefix": token.prefix},
        )
    return token


def token_touch(*, token: ApiToken) -> None:
    """Record that a token was used (at most once a minute, not audited: it is not a change of state)."""
    now = timezone.now()
    if (
        token.last_used_at is None
        or (now - token.last_used_at).total_seconds() >= LAST_USED_EVERY_S
    ):
        with write_serialized():
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


@cache
def _rate_upsert_sql() -> str:
    """Open the window with 1, or add 1 while below the limit; returns the count, or no row."""
    q = connection.ops.quote_name  # identifiers from the model only; values are parameters
    table, token, window, count = (
        q(n) for n in (RateWindow._meta.db_table, "token_id", "window", "count")
    )
    return (
        f"INSERT INTO {table} ({token}, {window}, {count}) VALUES (%s, %s, 1) "  # noqa: S608
        f"ON CONFLICT ({token}, {window}) DO UPDATE SET {count} = {table}.{count} + 1 "
        f"WHERE {table}.{count} < %s RETURNING {count}"
    )


def rate_hit(
    *, token: ApiToken, limit: int, window_s: int = 60, now: float | None = None
) -> tuple[bool, int]:
    """Count one request of `token` in the current fixed window (kept in the database, so every
    server process shares it).

    Returns (allowed, retry_after_seconds). A request past `limit` in the window is refused and
    not counted. One statement (an UPSERT that counts only below the limit, SQLite 3.35+ and
    PostgreSQL), atomic on its own: opening the window and counting cannot race.
    """
    if limit <= 0:  # BIJAK_API_RATE_PER_MINUTE=0: no limit
        return True, 0
    now = time.time() if now is None else now
    window = int(now // window_s)
    with write_serialized(), connection.cursor() as cursor:
        cursor.execute(_rate_upsert_sql(), [token.pk, window, limit])
        row = cursor.fetchone()
    if row is None:  # the window is full: refused, not counted
        return False, max(1, int((window + 1) * window_s - now + 0.999))
    if row[0] == 1 and window % 10 == 0:  # a new window: now and then, forget old ones
        with write_serialized():
            RateWindow.objects.filter(token=token, window__lt=window - 1).delete()
    return True, 0
