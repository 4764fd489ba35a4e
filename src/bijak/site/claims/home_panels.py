"""Home panel of the knowledge base for officers and admins."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from bijak.site.ui.panels import HomePanel, register


def _context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.engine.claims import load_default_kb
    from bijak.site.claims.access import can_edit_claims
    from bijak.site.claims.models import ClaimRecord

    if not can_edit_claims(request.user):
        return None
    return {
        "shipped": len(load_default_kb()),
        "site": ClaimRecord.objects.filter(active=True).count(),
    }


register(
    HomePanel(
        id="claims.kb",
        roles=frozenset({"officer", "admin"}),
        order=70,
        template="claims/_panel.html",
        context=_context,
    )
)
