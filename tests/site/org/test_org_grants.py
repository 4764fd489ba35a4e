"""Permissions by grant: each right comes from the grants that give it, whatever else a user sees.

For every single grant the rights are written out by hand; for every combination of two grants
a user's rights must be exactly the union of what each grant gives on its own (a head of one
unit who is officer of another gets officer rights only in the second).

Below, every app's `can_*` rights and unit scopes, asked directly for every kind of user
(anonymous, no role, employee, unit head, officer, auditor and admin held org-wide or for one
unit, superuser), written out from the rules in each app's `access.py` docstring, and each
`access_*` guard refusing exactly where its right is missing. Mutation testing (`make
mutation`) showed role lists whose members could be dropped with no test noticing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from bijak.site.cases import access as cases
from bijak.site.checks import access as checks
from bijak.site.checks.access import can_see_check_statistics
from bijak.site.claims import access as claims
from bijak.site.complaints import access as complaints
from bijak.site.dissemination import access as dissemination
from bijak.site.monitoring import access as monitoring
from bijak.site.org import access
from bijak.site.org import access as org

pytestmark = pytest.mark.django_db

# (role, unit attribute of OrgTree or None for organisation-wide)
GRANTS: dict[str, tuple[str, str | None]] = {
    "employee@keu_budget_planning": ("employee", "keu_budget_planning"),
    "unit_head@keu": ("unit_head", "keu"),
    "officer@kpp": ("officer", "kpp"),
    "officer@*": ("officer", None),
    "auditor@*": ("auditor", None),
    "admin@kpp_media": ("admin", "kpp_media"),
    "admin@*": ("admin", None),
}

ALL = [
    "root",
    "kpp",
    "kpp_media",
    "kpp_media_monitoring",
    "keu",
    "keu_budget",
    "keu_budget_planning",
]
KPP = ["kpp", "kpp_media", "kpp_media_monitoring"]
KPP_MEDIA = ["kpp_media", "kpp_media_monitoring"]
KEU = ["keu", "keu_budget", "keu_budget_planning"]


@dataclass(frozen=True)
class Rights:
    see_units: frozenset[str]
    see_staff: frozenset[str]  # units whose staff the user may read
    change_staff: frozenset[str]  # units whose staff the user may edit / invite / import
    may_import: bool
    manage_org: bool
    read_audit: bool
    check_statistics: bool

    def __or__(self, other: Rights) -> Rights:
        return Rights(
            self.see_units | other.see_units,
            self.see_staff | other.see_staff,
            self.change_staff | other.change_staff,
            self.may_import or other.may_import,
            self.manage_org or other.manage_org,
            self.read_audit or other.read_audit,
            self.check_statistics or other.check_statistics,
        )


def rights(
    *,
    see: list[str] = (),
    staff: list[str] | None = None,
    change: list[str] = (),
    may_import: bool = False,
    manage: bool = False,
    audit: bool = False,
    stats: bool = False,
) -> Rights:
    return Rights(
        frozenset(see),
        frozenset(see if staff is None else staff),
        frozenset(change),
        may_import,
        manage,
        audit,
        stats,
    )


EXPECTED_SINGLE: dict[str, Rights] = {
    "employee@keu_budget_planning": rights(staff=[]),
    "unit_head@keu": rights(see=KEU),
    "officer@kpp": rights(see=KPP, change=KPP, may_import=True),
    "officer@*": rights(see=ALL, change=ALL, may_import=True, stats=True),
    "auditor@*": rights(see=ALL, audit=True, stats=True),
    "admin@kpp_media": rights(see=KPP_MEDIA, change=KPP_MEDIA, may_import=True),
    "admin@*": rights(see=ALL, change=ALL, may_import=True, manage=True, audit=True, stats=True),
}


@pytest.fixture
def staff(org_tree: Any) -> dict[str, Any]:
    """One employee without an account in every unit, keyed by the unit's attribute name."""
    from bijak.site.org.services import employee_create

    people = {}
    for index, name in enumerate(ALL):
        people[name] = employee_create(
            actor=None,
            nip=f"199001012015011{index + 1:03d}",
            name=f"Staf {name}",
            unit=getattr(org_tree, name),
        )
    return people


def _user_with(org_tree: Any, username: str, grant_names: tuple[str, ...]) -> Any:
    from bijak.site.accounts.models import User
    from bijak.site.org.services import role_assign

    user = User.objects.create_user(username=username, password="x-unused-x", full_name=username)
    for name in grant_names:
        role, unit_name = GRANTS[name]
        role_assign(
            actor=None,
            user=user,
            role=role,
            unit=getattr(org_tree, unit_name) if unit_name else None,
        )
    return user


