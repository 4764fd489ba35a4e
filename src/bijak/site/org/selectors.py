"""Reads of the organisation, always scoped by `bijak.site.org.access`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from bijak.site.org.access import employees_visible_to, units_visible_to
from bijak.site.org.models import Employee, ImportBatch, OrgUnit, RoleAssignment


@dataclass(frozen=True)
class UnitRow:
    unit: OrgUnit
    depth: int
    employee_count: int


def unit_tree_for(user: Any) -> list[UnitRow]:
    """Visible units in tree order (parents before children), with their depth and staff count."""
    units = list(units_visible_to(user).annotate(staff=Count("employees")))
    by_parent: dict[int | None, list[OrgUnit]] = {}
    ids = {u.pk for u in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        by_parent.setdefault(parent, []).append(unit)
    rows: list[UnitRow] = []

    def walk(parent: int | None, depth: int) -> None:
        for unit in sorted(by_parent.get(parent, []), key=lambda u: u.code):
            rows.append(UnitRow(unit=unit, depth=depth, employee_count=unit.staff))  # type: ignore[attr-defined]
            walk(unit.pk, depth + 1)

    walk(None, 0)
    return rows


def unit_children_for(user: Any, unit: OrgUnit) -> QuerySet[OrgUnit]:
    return units_visible_to(user).filter(parent=unit).order_by("code")


def unit_staff_for(user: Any, unit: OrgUnit) -> QuerySet[Employee]:
    return employees_visible_to(user).filter(unit=unit).order_by("name")


def unit_role_holders(unit: OrgUnit) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(unit=unit).select_related("user").order_by("role")


def employee_list_for(
    user: Any, *, query: str = "", unit_id: int | None = None
) -> QuerySet[Employee]:
    employees = employees_visible_to(user)
    if query:
        employees = employees.filter(
            Q(name__icontains=query) | Q(nip__startswith=query) | Q(position__icontains=query)
        )
    if unit_id is not None:
        employees = employees.filter(unit_id=unit_id)
    return employees.order_by("name", "nip")


def role_assignment_list() -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.select_related("user", "unit").order_by("user__username", "role")


def import_batches_of(user: Any) -> QuerySet[ImportBatch]:
    """The user's own uploads, newest first (the rows themselves are not loaded)."""
    return ImportBatch.objects.filter(created_by=user).defer("rows").order_by("-created_at", "-pk")
