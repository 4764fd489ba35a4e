"""Home panels of complaints: the officer's queue with its ages; staff's own complaints."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bijak.site.ui.panels import HomePanel, NextAction, register


def _queue_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.complaints.access import can_handle_complaints
    from bijak.site.complaints.selectors import open_counts

    if not can_handle_complaints(request.user):
        return None
    counts = open_counts()
    waiting = counts["received"]["count"]
    actions = []
    if waiting:
        actions.append(
            NextAction(
                text=ngettext(
                    "%(n)d aduan baru menunggu telaah.",
                    "%(n)d aduan baru menunggu telaah.",
                    waiting,
                )
                % {"n": waiting},
                url=reverse("complaints:queue") + "?status=received",
                label=_("Telaah aduan"),
                urgency=10 if (counts["received"]["oldest_days"] or 0) >= 2 else 30,
            )
        )
    return {"counts": counts, "next_actions": actions}


def _mine_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.complaints.selectors import complaints_of_reporter

    mine = list(complaints_of_reporter(request.user)[:5])
    return {
        "mine": mine,
        "next_actions": [
            NextAction(
                text=_("Menemukan hoaks, judi online atau konten negatif lain? Adukan di sini."),
                url=reverse("complaints:intake"),
                label=_("Buat aduan"),
                urgency=95,
            )
        ],
    }


register(
    HomePanel(
        id="complaints.queue",
        roles=frozenset({"officer", "admin"}),
        title=_("Antrean aduan"),
        template="complaints/_panel_queue.html",
        context=_queue_context,
        order=35,
    )
)
register(
    HomePanel(
        id="complaints.mine",
        roles=frozenset({"*"}),
        title=_("Aduan saya"),
        template="complaints/_panel_mine.html",
        context=_mine_context,
        order=80,
    )
)
