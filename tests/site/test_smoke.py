"""The skeleton serves its home page in Indonesian and switches to English."""

import pytest


@pytest.mark.django_db
def test_home_page_is_indonesian_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Bijak bermedia sosial" in response.content.decode()
    assert 'lang="id"' in response.content.decode()


@pytest.mark.django_db
def test_audit_chain_detects_tampering():
    from bijak.site.audit.models import AuditEntry
    from bijak.site.audit.services import audit_record, audit_verify

    audit_record(actor=None, action="test.one", data={"a": 1})
    audit_record(actor=None, action="test.two", data={"b": 2})
    assert audit_verify().ok
    AuditEntry.objects.filter(seq=1).update(data={"a": 2})
    check = audit_verify()
    assert not check.ok and check.first_bad_seq == 1 and check.reason == "content"