def _observed(user: Any, org_tree: Any, staff: dict[str, Any]) -> Rights:
    """What the access layer actually grants, asked one object at a time."""
    see_units, see_staff, change_staff = set(), set(), set()
    for name in ALL:
        unit = getattr(org_tree, name)
        try:
            access.access_unit_by_id(user, unit.pk)
            see_units.add(name)
        except Http404:
            pass
        try:
            access.access_employee_by_id(user, staff[name].pk)
            see_staff.add(name)
        except Http404:
            pass
        try:
            access.access_employee_for_change(user, staff[name].pk)
            change_staff.add(name)
            assert access.can_change_employee(user, staff[name])
        except Http404:
            assert not access.can_change_employee(user, staff[name])
    changeable_units = {u.pk for u in access.units_changeable_by(user)}
    assert changeable_units == {getattr(org_tree, n).pk for n in change_staff}
    return Rights(
        frozenset(see_units),
        frozenset(see_staff),
        frozenset(change_staff),
        access.can_import_employees(user),
        access.can_manage_org(user),
        access.can_read_audit(user),
        can_see_check_statistics(user),
    )


@pytest.mark.parametrize("grant", sorted(GRANTS))
def test_each_single_grant_gives_exactly_its_rights(org_tree, staff, grant):
    user = _user_with(org_tree, "satu", (grant,))
    assert _observed(user, org_tree, staff) == EXPECTED_SINGLE[grant]


PAIRS = list(itertools.combinations(sorted(GRANTS), 2))


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a}+{b}" for a, b in PAIRS])
def test_two_grants_give_the_union_of_their_rights_and_nothing_more(org_tree, staff, first, second):
    user = _user_with(org_tree, "dua", (first, second))
    assert _observed(user, org_tree, staff) == EXPECTED_SINGLE[first] | EXPECTED_SINGLE[second]


def test_officer_of_one_unit_and_head_of_another_acts_only_in_the_first(org_tree, staff, client_as):
    """Defect 4 of issue 8, through the pages: edit, invite and import in the unit one heads
    (and may read) all refuse; in the unit one is officer of, they work."""
    from bijak.site.org.models import Employee, ImportBatch

    user = _user_with(org_tree, "campur", ("officer@kpp", "unit_head@keu"))
    client = client_as(user)
    keu_staff, kpp_staff = staff["keu_budget"], staff["kpp_media"]
    assert client.get(f"/organisasi/pegawai/{keu_staff.pk}/").status_code == 200
    page = client.get(f"/organisasi/pegawai/{keu_staff.pk}/").content.decode()
    assert f"/organisasi/pegawai/{keu_staff.pk}/ubah/" not in page
    assert client.get(f"/organisasi/pegawai/{keu_staff.pk}/ubah/").status_code == 404
    response = client.post(
        f"/organisasi/pegawai/{keu_staff.pk}/ubah/",
        {"name": "Diubah", "unit": org_tree.kpp.pk, "position": "", "email": ""},
    )
    assert response.status_code == 404
    assert client.post(f"/organisasi/pegawai/{keu_staff.pk}/undang/").status_code == 404
    keu_staff.refresh_from_db()
    assert keu_staff.name == "Staf keu_budget" and keu_staff.user_id is None

    edit = client.get(f"/organisasi/pegawai/{kpp_staff.pk}/ubah/")
    assert edit.status_code == 200
    offered = {unit.code for unit in edit.context["form"].fields["unit"].queryset}
    assert offered == {"SJ.KPP", "SJ.KPP.HM", "SJ.KPP.HM.1"}
    # moving one's own staff into the unit one only heads is refused by the form
    response = client.post(
        f"/organisasi/pegawai/{kpp_staff.pk}/ubah/",
        {"name": "Staf", "unit": org_tree.keu.pk, "position": "", "email": ""},
    )
    assert response.status_code == 400
    assert Employee.objects.get(pk=kpp_staff.pk).unit == org_tree.kpp_media

    body = (
        "nip,nama,kode_unit,jabatan,email\r\n"
        "199001012015011099,Baru di KEU,SJ.KEU,,baru@contoh.go.id\r\n"
        f"{keu_staff.nip},Pindah ke KPP,SJ.KPP,,ubah@contoh.go.id\r\n"
        "199001012015011098,Baru di KPP,SJ.KPP,,kpp@contoh.go.id\r\n"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/organisasi/impor/",
        {"file": SimpleUploadedFile("pegawai.csv", body.encode(), content_type="text/csv")},
    )
    assert response.status_code == 302
    batch = ImportBatch.objects.get(created_by=user)
    assert [row["status"] for row in batch.rows] == ["rejected", "rejected", "new"]
    assert batch.rows[0]["errors"] == ["Kode unit SJ.KEU tidak dikenal."]
    assert batch.rows[1]["errors"] == [
        f"NIP {keu_staff.nip} milik pegawai di unit di luar wewenang Anda."
    ]


