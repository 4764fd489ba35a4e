"""Who may see a kept draft: only its owner. Missing and forbidden both answer 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from bijak.site.checks.models import SavedCheck
from bijak.site.org.access import access_own_object_by_id


def access_saved_check_by_id(user: Any, saved_id: int) -> SavedCheck:
    return access_own_object_by_id(user, SavedCheck.objects.all(), saved_id, owner_field="owner_id")


def can_see_check_statistics(user: Any) -> bool:
    """The anonymous per-clause daily counts: organisation-wide officers, auditors and admins."""
    from bijak.site.org.access import ADMIN, AUDITOR, OFFICER, has_org_wide_role

    return bool(getattr(user, "is_authenticated", False)) and has_org_wide_role(
        user, OFFICER, AUDITOR, ADMIN
    )


def access_check_statistics(user: Any) -> None:
    """404 unless the user may see the per-clause daily counts."""
    if not can_see_check_statistics(user):
        raise Http404
