"""Reads of the API app."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from bijak.site.api.models import ApiToken
from bijak.site.api.services import token_hash


def token_for_plaintext(*, plaintext: str) -> ApiToken | None:
    """The active token with this plaintext, or None (unknown or revoked)."""
    if not plaintext:
        return None
    try:
        return ApiToken.objects.select_related("user").get(
            token_hash=token_hash(plaintext), revoked_at__isnull=True, user__is_active=True
        )
    except ApiToken.DoesNotExist:
        return None


def tokens_for_user(*, user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
