"""Site-wide pages: the home of each role (panels from bijak.site.ui.panels)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bijak.site.ui.panels import next_actions, panels_for


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "home.html", {"panels": [], "next": None})
    from bijak.site.audit.present import ROLE_LABELS
    from bijak.site.org.access import user_roles

    roles = user_roles(request.user)
    panels = panels_for(request, roles)
    actions = next_actions(panels)
    return render(
        request,
        "home.html",
        {
            "panels": panels,
            "next": actions[0] if actions else None,
            "more_actions": actions[1:3],
            "role_names": [
                str(ROLE_LABELS[r])
                for r in ("employee", "unit_head", "officer", "auditor", "admin", "ppk")
                if r in roles
            ],
        },
    )
