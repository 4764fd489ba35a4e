"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def _nav(request: HttpRequest) -> dict[str, Any]:
    from bijak.site.checks.access import can_see_check_statistics
    from bijak.site.org import access

    user = getattr(request, "user", None)
    own = access.employee_of(user)
    return {
        "me": own.pk if own else None,
        "org": access.can_see_org(user),
        "import": access.can_import_employees(user),
        "manage": access.can_manage_org(user),
        "audit": access.can_read_audit(user),
        "check_stats": can_see_check_statistics(user),
    }


def site(request: HttpRequest) -> dict[str, Any]:
    """`site_name`, and `nav`: which role-specific menu entries this user may see (lazy)."""
    return {"site_name": settings.SITE_NAME, "nav": SimpleLazyObject(lambda: _nav(request))}
