"""Who may see and do what: the only place the site decides permissions (zulip's `access_*`).

Rules:
- a missing object and a forbidden one answer the same `Http404`, so nobody learns what exists;
- officer / auditor / admin held with `unit=None` cover the whole organisation; held for a unit
  they cover that unit and its sub-units;
- each right is checked against the grants that give it, never against everything the user may
  see: reading (`*_visible_to`, `access_*_by_id`) comes from any overseeing grant, acting on staff
  (edit, invite, import: `*_changeable_by`, `access_*_for_change`) only from officer and admin
  grants, within their own subtrees. A user who is officer of one unit and head of another acts
  only in the first;
- a unit head covers the unit and its sub-units;
- an employee sees only their own record;
- a superuser counts as an organisation-wide admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

from bijak.site.org.models import Employee, ImportBatch, OrgUnit, Role, RoleAssignment

_Model = TypeVar("_Model", bound=Model)

EMPLOYEE = Role.EMPLOYEE.value
UNIT_HEAD = Role.UNIT_HEAD.value
OFFICER = Role.OFFICER.value
AUDITOR = Role.AUDITOR.value
ADMIN = Role.ADMIN.value
PPK = Role.PPK.value
# Roles whose holders may see the organisation beyond themselves.
OVERSEEING_ROLES = frozenset({UNIT_HEAD, OFFICER, AUDITOR, ADMIN, PPK})
# Roles whose holders may change staff records (edit, invite, import) in the units they cover.
STAFF_CHANGING_ROLES = frozenset({OFFICER, ADMIN})


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int | None  # None: the whole organisation


def _authenticated(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def user_grants(user: Any) -> tuple[Grant, ...]:
    """Every (role, unit) the user holds; cached on the user object for the request."""
    if not _authenticated(user):
        return ()
    cached: tuple[Grant, ...] | None = getattr(user, "_bijak_grants", None)
    if cached is not None:
        return cached
    grants = [
        Grant(role=r.role, unit_id=r.unit_id)
        for r in RoleAssignment.objects.filter(user=user).only("role", "unit_id")
    ]
    employee = employee_of(user)
    if employee is not None:
        grants.append(Grant(role=EMPLOYEE, unit_id=employee.unit_id))
    if user.is_superuser:
        grants.append(Grant(role=ADMIN, unit_id=None))
    result = tuple(dict.fromkeys(grants))
    user._bijak_grants = result
    return result


def user_roles(user: Any) -> frozenset[str]:
    """The role names the user holds anywhere: subset of employee/unit_head/officer/auditor/admin."""
    return frozenset(g.role for g in user_grants(user))


def employee_of(user: Any) -> Employee | None:
    """The user's own Employee record, or None."""
    if not _authenticated(user):
        return None
    try:
        return Employee.objects.select_related("unit").get(user=user)
    except Employee.DoesNotExist:
        return None


