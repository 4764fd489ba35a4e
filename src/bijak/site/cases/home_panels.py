"""Home panels of cases: the officer's queue (overdue, due this week) and, for unit heads, the
cases of their subordinates that wait on them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bijak.site.ui.panels import HomePanel, NextAction, register


def _queue_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.cases.access import can_open_cases, cases_visible_to
    from bijak.site.cases.selectors import cases_summary

    if not can_open_cases(request.user):
        return None
    summary = cases_summary(cases_visible_to(request.user))
    actions = []
    if summary["overdue"]:
        actions.append(
            NextAction(
                text=ngettext(
                    "%(n)d perkara lewat tenggat.",
                    "%(n)d perkara lewat tenggat.",
                    summary["overdue"],
                )
                % {"n": summary["overdue"]},
                url=reverse("cases:list"),
                label=_("Lihat perkara"),
                urgency=10,
            )
        )
    return {"summary": summary, "next_actions": actions}


def _waiting_context(waiting: list[Any], text: str) -> dict[str, Any] | None:
    """A panel listing the cases that wait on this user, with one next action."""
    if not waiting:
        return None
    return {
        "waiting": waiting[:5],
        "next_actions": [
            NextAction(
                text=text % {"n": len(waiting)},
                url=reverse("cases:list"),
                label=_("Tindak lanjuti"),
                urgency=15,
            )
        ],
    }


def _unit_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.cases.access import case_roles_of, cases_visible_to

    waiting = [
        c
        for c in cases_visible_to(request.user).exclude(state="closed")[:50]
        if {"superior", "superior2"} & case_roles_of(request.user, c)
    ]
    return _waiting_context(
        waiting,
        ngettext(
            "%(n)d perkara disiplin bawahan menunggu tindakan Anda.",
            "%(n)d perkara disiplin bawahan menunggu tindakan Anda.",
            len(waiting),
        ),
    )


def _ppk_context(request: HttpRequest) -> dict[str, Any] | None:
    """The cases waiting on the PPK: the next step of their current state is the PPK's."""
    from bijak.site.cases.access import case_roles_of, cases_visible_to
    from bijak.site.cases.procedure import procedure_shipped

    procedure = procedure_shipped()
    states = {
        state.id
        for state in procedure.states
        if any("ppk" in t.by for t in procedure.transitions_from(state.id))
    }
    waiting = [
        c
        for c in cases_visible_to(request.user).filter(state__in=states)[:50]
        if "ppk" in case_roles_of(request.user, c)
    ]
    return _waiting_context(
        waiting,
        ngettext(
            "%(n)d perkara disiplin menunggu keputusan PPK.",
            "%(n)d perkara disiplin menunggu keputusan PPK.",
            len(waiting),
        ),
    )


register(
    HomePanel(
        id="cases.queue",
        roles=frozenset({"officer", "admin"}),
        title=_("Perkara disiplin"),
        template="cases/_panel_queue.html",
        context=_queue_context,
        order=36,
    )
)
register(
    HomePanel(
        id="cases.unit",
        roles=frozenset({"unit_head"}),
        title=_("Perkara bawahan"),
        template="cases/_panel_unit.html",
        context=_unit_context,
        order=37,
    )
)
register(
    HomePanel(
        id="cases.ppk",
        roles=frozenset({"ppk"}),
        title=_("Perkara menunggu PPK"),
        template="cases/_panel_ppk.html",
        context=_ppk_context,
        order=37,
    )
)