def test_an_import_batch_is_only_for_the_officer_who_uploaded_it(org_tree, officer, client_as):
    """A second officer, allowed to import in the same units, still gets 404 on someone else's
    batch: the ownership check itself is what refuses (issue 8, planted bug 1)."""
    from bijak.site.org.services import employee_import_preview

    batch = employee_import_preview(
        actor=officer,
        filename="pegawai.csv",
        content=b"nip,nama,kode_unit,jabatan,email\r\n199001012015011099,Baru,SJ.KPP,,b@contoh.go.id\r\n",
    )
    other = _user_with(org_tree, "petugas2", ("officer@*",))
    assert access.can_import_employees(other)
    with pytest.raises(Http404):
        access.access_import_batch_by_id(other, batch.pk)
    assert access.access_import_batch_by_id(officer, batch.pk) == batch
    client = client_as(other)
    assert client.get(f"/organisasi/impor/{batch.pk}/").status_code == 404
    assert client.post(f"/organisasi/impor/{batch.pk}/", {"mode": "valid_only"}).status_code == 404
    batch.refresh_from_db()
    assert batch.status == "pending"


# --- every app's rights, for every kind of user ---
PEOPLE = (
    "anonymous",
    "outsider",
    "employee",
    "colleague",
    "unit_head",
    "officer",
    "auditor",
    "admin",
    "officer@kpp",
    "auditor@kpp",
    "admin@kpp_media",
    "superuser",
)
ORG_WIDE_STAFF = {"officer", "auditor", "admin", "superuser"}
OFFICERS_AND_ADMINS = {"officer", "admin", "officer@kpp", "admin@kpp_media", "superuser"}
WITH_AUDITORS = OFFICERS_AND_ADMINS | {"auditor", "auditor@kpp"}
OVERSEERS = WITH_AUDITORS | {"unit_head"}

# predicate -> the people for whom it is true (everyone else: false)
EXPECTED: dict[str, set[str]] = {
    "org.can_see_org": OVERSEERS,
    "org.can_manage_org": {"admin", "superuser"},
    "org.can_import_employees": OFFICERS_AND_ADMINS,
    "org.can_read_audit": {"auditor", "admin", "superuser"},
    "checks.can_see_check_statistics": ORG_WIDE_STAFF,
    "claims.can_edit_claims": OFFICERS_AND_ADMINS,
    "claims.can_read_claims": WITH_AUDITORS,
    "complaints.can_handle_complaints": OFFICERS_AND_ADMINS,
    "complaints.can_read_all_complaints": WITH_AUDITORS,
    "dissemination.can_read_dissemination": OVERSEERS,
    "dissemination.can_start_campaign": OFFICERS_AND_ADMINS | {"unit_head"},
    "dissemination.can_read_all": WITH_AUDITORS,
    "dissemination.can_mark_policy_change": {"officer", "admin", "superuser"},
    "monitoring.can_review": {"officer", "officer@kpp"},
    "monitoring.can_read_desk": {"officer", "auditor", "officer@kpp", "auditor@kpp"},
    "monitoring.can_see_confirmed": {"unit_head"},
    "cases.can_open_cases": OFFICERS_AND_ADMINS,
}
MODULES = {
    "org": org,
    "checks": checks,
    "claims": claims,
    "complaints": complaints,
    "dissemination": dissemination,
    "monitoring": monitoring,
    "cases": cases,
}
# each guard and the predicate it must follow
GUARDS: dict[str, str] = {
    "org.access_org_management": "org.can_manage_org",
    "org.access_employee_import": "org.can_import_employees",
    "org.access_audit_log": "org.can_read_audit",
    "checks.access_check_statistics": "checks.can_see_check_statistics",
    "claims.access_claims_read": "claims.can_read_claims",
    "dissemination.access_policy_change": "dissemination.can_mark_policy_change",
    "monitoring.access_desk": "monitoring.can_read_desk",
    "monitoring.access_review": "monitoring.can_review",
}


def _function(dotted: str) -> Callable[..., Any]:
    module, name = dotted.split(".")
    return getattr(MODULES[module], name)