def has_role(user: Any, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def has_org_wide_role(user: Any, *roles: str) -> bool:
    return any(g.role in roles and g.unit_id is None for g in user_grants(user))


def _descendant_ids(root_ids: set[int]) -> set[int]:
    """The given units and all units below them (one query over the parent links)."""
    if not root_ids:
        return set()
    children: dict[int | None, list[int]] = {}
    for unit_id, parent_id in OrgUnit.objects.values_list("id", "parent_id"):
        children.setdefault(parent_id, []).append(unit_id)
    seen: set[int] = set()
    stack = list(root_ids)
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(children.get(current, ()))
    return seen


def unit_subtree_ids(unit: OrgUnit | int) -> set[int]:
    """The unit's id and the ids of every unit below it."""
    return _descendant_ids({unit if isinstance(unit, int) else unit.pk})


def _covered_unit_ids(user: Any, roles: frozenset[str] | set[str]) -> set[int] | None:
    """Unit ids covered by the user's grants of `roles`; None means the whole organisation."""
    roots: set[int] = set()
    for grant in user_grants(user):
        if grant.role not in roles:
            continue
        if grant.unit_id is None:
            return None
        roots.add(grant.unit_id)
    return _descendant_ids(roots)


def units_visible_to(user: Any) -> QuerySet[OrgUnit]:
    """Units the user may look at: their covered subtrees, everything when org-wide, else none."""
    covered = _covered_unit_ids(user, OVERSEEING_ROLES)
    units = OrgUnit.objects.select_related("parent")
    if covered is None:
        return units.all()
    return units.filter(pk__in=covered)


def employees_visible_to(user: Any) -> QuerySet[Employee]:
    """Employees the user may look at: those of covered units, plus always their own record."""
    employees = Employee.objects.select_related("unit", "user")
    if not _authenticated(user):
        return employees.none()
    covered = _covered_unit_ids(user, OVERSEEING_ROLES)
    if covered is None:
        return employees.all()
    own = employee_of(user)
    own_ids = [own.pk] if own else []
    return employees.filter(unit_id__in=covered) | employees.filter(pk__in=own_ids)


def units_changeable_by(user: Any) -> QuerySet[OrgUnit]:
    """Units whose staff the user may edit, invite and import: the subtrees of their officer and
    admin grants only (a unit they merely see as head or auditor is not among them)."""
    covered = _covered_unit_ids(user, STAFF_CHANGING_ROLES)
    units = OrgUnit.objects.select_related("parent")
    if covered is None:
        return units.all()
    return units.filter(pk__in=covered)


def employees_changeable_by(user: Any) -> QuerySet[Employee]:
    """Employees the user may edit and invite: those of `units_changeable_by` (not themselves
    by virtue of being an employee)."""
    employees = Employee.objects.select_related("unit", "user")
    covered = _covered_unit_ids(user, STAFF_CHANGING_ROLES)
    if covered is None:
        return employees.all()
    return employees.filter(unit_id__in=covered)


def can_change_employee(user: Any, employee: Employee) -> bool:
    """May edit this employee's record and open their account."""
    covered = _covered_unit_ids(user, STAFF_CHANGING_ROLES)
    return covered is None or employee.unit_id in covered


def employees_supervised_by(user: Any) -> QuerySet[Employee]:
    """Employees of the units a user heads (PP 94/2021: a superior acts on their staff)."""
    covered = _covered_unit_ids(user, {UNIT_HEAD})
    employees = Employee.objects.select_related("unit", "user")
    if covered is None:  # pragma: no cover - unit heads always have a unit
        return employees.all()
    return employees.filter(unit_id__in=covered)


def access_own_object_by_id(
    user: Any, queryset: QuerySet[_Model], object_id: int | str, *, owner_field: str
) -> _Model:
    """An object that belongs to the signed-in user (their token, their kept draft), else 404:
    nobody learns whether someone else's exists."""
    if not _authenticated(user):
        raise Http404
    try:
        return queryset.get(pk=int(object_id), **{owner_field: user.pk})
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def access_unit_by_id(user: Any, unit_id: int | str) -> OrgUnit:
    try:
        return units_visible_to(user).get(pk=int(unit_id))
    except (OrgUnit.DoesNotExist, ValueError, TypeError):
        raise Http404("unit") from None


def access_employee_by_id(user: Any, employee_id: int | str) -> Employee:
    try:
        return employees_visible_to(user).get(pk=int(employee_id))
    except (Employee.DoesNotExist, ValueError, TypeError):
        raise Http404("employee") from None


def can_see_org(user: Any) -> bool:
    """May open the organisation pages (units, staff lists)."""
    return has_role(user, *OVERSEEING_ROLES)


def can_manage_org(user: Any) -> bool:
    """May create and change units, roles and accounts: organisation-wide administrators only
    (an admin role held for one unit must not let its holder grant themselves everything)."""
    return has_org_wide_role(user, ADMIN)


def can_import_employees(user: Any) -> bool:
    """May upload employee files: compliance officers and administrators (each row is then
    accepted only for a unit of `units_changeable_by`)."""
    return has_role(user, OFFICER, ADMIN)


def can_read_audit(user: Any) -> bool:
    """May read and verify the audit log: auditors and administrators (org-wide only)."""
    return has_org_wide_role(user, AUDITOR, ADMIN)


def access_org_management(user: Any) -> None:
    if not can_manage_org(user):
        raise Http404("management")


def access_role_assignment_by_id(user: Any, assignment_id: int | str) -> RoleAssignment:
    """A role assignment to revoke: organisation-wide administrators only."""
    access_org_management(user)
    try:
        return RoleAssignment.objects.select_related("user", "unit").get(pk=int(assignment_id))
    except (RoleAssignment.DoesNotExist, ValueError, TypeError):
        raise Http404("role") from None


def access_employee_import(user: Any) -> None:
    if not can_import_employees(user):
        raise Http404("import")


def access_audit_log(user: Any) -> None:
    if not can_read_audit(user):
        raise Http404("audit")


def access_import_batch_by_id(user: Any, batch_id: int | str) -> ImportBatch:
    """An import batch: only the person who uploaded it (still allowed to import) may see it."""
    access_employee_import(user)
    try:
        return ImportBatch.objects.get(pk=int(batch_id), created_by=user)
    except (ImportBatch.DoesNotExist, ValueError, TypeError):
        raise Http404("import batch") from None


def access_employee_for_change(user: Any, employee_id: int | str) -> Employee:
    """An employee the user may edit or open an account for: in a unit covered by one of their
    officer or admin grants. Anyone else, seeing the employee or not, gets the same 404."""
    try:
        return employees_changeable_by(user).get(pk=int(employee_id))
    except (Employee.DoesNotExist, ValueError, TypeError):
        raise Http404("employee") from None


access_employee_for_invite = access_employee_for_change
