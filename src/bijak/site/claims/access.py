"""Who may see and change the site's knowledge base: officers and admins change it, auditors
read it; everyone else gets 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from bijak.site.claims.models import ClaimRecord
from bijak.site.org.access import ADMIN, AUDITOR, OFFICER, has_role


def can_edit_claims(user: Any) -> bool:
    return has_role(user, OFFICER, ADMIN)


def can_read_claims(user: Any) -> bool:
    return has_role(user, OFFICER, ADMIN, AUDITOR)


def access_claims_read(user: Any) -> None:
    if not can_read_claims(user):
        raise Http404


def access_claim_for_change(user: Any, claim_id: int) -> ClaimRecord:
    if not can_edit_claims(user):
        raise Http404
    try:
        return ClaimRecord.objects.get(pk=claim_id)
    except ClaimRecord.DoesNotExist:
        raise Http404 from None
