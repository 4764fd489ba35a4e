"""Writes of the API app: creating and revoking tokens, and counting requests for the rate limit."""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
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


def rate_hit(
    *, token: ApiToken, limit: int, window_s: int = 60, now: float | None = None
) -> tuple[bool, int]:
    """Count one request of `token` in the current fixed window (kept in the database, so every
    server process shares it).

    Returns (allowed, retry_after_seconds). A request past `limit` in the window is refused and
    not counted.
    """
    if limit <= 0:  # BIJAK_API_RATE_PER_MINUTE=0: no limit
        return True, 0
    now = time.time() if now is None else now
    window = int(now // window_s)
    retry_after = max(1, int((window + 1) * window_s - now + 0.999))
    with write_serialized(), transaction.atomic():
        rows = RateWindow.objects.filter(token=token, window=window, count__lt=limit).update(
            count=F("count") + 1
        )
        if rows:
            return True, 0
        if RateWindow.objects.filter(token=token, window=window).exists():
            return False, retry_after
        try:
            with transaction.atomic():
                RateWindow.objects.create(token=token, window=window, count=1)
        except IntegrityError:  # a parallel request opened the window first
            rows = RateWindow.objects.filter(token=token, window=window, count__lt=limit).update(
                count=F("count") + 1
            )
            return (True, 0) if rows else (False, retry_after)
        if window % 10 == 0:  # now and then, forget old windows
            RateWindow.objects.filter(token=token, window__lt=window - 1).delete()
    return True, 0
