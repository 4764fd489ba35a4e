"""Writes to the organisation: keyword-only, typed, one transaction each, each audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bijak.site.audit.services import audit_record
from bijak.site.org.models import ORG_WIDE_ROLES, Employee, Level, OrgUnit, Role, RoleAssignment
from bijak.site.org.nip import nip_check

LEVEL_ORDER = [Level.ESELON_1, Level.ESELON_2, Level.ESELON_3, Level.ESELON_4]


def _check_unit_placement(*, level: str, parent: OrgUnit | None, unit: OrgUnit | None = None) -> None:
    if level not in Level.values:
        raise ValidationError(_("Tingkat unit tidak dikenal."))
    if parent is None:
        return
    if LEVEL_ORDER.index(Level(level)) <= LEVEL_ORDER.index(Level(parent.level)):
        raise ValidationError(_("Unit induk harus berada pada eselon yang lebih tinggi."))
    if unit is not None:
        node: OrgUnit | None = parent
        while node is not None:
            if node.pk == unit.pk:
                raise ValidationError(_("Unit tidak boleh menjadi induk bagi dirinya sendiri."))
            node = node.parent


@transaction.atomic
def orgunit_create(*, actor: Any | None, code: str, name: str, level: str,
                   parent: OrgUnit | None = None) -> OrgUnit:
    code = code.strip()
    if not code or not name.strip():
        raise ValidationError(_("Kode dan nama unit wajib diisi."))
    if OrgUnit.objects.filter(code=code).exists():
        raise ValidationError(_("Kode unit %(code)s sudah dipakai.") % {"code": code})
    _check_unit_placement(level=level, parent=parent)
    unit = OrgUnit.objects.create(code=code, name=name.strip(), level=level, parent=parent)
    audit_record(actor=actor, action="orgunit.create", target_type="org.OrgUnit", target_id=unit.pk,
                 data={"code": code, "name": unit.name, "level": level,
                       "parent": parent.code if parent else None})
    return unit


@transaction.atomic
def orgunit_update(*, actor: Any | None, unit: OrgUnit, name: str, level: str,
                   parent: OrgUnit | None) -> OrgUnit:
    if not name.strip():
        raise ValidationError(_("Kode dan nama unit wajib diisi."))
    _check_unit_placement(level=level, parent=parent, unit=unit)
    before = {"name": unit.name, "level": unit.level,
              "parent": unit.parent.code if unit.parent else None}
    unit.name, unit.level, unit.parent = name.strip(), level, parent
    unit.save(update_fields=["name", "level", "parent"])
    audit_record(actor=actor, action="orgunit.update", target_type="org.OrgUnit", target_id=unit.pk,
                 data={"code": unit.code, "before": before,
                       "after": {"name": unit.name, "level": level,
                                 "parent": parent.code if parent else None}})
    return unit


@transaction.atomic
def employee_create(*, actor: Any | None, nip: str, name: str, unit: OrgUnit, position: str = "",
                    email: str = "", user: Any | None = None) -> Employee:
    _parts, errors = nip_check(nip)
    if errors:
        raise ValidationError(errors)
    if Employee.objects.filter(nip=nip).exists():
        raise ValidationError(_("NIP %(nip)s sudah terdaftar.") % {"nip": nip})
    employee = Employee.objects.create(nip=nip, name=name, unit=unit, position=position,
                                       email=email, user=user)
    audit_record(actor=actor, action="employee.create", target_type="org.Employee",
                 target_id=employee.pk,
                 data={"nip": nip, "unit": unit.code, "user": getattr(user, "username", None)})
    return employee


@transaction.atomic
def role_assign(*, actor: Any | None, user: Any, role: str, unit: OrgUnit | None = None) -> RoleAssignment:
    if role not in Role.values:
        raise ValidationError(_("Peran tidak dikenal."))
    if unit is None and role not in ORG_WIDE_ROLES:
        raise ValidationError(_("Peran ini harus diberikan untuk sebuah unit."))
    assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
    if created:
        audit_record(actor=actor, action="role.assign", target_type="org.RoleAssignment",
                     target_id=assignment.pk,
                     data={"user": user.username, "role": role, "unit": unit.code if unit else None})
    if hasattr(user, "_bijak_grants"):
        del user._bijak_grants
    return assignment


@transaction.atomic
def role_revoke(*, actor: Any | None, assignment: RoleAssignment) -> None:
    data = {"user": assignment.user.username, "role": assignment.role,
            "unit": assignment.unit.code if assignment.unit else None}
    target_id = assignment.pk
    assignment.delete()
    audit_record(actor=actor, action="role.revoke", target_type="org.RoleAssignment",
                 target_id=target_id, data=data)
