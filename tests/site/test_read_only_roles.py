"""Auditors read everything and change nothing; an outsider sees nothing. Every state-changing
URL of the organisation answers them 404, and the audit log (every change writes to it) does
not grow."""

import pytest

from bijak.site.audit.models import AuditEntry
from bijak.site.org.models import ImportBatch, RoleAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def write_requests(org_tree, employee, officer, officer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    officer_client.post(
        "/organisasi/impor/",
        {
            "file": SimpleUploadedFile(
                "pegawai.csv",
                b"nip,nama,kode_unit,jabatan,email\n"
                b"198503152010121001,Andi Saputra,SJ.KPP,Staf,andi@contoh.go.id\n",
            )
        },
    )
    batch = ImportBatch.objects.get()
    role = RoleAssignment.objects.filter(user=officer).first()
    staff = employee.employee.pk
    return [
        (
            "/organisasi/kelola/",
            {"action": "unit", "unit-code": "SJ.X", "unit-name": "X", "unit-level": "eselon_2"},
        ),
        ("/organisasi/kelola/", {"action": "role", "role-username": "sari", "role-role": "admin"}),
        (f"/organisasi/kelola/peran/{role.pk}/cabut/", {}),
        (f"/organisasi/unit/{org_tree.keu.pk}/ubah/", {"name": "Diubah", "level": "eselon_2"}),
        (f"/organisasi/pegawai/{staff}/ubah/", {"name": "Diubah", "unit": org_tree.keu.pk}),
        (f"/organisasi/pegawai/{staff}/akun/", {"active": "0"}),
        (f"/organisasi/pegawai/{staff}/undang/", {}),
        ("/organisasi/impor/", {}),
        (f"/organisasi/impor/{batch.pk}/", {"mode": "valid_only"}),
    ]


@pytest.mark.parametrize("persona", ["auditor_client", "outsider_client"])
def test_read_only_personas_get_404_on_every_change_and_nothing_changes(
    request, persona, write_requests
):
    client = request.getfixturevalue(persona)
    before = AuditEntry.objects.count()
    for url, data in write_requests:
        assert client.post(url, data).status_code == 404, url
    assert AuditEntry.objects.count() == before
    assert ImportBatch.objects.get().status == "pending"


def test_the_same_requests_reach_their_views_for_those_allowed(
    admin_client_, officer_client, write_requests
):
    """The 404s above come from the permission checks, not from wrong URLs."""
    *managed, (batch_url, batch_data) = write_requests
    assert officer_client.post(batch_url, batch_data).status_code != 404
    for url, data in managed:  # one of them revokes the officer's role, so the batch goes first
        assert admin_client_.post(url, data).status_code != 404, url
