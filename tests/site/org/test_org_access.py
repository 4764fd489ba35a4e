"""Each persona sees exactly its part of the organisation; everything else is a 404."""

import pytest
from django.http import Http404

from bijak.site.org.access import (
    access_employee_by_id,
    access_unit_by_id,
    employees_visible_to,
    units_visible_to,
    user_roles,
)

pytestmark = pytest.mark.django_db


def codes(qs):
    return sorted(u.code for u in qs)


def test_roles_of_each_persona(employee, unit_head, officer, auditor, admin, outsider):
    assert user_roles(employee) == {"employee"}
    assert user_roles(unit_head) == {"employee", "unit_head"}
    assert user_roles(officer) == {"employee", "officer"}
    assert user_roles(auditor) == {"employee", "auditor"}
    assert user_roles(admin) == {"employee", "admin"}
    assert user_roles(outsider) == frozenset()


def test_unit_head_sees_own_subtree_only(org_tree, unit_head):
    assert codes(units_visible_to(unit_head)) == ["SJ.KEU", "SJ.KEU.AG", "SJ.KEU.AG.1"]
    assert access_unit_by_id(unit_head, org_tree.keu_budget.pk) == org_tree.keu_budget
    with pytest.raises(Http404):
        access_unit_by_id(unit_head, org_tree.kpp.pk)
    with pytest.raises(Http404):
        access_unit_by_id(unit_head, org_tree.root.pk)


def test_org_wide_roles_see_every_unit(org_tree, officer, auditor, admin):
    every = codes(org_tree.all())
    for user in (officer, auditor, admin):
        assert codes(units_visible_to(user)) == every


def test_employee_and_outsider_see_no_unit(org_tree, employee, outsider):
    assert codes(units_visible_to(employee)) == []
    assert codes(units_visible_to(outsider)) == []
    with pytest.raises(Http404):
        access_unit_by_id(employee, org_tree.keu_budget_planning.pk)
    with pytest.raises(Http404):
        access_unit_by_id(outsider, org_tree.root.pk)


def test_employee_sees_only_themselves(employee, colleague, unit_head):
    own = employee.employee
    assert list(employees_visible_to(employee)) == [own]
    assert access_employee_by_id(employee, own.pk) == own
    with pytest.raises(Http404):
        access_employee_by_id(employee, unit_head.employee.pk)


def test_unit_head_sees_staff_of_unit_but_not_other_units(employee, colleague, unit_head):
    visible = {e.nip for e in employees_visible_to(unit_head)}
    assert visible == {employee.employee.nip, unit_head.employee.nip}
    with pytest.raises(Http404):
        access_employee_by_id(unit_head, colleague.employee.pk)


def test_missing_and_forbidden_are_the_same_404(employee, colleague, outsider):
    for bad in (colleague.employee.pk, 999999, "abc"):
        with pytest.raises(Http404):
            access_employee_by_id(outsider, bad)
        with pytest.raises(Http404):
            access_employee_by_id(employee, bad)


def test_unit_update_refuses_cycles_and_wrong_levels(org_tree):
    from django.core.exceptions import ValidationError

    from bijak.site.org.services import orgunit_update

    with pytest.raises(ValidationError) as error:
        orgunit_update(
            actor=None,
            unit=org_tree.kpp,
            name="Biro",
            level="eselon_2",
            parent=org_tree.kpp_media_monitoring,
        )
    assert error.value.messages == ["Unit induk harus berada pada eselon yang lebih tinggi."]
    moved = orgunit_update(
        actor=None,
        unit=org_tree.keu_budget,
        name="Bagian Anggaran dan Kas",
        level="eselon_3",
        parent=org_tree.kpp,
    )
    assert moved.parent == org_tree.kpp
    from bijak.site.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="orgunit.update")
    assert entry.data["before"]["parent"] == "SJ.KEU" and entry.data["after"]["parent"] == "SJ.KPP"


def test_employee_link_to_own_profile_in_menu(employee_client, employee):
    html = employee_client.get("/").content.decode()
    assert (
        f'href="/organisasi/pegawai/{employee.employee.pk}/" title="Profil saya">Sari Wulandari</a>'
        in html
    )


def test_an_admin_held_for_one_unit_cannot_manage_the_organisation(org_tree, client_as, admin):
    """Units, roles and accounts are managed by organisation-wide administrators only: an admin
    role held for one unit must not let its holder make themselves admin of everything."""
    from bijak.site.accounts.models import User
    from bijak.site.org.models import OrgUnit, RoleAssignment
    from bijak.site.org.services import role_assign

    scoped = User.objects.create_user(
        username="lokal", password="x-unused-x", full_name="Admin Lokal"
    )
    role_assign(actor=None, user=scoped, role="admin", unit=org_tree.keu)
    client = client_as(scoped)
    assert client.get("/organisasi/kelola/").status_code == 404
    response = client.post(
        "/organisasi/kelola/",
        {"action": "role", "role-username": "lokal", "role-role": "admin", "role-unit": ""},
    )
    assert response.status_code == 404
    assert not RoleAssignment.objects.filter(user=scoped, role="admin", unit=None).exists()
    response = client.post(
        "/organisasi/kelola/",
        {"action": "unit", "unit-code": "SJ.X", "unit-name": "Unit X", "unit-level": "eselon_2"},
    )
    assert response.status_code == 404 and not OrgUnit.objects.filter(code="SJ.X").exists()
    others = RoleAssignment.objects.get(user=admin, role="admin")
    assert client.post(f"/organisasi/kelola/peran/{others.pk}/cabut/").status_code == 404
    assert RoleAssignment.objects.filter(pk=others.pk).exists()
    assert client.get(f"/organisasi/unit/{org_tree.keu.pk}/ubah/").status_code == 404
