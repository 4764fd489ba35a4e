"""The monitoring panel of an officer's home page (`monitoring.queue`): the review queue and
its ages. Read-only; uses this app's selectors and access."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bijak.site.ui.panels import HomePanel, NextAction, register


def _queue_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.monitoring import access, selectors

    if not access.can_review(request.user):
        return None
    stats = selectors.desk_stats(user=request.user)
    actions = []
    if stats.unclaimed:
        actions.append(
            NextAction(
                text=ngettext(
                    "%(n)d temuan menunggu ditinjau.",
                    "%(n)d temuan menunggu ditinjau.",
                    stats.unclaimed,
                )
                % {"n": stats.unclaimed},
                url=reverse("monitoring:desk"),
                label=_("Buka meja tinjau"),
                urgency=15,
            )
        )
    return {"stats": stats, "next_actions": actions}


def register_panels() -> None:
    register(
        HomePanel(
            id="monitoring.queue",
            roles=frozenset({"officer"}),
            order=25,
            template="monitoring/_panel_queue.html",
            context=_queue_context,
        )
    )
