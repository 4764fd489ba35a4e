"""Every service that writes leaves its audit entry, in the same transaction (STYLE: every
state change writes its audit row with it). One test walks all the services of the site's apps:
each must be listed here, either with how to call it and the audit action it writes, or as a
deliberate exception with its reason. Then each write is run twice: normally (its entry is
there), and with the audit write failing (then nothing of the write may remain)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps

from bijak.engine.report import report_from_dict
from bijak.site.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

MODULES = [
    "bijak.site.org.services",
    "bijak.site.accounts.services",
    "bijak.site.api.services",
    "bijak.site.checks.services",
    "bijak.site.policies.services",
]

NOT_AUDITED = {
    "import_counts": "a read: counts the rows of a batch",
    "token_hash": "a pure function",
    "token_touch": "last-used time of a token, at most once a minute: not a change of state",
    "rate_hit": "rate-limit counters: bookkeeping of requests, not a change of state",
    "flagged_clause_ids": "a pure function",
    "clause_counts_increment": "anonymous per-clause daily counts (privacy: no user, no text)",
    "check_run": "a check stores no draft; it only bumps the anonymous counts",
}

SECOND_AGENCY = Path(__file__).resolve().parents[1] / "policy" / "fixtures" / "dinkes-contoh.yaml"
CSV = b"nip,nama,kode_unit,jabatan,email\r\n199001012015011001,Andi,SJ.KPP,,a@contoh.go.id\r\n"


def fresh(obj: Any) -> Any:
    """The row as stored now (a failed write may have changed the object in memory)."""
    return type(obj).objects.get(pk=obj.pk)


def _services(ctx: dict[str, Any]) -> dict[str, tuple[str, Callable[[], Any]]]:
    from bijak.site.accounts import services as accounts
    from bijak.site.api import services as api
    from bijak.site.checks import services as checks
    from bijak.site.org import services as org
    from bijak.site.org.models import RoleAssignment
    from bijak.site.policies import services as policies
    from bijak.site.policies.models import PolicyVersion

    tree, officer, admin = ctx["org_tree"], ctx["officer"], ctx["admin"]
    employee, colleague = ctx["employee"], ctx["colleague"]

    def token():
        return api.token_create(actor=employee, user=employee, name="x", kind="user")[0]

    def saved():
        return checks.saved_check_create(
            owner=employee, text="halo", platform="", report=report_from_dict({"verdict": "aman"})
        )

    def batch():
        return org.employee_import_preview(actor=officer, filename="p.csv", content=CSV)

    return {
        "orgunit_create": (
            "orgunit.create",
            lambda: org.orgunit_create(
                actor=admin, code="SJ.X", name="Unit X", level="eselon_2", parent=tree.root
            ),
        ),
        "orgunit_update": (
            "orgunit.update",
            lambda: org.orgunit_update(
                actor=admin,
                unit=fresh(tree.keu),
                name="Biro Keuangan",
                level="eselon_2",
                parent=tree.root,
            ),
        ),
        "employee_create": (
            "employee.create",
            lambda: org.employee_create(
                actor=admin, nip="199001012015011002", name="Budi", unit=tree.keu
            ),
        ),
        "employee_update": (
            "employee.update",
            lambda: org.employee_update(
                actor=officer, employee=fresh(employee.employee), name="Sari W.", unit=tree.keu
            ),
        ),
        "role_assign": (
            "role.assign",
            lambda: org.role_assign(actor=admin, user=colleague, role="unit_head", unit=tree.kpp),
        ),
        "role_revoke": (
            "role.revoke",
            lambda: org.role_revoke(
                actor=admin, assignment=RoleAssignment.objects.get(user=officer, role="officer")
            ),
        ),
        "employee_import_preview": ("employee.import_preview", batch),
        "employee_import_confirm": (
            "employee.import_rows",
            lambda: org.employee_import_confirm(actor=officer, batch=fresh(ctx["batch"])),
        ),
        "user_create": (
            "user.create",
            lambda: accounts.user_create(actor=admin, username="baru", full_name="Baru"),
        ),
        "user_password_set": (
            "user.password_set",
            lambda: accounts.user_password_set(
                actor=admin, user=employee, password="kata-sandi-baru-2438"
            ),
        ),
        "user_invite": (
            "user.invite",
            lambda: accounts.user_invite(
                actor=officer, employee=fresh(ctx["unlinked"]), base_url="http://testserver/"
            ),
        ),
        "user_active_set": (
            "user.deactivate",
            lambda: accounts.user_active_set(
                actor=admin, user=type(employee).objects.get(pk=employee.pk), active=False
            ),
        ),
        "session_event_record": (
            "user.login",
            lambda: accounts.session_event_record(actor=employee, event="login"),
        ),
        "token_create": ("api_token.create", token),
        "token_revoke": (
            "api_token.revoke",
            lambda: api.token_revoke(actor=employee, token=fresh(ctx["token"])),
        ),
        "saved_check_create": ("saved_check.create", saved),
        "saved_check_delete": (
            "saved_check.delete",
            lambda: checks.saved_check_delete(actor=employee, saved=fresh(ctx["saved"])),
        ),
        "policy_version_load": (
            "policy.load",
            lambda: policies.policy_version_load(
                actor=admin, path=ctx["another_file"], activate=False
            ),
        ),
        "policy_version_activate": (
            "policy.activate",
            lambda: policies.policy_version_activate(
                actor=admin,
                version_id=PolicyVersion.objects.filter(is_active=False).latest("pk").pk,
            ),
        ),
    }


@pytest.fixture
def ctx(org_tree, employee, colleague, officer, admin, tmp_path):
    from bijak.site.api.services import token_create
    from bijak.site.checks.services import saved_check_create
    from bijak.site.org.services import employee_create, employee_import_preview
    from bijak.site.policies.services import policy_version_load

    policy_version_load(actor=None)
    policy_version_load(actor=None, path=SECOND_AGENCY, activate=False)
    another = tmp_path / "dinkes-salinan.yaml"  # other bytes, so loading it is a new version
    another.write_text(
        SECOND_AGENCY.read_text(encoding="utf-8") + "\n# salinan\n", encoding="utf-8"
    )
    return {
        "another_file": another,
        "org_tree": org_tree,
        "employee": employee,
        "colleague": colleague,
        "officer": officer,
        "admin": admin,
        "batch": employee_import_preview(actor=officer, filename="p.csv", content=CSV),
        "token": token_create(actor=employee, user=employee, name="t", kind="user")[0],
        "saved": saved_check_create(
            owner=employee, text="halo", platform="", report=report_from_dict({"verdict": "aman"})
        ),
        "unlinked": employee_create(
            actor=None,
            nip="199001012015011003",
            name="Citra",
            unit=org_tree.kpp,
            email="citra@contoh.go.id",
        ),
    }


def _public_functions() -> set[str]:
    names = set()
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if (
                inspect.isfunction(value)
                and value.__module__ == module_name
                and not name.startswith("_")
            ):
                names.add(name)
    return names


def test_every_service_is_listed(ctx):
    listed = set(_services(ctx)) | set(NOT_AUDITED)
    assert _public_functions() == listed


def _snapshot() -> dict[str, list[dict[str, Any]]]:
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in {"org", "accounts", "api", "checks", "policies", "auth"}:
            state[model._meta.label] = sorted(map(repr, model.objects.all().values()))
    return state


def _names() -> list[str]:
    return [
        "orgunit_create",
        "orgunit_update",
        "employee_create",
        "employee_update",
        "role_assign",
        "role_revoke",
        "employee_import_preview",
        "employee_import_confirm",
        "user_create",
        "user_password_set",
        "user_invite",
        "user_active_set",
        "session_event_record",
        "token_create",
        "token_revoke",
        "saved_check_create",
        "saved_check_delete",
        "policy_version_load",
        "policy_version_activate",
    ]


class AuditDown(Exception):
    pass


def test_each_write_has_its_audit_entry_in_its_own_transaction(ctx, monkeypatch):
    """First with the audit write failing (fault injection): the change it records must be
    rolled back with it. Then normally, in order: each write leaves its entry."""
    services = _services(ctx)
    real = {}

    def failing(**kwargs):
        raise AuditDown(kwargs.get("action"))

    for module_name in [*MODULES, "bijak.site.audit.services"]:
        module = importlib.import_module(module_name)
        if hasattr(module, "audit_record"):
            real[module_name] = module.audit_record
            monkeypatch.setattr(module, "audit_record", failing)
    for name in _names():
        before = _snapshot()
        with pytest.raises(AuditDown):
            services[name][1]()
        assert _snapshot() == before, f"{name} wrote without its audit entry"
    monkeypatch.undo()
    for name in _names():
        action, call = services[name]
        last = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
        call()
        assert AuditEntry.objects.filter(action=action, seq__gt=last).exists(), name
