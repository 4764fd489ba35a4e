"""Sliding-window limits for the anonymous complaint form and ticket look-ups, kept in the
database so they hold across server processes (and survive a restart). Addresses are stored
only as keyed hashes."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from bijak.site.complaints.models import IntakeHit


def client_key(value: str) -> str:
    """A keyed hash of an IP address or ticket key (the raw value is never stored)."""
    return hmac.new(
        settings.SECRET_KEY.encode("utf-8"), value.encode("utf-8"), hashlib.sha256
    ).hexdigest()


@transaction.atomic
def hit_allowed(*, scope: str, key: str, limit: int, window_s: int) -> bool:
    """Count one attempt for (scope, key); False when ``limit`` attempts were already made in
    the last ``window_s`` seconds (the refused attempt is not counted)."""
    now = timezone.now()
    since = now - timedelta(seconds=window_s)
    hashed = client_key(key)
    recent = IntakeHit.objects.filter(scope=scope, key=hashed, at__gte=since).count()
    if recent >= limit:
        return False
    IntakeHit.objects.create(scope=scope, key=hashed, at=now)
    if recent == 0:  # now and then, forget old attempts
        IntakeHit.objects.filter(at__lt=now - timedelta(days=1)).delete()
    return True
