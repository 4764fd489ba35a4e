"""Home panels of dissemination (the slots reserved in bijak.site.ui.panels): the employee's
campaigns to acknowledge, and the unit head's coverage with late staff."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bijak.site.ui.panels import HomePanel, NextAction, register
from bijak.site.ui.templatetags.bijak_ui import tanggal


def _acknowledge_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.dissemination.selectors import assignments_of

    mine = list(assignments_of(request.user))
    if not mine:
        return None
    today = timezone.localdate()
    open_ = [a for a in mine if not a.done]  # type: ignore[attr-defined]
    actions = [
        NextAction(
            text=_("Baca tata tertib dan nyatakan memahami: %(title)s (tenggat %(due)s).")
            % {"title": a.campaign.title, "due": tanggal(a.due_date)},
            url=reverse("dissemination:task", args=[a.token]),
            label=_("Buka tugas"),
            urgency=5 if a.due_date < today else 15,
        )
        for a in open_[:3]
    ]
    return {"mine": mine, "today": today, "next_actions": actions}


def _coverage_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.dissemination.access import campaigns_visible_to
    from bijak.site.dissemination.selectors import campaign_coverage

    open_campaigns = [c for c in campaigns_visible_to(request.user) if c.closed_at is None]
    if not open_campaigns:
        return None
    campaign = open_campaigns[0]
    coverage = campaign_coverage(user=request.user, campaign=campaign, overdue_limit=5)
    actions = []
    if coverage.total.overdue:
        actions.append(
            NextAction(
                text=ngettext(
                    "%(n)d pegawai unit Anda terlambat menyatakan memahami tata tertib.",
                    "%(n)d pegawai unit Anda terlambat menyatakan memahami tata tertib.",
                    coverage.total.overdue,
                )
                % {"n": coverage.total.overdue},
                url=reverse("dissemination:campaign", args=[campaign.pk]),
                label=_("Lihat cakupan"),
                urgency=10,
            )
        )
    return {"campaign": campaign, "coverage": coverage, "next_actions": actions}


def register_panels() -> None:
    register(
        HomePanel(
            id="dissemination.acknowledge",
            roles=frozenset({"employee"}),
            order=5,
            template="dissemination/_panel_acknowledge.html",
            context=_acknowledge_context,
        )
    )
    register(
        HomePanel(
            id="dissemination.coverage",
            roles=frozenset({"unit_head"}),
            order=15,
            template="dissemination/_panel_coverage.html",
            context=_coverage_context,
        )
    )