@pytest.fixture
def people(org_tree, employee, colleague, unit_head, officer, auditor, admin, outsider):
    from bijak.site.accounts.models import User
    from bijak.site.org.services import role_assign

    def scoped(username: str, role: str, unit: Any) -> Any:
        user = User.objects.create_user(username=username, password="x-unused-x")
        role_assign(actor=None, user=user, role=role, unit=unit)
        return user

    return {
        "anonymous": AnonymousUser(),
        "outsider": outsider,
        "employee": employee,
        "colleague": colleague,
        "unit_head": unit_head,
        "officer": officer,
        "auditor": auditor,
        "admin": admin,
        "officer@kpp": scoped("petugas-kpp", "officer", org_tree.kpp),
        "auditor@kpp": scoped("auditor-kpp", "auditor", org_tree.kpp),
        "admin@kpp_media": scoped("admin-hm", "admin", org_tree.kpp_media),
        "superuser": User.objects.create_superuser(username="root", password="x-unused-x"),
    }


def _fresh(user: Any) -> Any:
    """The same user without the grants cached on the object by an earlier question."""
    if getattr(user, "pk", None) is None:
        return AnonymousUser()
    from bijak.site.accounts.models import User

    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize("predicate", sorted(EXPECTED))
def test_each_right_belongs_to_exactly_the_roles_its_rule_names(people, predicate):
    check = _function(predicate)
    granted = {name for name in PEOPLE if check(_fresh(people[name]))}
    assert granted == EXPECTED[predicate]


@pytest.mark.parametrize("guard", sorted(GUARDS))
def test_each_guard_refuses_exactly_where_its_right_is_missing(people, guard):
    refuse = _function(guard)
    refused = set()
    for name in PEOPLE:
        try:
            refuse(_fresh(people[name]))
        except Http404:
            refused.add(name)
    assert refused == set(PEOPLE) - EXPECTED[GUARDS[guard]]


def _codes(org_tree: Any, ids: set[int] | None) -> set[str] | None:
    if ids is None:
        return None
    return {u.code for u in org_tree.all() if u.pk in ids}


KEU = {"SJ.KEU", "SJ.KEU.AG", "SJ.KEU.AG.1"}
KPP = {"SJ.KPP", "SJ.KPP.HM", "SJ.KPP.HM.1"}
KPP_MEDIA = {"SJ.KPP.HM", "SJ.KPP.HM.1"}
ALL_CODES = KEU | KPP | {"SJ"}

# scope function -> person -> unit codes (None: the whole organisation); unlisted people: none
SCOPES: dict[str, dict[str, set[str] | None]] = {
    "dissemination.readable_unit_ids": {
        "unit_head": KEU,
        "officer": None,
        "auditor": None,
        "admin": None,
        "officer@kpp": KPP,
        "auditor@kpp": KPP,
        "admin@kpp_media": KPP_MEDIA,
        "superuser": None,
    },
    "dissemination.managed_unit_ids": {
        "unit_head": KEU,
        "officer": None,
        "admin": None,
        "officer@kpp": KPP,
        "admin@kpp_media": KPP_MEDIA,
        "superuser": None,
    },
    "monitoring.review_units": {"officer": None, "officer@kpp": KPP},
    "monitoring.read_units": {
        "officer": None,
        "auditor": None,
        "officer@kpp": KPP,
        "auditor@kpp": KPP,
    },
}


@pytest.mark.parametrize("scope", sorted(SCOPES))
def test_unit_scopes_follow_the_grants_that_give_them(people, org_tree, scope):
    units = _function(scope)
    for name in PEOPLE:
        expected = SCOPES[scope].get(name, set())
        assert _codes(org_tree, units(_fresh(people[name]))) == expected, name


def test_the_command_line_reads_every_unit():
    assert dissemination.readable_unit_ids(dissemination.COMMAND_LINE) is None


def test_campaign_units_offered_are_the_managed_units_in_code_order(people, org_tree):
    offered = {
        name: [u.code for u in dissemination.campaign_units_choosable(_fresh(people[name]))]
        for name in PEOPLE
    }
    everything = sorted(ALL_CODES)
    assert offered["officer"] == offered["admin"] == offered["superuser"] == everything
    assert offered["unit_head"] == sorted(KEU)
    assert offered["officer@kpp"] == sorted(KPP)
    assert offered["admin@kpp_media"] == sorted(KPP_MEDIA)
    for name in ("anonymous", "outsider", "employee", "colleague", "auditor", "auditor@kpp"):
        assert offered[name] == [], name


def test_a_unit_head_supervises_the_staff_of_the_units_they_head_only(people, org_tree):
    supervised = {
        name: {e.name for e in org.employees_supervised_by(_fresh(people[name]))}
        for name in PEOPLE
        if name != "anonymous"
    }
    # the head of SJ.KEU: their own record and Sari in SJ.KEU.AG.1, not Dewi in SJ.KPP.HM.1
    assert supervised["unit_head"] == {"Bambang Hartono", "Sari Wulandari"}
    for name, staff in supervised.items():
        if name != "unit_head":
            assert staff == set(), name
