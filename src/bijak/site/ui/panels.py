"""The registry of home panels: what each role sees on its home page (`/`).

An app adds a panel once, from its AppConfig.ready():

    from bijak.site.ui.panels import HomePanel, register
    register(HomePanel(id="cases.unit", roles={"unit_head"}, order=20,
                       template="cases/_home_panel.html", context=cases_home_context))

`context(request)` returns the template context of the panel, or None to hide it (nothing to
show). A panel may put `next_actions` in its context: a list of `NextAction`; the home page shows
the most urgent of all panels first. Panels must only read (selectors) and must apply the
app's own access_* checks: the role filter below only chooses whose home shows the panel.

Reserved ids for the apps of the next wave (see docs/design-system.md):
`dissemination.acknowledge` (employee), `dissemination.coverage` (unit_head),
`complaints.mine` (employee), `monitoring.queue` (officer), `cases.unit` (unit_head),
`cases.queue` (officer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

ROLES = ("employee", "unit_head", "officer", "auditor", "admin", "ppk")
ANY_USER = "*"  # any logged-in user, whatever their roles

RESERVED_SLOTS = {
    "dissemination.acknowledge": "employee",
    "dissemination.coverage": "unit_head",
    "complaints.mine": "employee",
    "monitoring.queue": "officer",
    "cases.unit": "unit_head",
    "cases.queue": "officer",
}


@dataclass(frozen=True)
class NextAction:
    """One thing the user should do next, most urgent first (lower `urgency` first)."""

    text: str
    url: str
    label: str
    urgency: int = 50


@dataclass(frozen=True)
class HomePanel:
    id: str
    roles: frozenset[str]
    order: int
    template: str
    context: Callable[[HttpRequest], dict[str, Any] | None]
    title: str = ""


@dataclass
class RenderedPanel:
    panel: HomePanel
    context: dict[str, Any] = field(default_factory=dict)


_registry: dict[str, HomePanel] = {}


def register(panel: HomePanel) -> HomePanel:
    """Add (or replace, by id) a panel. Unknown role names are a programming error."""
    unknown = set(panel.roles) - set(ROLES) - {ANY_USER}
    if unknown:
        raise ValueError(f"home panel {panel.id}: unknown roles {sorted(unknown)}")
    _registry[panel.id] = panel
    return panel


def unregister(panel_id: str) -> None:
    _registry.pop(panel_id, None)


def registered() -> list[HomePanel]:
    return sorted(_registry.values(), key=lambda p: (p.order, p.id))


def panels_for(request: HttpRequest, roles: Iterable[str]) -> list[RenderedPanel]:
    """The panels this user's roles see, in order, each with its context (hidden ones dropped)."""
    held = set(roles)
    shown = []
    for panel in registered():
        if ANY_USER not in panel.roles and not (panel.roles & held):
            continue
        context = panel.context(request)
        if context is None:
            continue
        shown.append(RenderedPanel(panel, context))
    return shown


def next_actions(panels: Iterable[RenderedPanel]) -> list[NextAction]:
    actions: list[NextAction] = []
    for rendered in panels:
        actions.extend(rendered.context.get("next_actions", ()))
    return sorted(actions, key=lambda a: a.urgency)
