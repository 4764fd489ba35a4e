"""Who may see and act on a case. Missing and forbidden answer the same 404.

- officers, auditors, administrators and the PPK see the cases of the employees they cover;
- unit heads see the cases of the employees in the units they head (superiors up the line);
- an employee sees their own cases; colleagues see nothing;
- acting follows the roles of the procedure file, computed per case by `case_roles_of`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from bijak.site.cases.models import Case
from bijak.site.org.access import (
    ADMIN,
    AUDITOR,
    OFFICER,
    PPK,
    UNIT_HEAD,
    _covered_unit_ids,
    employee_of,
)
from bijak.site.org.models import Employee, OrgUnit, RoleAssignment


def cases_visible_to(user: Any) -> QuerySet[Case]:
    cases = Case.objects.select_related("employee", "employee__unit")
    if not getattr(user, "is_authenticated", False):
        return cases.none()
    covered = _covered_unit_ids(user, {OFFICER, AUDITOR, ADMIN, PPK, UNIT_HEAD})
    if covered is None:
        return cases.all()
    own = employee_of(user)
    query = Q(employee__unit_id__in=covered)
    if own is not None:
        query |= Q(employee_id=own.pk)
    return cases.filter(query)


def access_case_by_id(user: Any, case_id: int | str) -> Case:
    try:
        return cases_visible_to(user).get(pk=int(case_id))
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_open_cases(user: Any) -> bool:
    covered = _covered_unit_ids(user, {OFFICER, ADMIN})
    return covered is None or bool(covered)


def superior_chain(employee: Employee) -> list[Any]:
    """Users heading the employee's unit and the units above it, nearest first (one per level,
    the employee themselves left out)."""
    units: dict[int, tuple[int | None]] = {
        pk: (parent,) for pk, parent in OrgUnit.objects.values_list("pk", "parent_id")
    }
    heads: dict[int, list[Any]] = {}
    for ra in RoleAssignment.objects.filter(role=UNIT_HEAD, unit__isnull=False).select_related(
        "user"
    ):
        if ra.unit_id is not None:
            heads.setdefault(ra.unit_id, []).append(ra.user)
    chain: list[Any] = []
    unit_id: int | None = employee.unit_id
    seen: set[int] = set()
    while unit_id is not None and unit_id not in seen:
        seen.add(unit_id)
        for user in sorted(heads.get(unit_id, []), key=lambda u: u.pk):
            if user.pk != employee.user_id and all(u.pk != user.pk for u in chain):
                chain.append(user)
                break
        unit_id = units.get(unit_id, (None,))[0]
    return chain


def _covers(user: Any, roles: set[str], unit_id: int) -> bool:
    covered = _covered_unit_ids(user, roles)
    return covered is None or unit_id in covered


def case_roles_of(user: Any, case: Case) -> set[str]:
    """The procedure roles `user` holds on `case`."""
    if not getattr(user, "is_authenticated", False):
        return set()
    roles: set[str] = set()
    if case.employee.user_id == user.pk:
        roles.add("employee")
    chain = superior_chain(case.employee)
    if chain and chain[0].pk == user.pk:
        roles.add("superior")
    if len(chain) > 1 and chain[1].pk == user.pk:
        roles.add("superior2")
    if _covers(user, {OFFICER}, case.employee.unit_id):
        roles.add("officer")
    if _covers(user, {PPK}, case.employee.unit_id):
        roles.add("ppk")
    return roles


def conflict_of_interest(user: Any, case: Case) -> bool:
    """True when `user` is the employee of the case, or the employee is one of `user`'s own
    superiors: such a user may not decide or move the case (only respond as the employee)."""
    if case.employee.user_id == user.pk:
        return True
    own = employee_of(user)
    if own is None or case.employee.user_id is None:
        return False
    return any(u.pk == case.employee.user_id for u in superior_chain(own))
