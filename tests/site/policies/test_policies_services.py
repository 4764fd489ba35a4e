"""Loading policy versions: idempotent by hash, audited, one active version per policy id."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from bijak.policy import DEFAULT_POLICY_PATH, PolicyError, load_policy
from bijak.site.audit.models import AuditEntry
from bijak.site.audit.services import audit_verify
from bijak.site.policies.models import PolicyVersion
from bijak.site.policies.selectors import policy_active, policy_active_version, policy_version_list
from bijak.site.policies.services import policy_version_load

SECOND_AGENCY = Path(__file__).resolve().parents[2] / "policy" / "fixtures" / "dinkes-contoh.yaml"

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_user(username="admin", password="x-not-used-123")


def test_without_versions_the_active_policy_is_the_shipped_default():
    assert PolicyVersion.objects.count() == 0
    assert policy_active().content_hash == load_policy().content_hash
    assert policy_active_version() is None


def test_load_stores_the_text_activates_and_audits(admin_user):
    version = policy_version_load(actor=admin_user)
    raw = DEFAULT_POLICY_PATH.read_bytes()
    assert version.policy_id == "kemenkes-hk0202-2438-2018"
    assert version.source_text.encode("utf-8") == raw
    assert version.is_active and version.loaded_by == admin_user
    assert version.effective_date is None  # the circular gives the year only
    entry = AuditEntry.objects.get(action="policy.load")
    assert entry.actor_id == admin_user.pk
    assert entry.target_type == "policies.PolicyVersion" and entry.target_id == str(version.pk)
    assert entry.data["content_hash"] == load_policy().content_hash
    assert entry.data["clauses"] == 28
    assert audit_verify().ok


def test_loading_the_same_file_twice_is_idempotent():
    first = policy_version_load()
    second = policy_version_load()
    assert first.pk == second.pk
    assert PolicyVersion.objects.count() == 1
    assert AuditEntry.objects.filter(action="policy.load").count() == 1


def test_a_new_version_deactivates_the_previous_one(tmp_path):
    first = policy_version_load()
    changed = tmp_path / "kemenkes-v2.yaml"
    changed.write_text(
        DEFAULT_POLICY_PATH.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"'),
        encoding="utf-8",
    )
    second = policy_version_load(path=changed)
    first.refresh_from_db()
    assert not first.is_active and second.is_active
    assert policy_active().version == "1.1"
    assert [v.version for v in policy_version_list()] == ["1.1", "1.0"]
    entry = AuditEntry.objects.filter(action="policy.load").order_by("-seq").first()
    assert entry.data["deactivated"] == [first.pk]
    # loading the first file again re-activates the stored version without a new row
    again = policy_version_load()
    second.refresh_from_db()
    assert again.pk == first.pk and again.is_active and not second.is_active
    assert AuditEntry.objects.filter(action="policy.activate").count() == 1
    assert policy_active().version == "1.0"


def test_inactive_load_keeps_the_active_version():
    active = policy_version_load()
    other = policy_version_load(path=SECOND_AGENCY, activate=False)
    assert not other.is_active
    assert policy_active().content_hash == active.content_hash


def test_another_agency_policy_becomes_active_with_no_code_change():
    policy_version_load(path=SECOND_AGENCY)
    assert policy_active().id == "dinkes-contoh-2024"
    assert policy_active().clause("L.1").severity == "tinggi"


def test_an_invalid_file_is_refused_and_nothing_is_written(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    with pytest.raises(PolicyError):
        policy_version_load(path=bad)
    assert PolicyVersion.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_management_command_loads_and_reports(capsys):
    call_command("bijak_policy_load")
    out = capsys.readouterr().out
    assert out.strip() == (
        f"kemenkes-hk0202-2438-2018 1.0 sha256:{load_policy().content_hash} (active)"
    )
    call_command("bijak_policy_load", "--file", str(SECOND_AGENCY), "--inactive")
    assert "(inactive)" in capsys.readouterr().out
    assert PolicyVersion.objects.count() == 2


def test_management_command_names_the_bad_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        DEFAULT_POLICY_PATH.read_text(encoding="utf-8").replace(
            "severity: tinggi", "severity: 3", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as info:
        call_command("bijak_policy_load", "--file", str(bad))
    assert "clauses[1].severity: must be one of: rendah, sedang, tinggi (got 3)" in str(info.value)


def test_activate_switches_the_active_version_and_audits(admin_user):
    first = policy_version_load()
    other = policy_version_load(path=SECOND_AGENCY, activate=False)
    from bijak.site.policies.services import policy_version_activate

    assert policy_version_activate(actor=admin_user, version_id=other.pk).is_active
    first.refresh_from_db()
    assert first.is_active  # another policy id keeps its own active version
    entry = AuditEntry.objects.get(action="policy.activate")
    assert entry.target_id == str(other.pk) and entry.data["deactivated"] == []
    # activating the active version again changes nothing and writes nothing
    policy_version_activate(actor=admin_user, version_id=other.pk)
    assert AuditEntry.objects.filter(action="policy.activate").count() == 1


def test_admin_lists_versions_and_activates_through_the_service(client, tmp_path):
    superuser = get_user_model().objects.create_superuser(
        username="root", password="x-not-used-123", email="root@example.invalid"
    )
    client.force_login(superuser)
    old = policy_version_load()
    changed = tmp_path / "kemenkes-v2.yaml"
    changed.write_text(
        DEFAULT_POLICY_PATH.read_text(encoding="utf-8").replace('version: "1.0"', 'version: "1.1"'),
        encoding="utf-8",
    )
    new = policy_version_load(path=changed, activate=False)
    response = client.get("/admin/policies/policyversion/")
    assert response.status_code == 200
    assert old.content_hash[:12] in response.content.decode()
    assert new.content_hash[:12] in response.content.decode()
    assert client.get("/admin/policies/policyversion/add/").status_code == 403
    response = client.post(
        "/admin/policies/policyversion/", {"action": "activate", "_selected_action": [str(new.pk)]}
    )
    assert response.status_code == 302
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.is_active and not old.is_active
    assert AuditEntry.objects.filter(action="policy.activate", actor=superuser).count() == 1
    assert policy_active().version == "1.1"
