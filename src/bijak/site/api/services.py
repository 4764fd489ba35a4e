"""Writes of the API app: creating and revoking tokens, and counting requests for the rate limit."""

from __future__ import annotations

import hashlib
import math
import secrets
import time
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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
    name = name.strip()
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise ValidationError(_("Nama token berisi karakter kendali yang tidak diizinkan."))
    if len(name) > ApiToken.NAME_MAX_CHARS:
        raise ValidationError(
            _("Nama token terlalu panjang: paling banyak %(max)s karakter.")
            % {"max": ApiToken.NAME_MAX_CHARS}
        )
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        # the owner's row is locked so two requests at once cannot both pass the cap
        get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
        cap = int(settings.BIJAK_API_TOKENS_PER_USER)
        if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= cap:
            raise ValidationError(
                _(
                    "Anda sudah memiliki %(max)s token aktif, batas per pengguna. Cabut token yang "
                    "tidak dipakai lagi sebelum membuat yang baru."
                )
                % {"max": cap}
            )
        token = ApiToken.objects.create(
            user=user,
            kind=kind,
            name=name,
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


def _rate_count(*, token: ApiToken, window: int) -> int:
    found = RateWindow.objects.filter(token=token, window=window).values_list("count", flat=True)
    return next(iter(found), 0)


def rate_hit(
    *, token: ApiToken, limit: int, window_s: int = 60, now: float | None = None
) -> tuple[bool, int]:
    """Count one request of `token` against a sliding window of `window_s` seconds (kept in the
    database, so every server process shares it).

    The sliding count is the current window's count plus the previous window's, weighted by the
    share of the previous window still inside the last `window_s` seconds (rounded up, so a
    burst at the end of one window and another at the start of the next cannot both pass: a
    fixed window let through twice the limit around its boundary).

    Returns (allowed, retry_after_seconds). A refused request is not counted. Counting is one
    statement (an UPSERT that counts only below the budget, SQLite 3.35+ and PostgreSQL); the
    previous window is closed, so reading it first cannot race.
    """
    if limit <= 0:  # BIJAK_API_RATE_PER_MINUTE=0: no limit
        return True, 0
    now = time.time() if now is None else now
    window = int(now // window_s)
    elapsed = (now - window * window_s) / window_s  # share of the current window gone, [0, 1)
    previous = _rate_count(token=token, window=window - 1)
    budget = limit - math.ceil(previous * (1 - elapsed) - 1e-9)
    row = None
    if budget > 0:
        with write_serialized(), connection.cursor() as cursor:
            cursor.execute(_rate_upsert_sql(), [token.pk, window, budget])
            row = cursor.fetchone()
    if row is None:  # over the limit: refused, not counted
        current = _rate_count(token=token, window=window)
        return False, _retry_after(
            previous=previous,
            current=current,
            limit=limit,
            window=window,
            window_s=window_s,
            now=now,
        )
    if row[0] == 1 and window % 10 == 0:  # a new window: now and then, forget old ones
        with write_serialized():
            RateWindow.objects.filter(token=token, window__lt=window - 1).delete()
    return True, 0


def _retry_after(
    *, previous: int, current: int, limit: int, window: int, window_s: int, now: float
) -> int:
    """Seconds until the sliding count falls below `limit` (no new request in between)."""
    start = window * window_s
    room = limit - current - 1  # what the weighted previous window may still weigh
    if room >= 0 and previous > 0:
        needed = 1 - room / previous  # share of this window that must pass
        if needed < 1:
            return max(1, math.ceil(start + needed * window_s - now))
    # not in this window: in the next one, this window's count is the one that fades
    needed = 1 - (limit - 1) / current if current else 0
    return max(1, math.ceil(start + window_s + max(0.0, needed) * window_s - now))
