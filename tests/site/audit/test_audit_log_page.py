"""The audit log page: auditors and admins read it and verify the chain; nobody else sees it."""

import pytest

from bijak.site.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "persona", ["employee_client", "unit_head_client", "officer_client", "outsider_client"]
)
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


def _body(html):
    return html[html.index("<tbody>") : html.index("</tbody>")] if "<tbody>" in html else ""


def test_filter_by_action_prefix(auditor_client):
    html = auditor_client.get("/audit/?aksi=role.").content.decode()
    body = _body(html)
    assert "memberi peran" in body and "role.assign" in body and "orgunit.create" not in body


def test_entries_name_people_actions_and_objects_in_words(auditor_client, admin, employee):
    body = _body(auditor_client.get("/audit/?aksi=role.assign").content.decode())
    # the object is the role in words, with the person's user name and the unit
    assert "Pegawai · sari · SJ.KEU.AG.1" in body
    assert "accounts.User" not in body and "org.RoleAssignment" not in body


def test_filters_by_person_object_and_date(auditor_client, admin_client_, employee):
    admin_client_.get("/")  # nothing logged; the admin's own sign-in comes from force_login
    html = auditor_client.get("/audit/?objek=org.OrgUnit").content.decode()
    assert "membuat unit" in _body(html) and "memberi peran" not in _body(html)
    html = auditor_client.get("/audit/?orang=tidak-ada-orang-ini").content.decode()
    assert "Tidak ada entri yang cocok dengan saringan ini" in html
    assert "Belum ada entri" not in html
    html = auditor_client.get("/audit/?sejak=2000-01-01&sampai=2000-01-02").content.decode()
    assert "Tidak ada entri yang cocok dengan saringan ini" in html
    response = auditor_client.get("/audit/?sejak=kemarin")
    assert response.status_code == 400
    assert "Tanggal kemarin tidak dikenali" in response.content.decode()


def test_entry_data_is_shown(auditor_client):
    html = auditor_client.get("/audit/?aksi=role.assign").content.decode()
    assert "&quot;role&quot;: &quot;auditor&quot;" in html


def test_export_recomputes_to_the_same_chain(auditor_client, officer_client):
    import hashlib
    import json

    assert officer_client.get("/audit/ekspor.jsonl").status_code == 404
    response = auditor_client.get("/audit/ekspor.jsonl")
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    rows = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert [r["seq"] for r in rows] == list(range(1, AuditEntry.objects.count() + 1))
    prev = "0" * 64
    for r in rows:  # an outside verifier needs only the file and the documented payload
        payload = json.dumps(
            [
                r["seq"],
                r["created_at"],
                r["actor_id"],
                r["actor_label"],
                r["action"],
                r["target_type"],
                r["target_id"],
                r["data"],
                r["prev_hash"],
            ],
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        assert r["prev_hash"] == prev
        assert hashlib.sha256(payload.encode()).hexdigest() == r["hash"]
        prev = r["hash"]


def test_verify_command_exit_status(auditor):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("bijak_audit_verify", stdout=out)
    assert out.getvalue().startswith("Rantai audit utuh: ")
    AuditEntry.objects.filter(seq=2).update(action="diubah")
    err = io.StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("bijak_audit_verify", stderr=err)
    assert exited.value.code == 1
    assert (
        err.getvalue().strip()
        == "Rantai audit RUSAK pada entri #2: isi entri diubah setelah dicatat."
    )


def test_a_filter_with_control_characters_is_refused_clearly(auditor_client):
    response = auditor_client.get("/audit/?aksi=role.%00assign")
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Teks pencarian berisi karakter kendali yang tidak diizinkan; pencarian diabaikan." in html
    )
    assert "role.assign" in html and "orgunit.create" in html  # the whole log, unfiltered


def test_a_failed_sign_in_with_a_nul_in_the_name_is_still_audited(client, auditor_client):
    response = client.post("/akun/masuk/", {"username": "sari\x00x", "password": "salah"})
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="user.login_failed")
    assert entry.data == {"username": "sari\ufffdx"}
    html = auditor_client.get("/audit/?periksa=1").content.decode()
    assert f"Rantai audit utuh: {AuditEntry.objects.count()} entri diperiksa" in html
