"""Every write of org and accounts leaves exactly one audit entry, in the same transaction."""

import pytest
from django.db import transaction

from bijak.site.accounts.services import user_create, user_password_set
from bijak.site.audit.models import AuditEntry
from bijak.site.audit.services import audit_verify
from bijak.site.org.models import OrgUnit
from bijak.site.org.services import employee_create, orgunit_create, role_assign, role_revoke

pytestmark = pytest.mark.django_db


def last_action():
    return AuditEntry.objects.order_by("-seq").values_list("action", "actor_label").first()


def test_each_service_writes_one_entry_with_its_action(admin, org_tree):
    before = AuditEntry.objects.count()
    unit = orgunit_create(
        actor=admin, code="SJ.HKM", name="Biro Hukum", level="eselon_2", parent=org_tree.root
    )
    assert last_action() == ("orgunit.create", "admin-bijak")
    user = user_create(
        actor=admin, username="joko", full_name="Joko Susilo", password="rahasia-joko-1"
    )
    assert last_action() == ("user.create", "admin-bijak")
    employee_create(actor=admin, nip="198702102011011012", name="Joko Susilo", unit=unit, user=user)
    assert last_action() == ("employee.create", "admin-bijak")
    assignment = role_assign(actor=admin, user=user, role="unit_head", unit=unit)
    assert last_action() == ("role.assign", "admin-bijak")
    role_assign(actor=admin, user=user, role="unit_head", unit=unit)  # already held: no entry
    role_revoke(actor=admin, assignment=assignment)
    assert last_action() == ("role.revoke", "admin-bijak")
    user_password_set(actor=admin, user=user, password="rahasia-baru-2")
    assert last_action() == ("user.password_set", "admin-bijak")
    assert AuditEntry.objects.count() == before + 6
    assert "rahasia" not in str(list(AuditEntry.objects.values_list("data", flat=True)))
    assert audit_verify().ok


def test_a_failed_change_leaves_no_entry(admin, org_tree):
    from django.core.exceptions import ValidationError

    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError):
        orgunit_create(actor=admin, code="SJ", name="Dobel", level="eselon_1")
    with pytest.raises(RuntimeError), transaction.atomic():
        orgunit_create(
            actor=admin, code="SJ.X", name="Batal", level="eselon_2", parent=org_tree.root
        )
        raise RuntimeError("roll back")
    assert not OrgUnit.objects.filter(code="SJ.X").exists()
    assert AuditEntry.objects.count() == before
