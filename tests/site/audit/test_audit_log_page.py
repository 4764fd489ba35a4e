"""The audit log page: auditors and admins read it and verify the chain; nobody else sees it."""

import pytest

from bijak.site.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["employee_client", "unit_head_client", "officer_client",
                                     "outsider_client"])
def test_audit_log_is_404_for_other_roles(request, persona):
    assert request.getfixturevalue(persona).get("/audit/").status_code == 404


def test_auditor_reads_log_and_verifies_chain(auditor_client, admin_client_):
    html = auditor_client.get("/audit/").content.decode()
    assert "orgunit.create" in html and "role.assign" in html
    html = auditor_client.get("/audit/?periksa=1").content.decode()
    count = AuditEntry.objects.count()
    assert f"Rantai audit utuh: {count} entri diperiksa, tidak ada yang diubah." in html
    assert admin_client_.get("/audit/?periksa=1").status_code == 200


def test_tampering_is_reported_with_the_entry_number(auditor_client):
    AuditEntry.objects.filter(seq=3).update(target_id="999")
    html = auditor_client.get("/audit/?periksa=1").content.decode()
    assert "Rantai audit RUSAK pada entri #3: isi entri diubah setelah dicatat." in html


def test_filter_by_action_prefix(auditor_client):
    html = auditor_client.get("/audit/?aksi=role.").content.decode()
    assert "role.assign" in html and "orgunit.create" not in html


def test_entry_data_is_shown(auditor_client):
    html = auditor_client.get("/audit/?aksi=role.assign").content.decode()
    assert "&quot;role&quot;: &quot;auditor&quot;" in html
