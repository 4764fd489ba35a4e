"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
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
        # "Token API" only for those who need it: integrators (officers, admins) and anyone
        # who already made a token; everyone else reaches it from the API docs.
        "api": bool(
            user is not None
            and user.is_authenticated
            and (access.has_role(user, "officer", "admin") or user.api_tokens.exists())
        ),
        "monitoring_desk": _monitoring_desk(user),
    }


def _monitoring_desk(user: Any) -> bool:
    from bijak.site.monitoring.access import can_read_desk

    return can_read_desk(user)


def agency() -> dict[str, Any]:
    """The agency's identity, from settings (BIJAK_AGENCY_*), with a neutral default."""
    name = getattr(settings, "BIJAK_AGENCY_NAME", "")
    short = getattr(settings, "BIJAK_AGENCY_SHORT_NAME", "") or name
    logo = getattr(settings, "BIJAK_AGENCY_LOGO", "") or "bijak/logo.svg"
    return {
        "name": name,
        "short_name": short,
        "app_name": settings.SITE_NAME,
        "title_suffix": f"{settings.SITE_NAME} · {short}" if short else settings.SITE_NAME,
        "logo_url": logo if logo.startswith("/") else static(logo),
    }


def site(request: HttpRequest) -> dict[str, Any]:
    """`site_name`, `agency` (identity), and `nav`: which menu entries this user may see (lazy)."""
    return {
        "site_name": settings.SITE_NAME,
        "agency": agency(),
        "nav": SimpleLazyObject(lambda: _nav(request)),
    }
