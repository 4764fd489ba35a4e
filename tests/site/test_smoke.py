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


@pytest.mark.django_db
def test_home_shows_menu_for_the_role(client, auditor_client, officer_client):
    html = client.get("/").content.decode()
    assert "Masuk dan cek draf" in html  # the anonymous visitor is told to sign in, and why
    assert 'href="/audit/"' not in html
    html = auditor_client.get("/").content.decode()
    assert 'href="/audit/"' in html and 'href="/organisasi/"' in html  # audit log, organisation
    assert 'data-panel="audit.recent"' in html
    assert 'href="/organisasi/impor/"' not in html
    html = officer_client.get("/").content.decode()
    assert 'href="/organisasi/impor/"' in html and 'href="/audit/"' not in html


@pytest.mark.django_db
def test_messages_follow_the_chosen_language(officer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    officer_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = officer_client.post(
        "/organisasi/impor/",
        {"file": SimpleUploadedFile("pegawai.csv", b"nip,nama\n1,2\n", content_type="text/csv")},
    )
    assert "Required columns are missing: kode_unit, email." in response.content.decode()
    html = officer_client.get("/").content.decode()
    assert "Import employees" in html and "Most often triggered points" in html
