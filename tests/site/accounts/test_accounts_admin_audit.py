"""Every change made in /admin/ is in the audit log (issue 8, defect 8): a password change and
a new group used to leave no audit entry."""

from __future__ import annotations

import pytest

from bijak.site.audit.models import AuditEntry
from bijak.site.audit.services import audit_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    from bijak.site.accounts.models import User

    return User.objects.create_superuser(
        username="root", password="x-unused-x", email="r@contoh.id"
    )


def test_a_password_change_in_the_admin_is_audited_without_the_hash(client_as, superuser):
    client = client_as(superuser)
    response = client.post(
        "/admin/password_change/",
        {
            "old_password": "x-unused-x",
            "new_password1": "kata-sandi-baru-2438",
            "new_password2": "kata-sandi-baru-2438",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    superuser.refresh_from_db()
    assert superuser.check_password("kata-sandi-baru-2438")
    entry = AuditEntry.objects.get(action="user.password_change")
    assert entry.actor_id == superuser.pk and entry.target_id == str(superuser.pk)
    assert entry.data == {"username": "root", "via": "admin"}
    assert audit_verify().ok


def test_creating_and_deleting_a_group_in_the_admin_is_audited(client_as, superuser):
    from django.contrib.auth.models import Group

    client = client_as(superuser)
    response = client.post("/admin/auth/group/add/", {"name": "Humas", "permissions": []})
    assert response.status_code == 302
    group = Group.objects.get(name="Humas")
    added = AuditEntry.objects.get(action="admin.add", target_type="auth.group")
    assert added.target_id == str(group.pk) and added.data["object"] == "Humas"
    response = client.post(f"/admin/auth/group/{group.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Group.objects.filter(pk=group.pk).exists()
    deleted = AuditEntry.objects.get(action="admin.delete", target_type="auth.group")
    assert deleted.target_id == str(group.pk) and deleted.actor_id == superuser.pk


def test_deleting_several_objects_with_the_admin_action_audits_each(client_as, superuser):
    """ "Delete selected" writes its LogEntries with bulk_create (no signal): each is audited."""
    from django.contrib.auth.models import Group

    groups = [Group.objects.create(name=f"Tim {i}") for i in range(3)]
    client = client_as(superuser)
    response = client.post(
        "/admin/auth/group/",
        {
            "action": "delete_selected",
            "_selected_action": [g.pk for g in groups],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not Group.objects.filter(pk__in=[g.pk for g in groups]).exists()
    deleted = AuditEntry.objects.filter(action="admin.delete", target_type="auth.group")
    assert sorted(e.target_id for e in deleted) == sorted(str(g.pk) for g in groups)
    assert {e.data["object"] for e in deleted} == {"Tim 0", "Tim 1", "Tim 2"}
    assert all(e.actor_id == superuser.pk for e in deleted)
    assert audit_verify().ok
