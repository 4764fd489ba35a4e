"""`bijak_demo_setup` is idempotent, prints the URL and the logins, and every login works."""

import io
import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from bijak.site.accounts.models import User
from bijak.site.audit.services import audit_verify
from bijak.site.org.models import Employee, OrgUnit, RoleAssignment


def setup_output() -> str:
    out = io.StringIO()
    call_command("bijak_demo_setup", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_setup_is_idempotent_and_prints_logins(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    first = setup_output()
    counts = (
        OrgUnit.objects.count(),
        Employee.objects.count(),
        User.objects.count(),
        RoleAssignment.objects.count(),
    )
    second = setup_output()
    assert counts == (
        OrgUnit.objects.count(),
        Employee.objects.count(),
        User.objects.count(),
        RoleAssignment.objects.count(),
    )
    assert first == second
    lines = first.splitlines()
    assert lines[0] == "bijak demo siap / ready: http://127.0.0.1:8000"
    assert lines[1].startswith("Kebijakan / policy: kemenkes-hk0202-2438-2018 ")
    assert (
        lines[2]
        == f"Contoh berkas impor pegawai / sample employee file: {tmp_path}/demo/pegawai-contoh.csv"
    )
    assert "username  password         peran / role" in lines
    assert (
        "petugas   bijak-demo-2438  petugas kepatuhan / compliance officer (Fajar Nugroho)" in lines
    )
    assert OrgUnit.objects.get(code="SETJEN.KOMYAN").name == "Biro Komunikasi dan Pelayanan Publik"
    assert audit_verify().ok

    expectations = {  # username: (may import employees, may read the audit log)
        "pegawai": (404, 404),
        "kepala": (404, 404),
        "petugas": (200, 404),
        "auditor": (404, 200),
        "admin": (200, 200),
        "tamu": (404, 404),
    }
    for username, (import_status, audit_status) in expectations.items():
        client.logout()
        response = client.post(
            "/akun/masuk/", {"username": username, "password": "bijak-demo-2438"}
        )
        assert response.status_code == 302, username
        assert client.get("/organisasi/impor/").status_code == import_status, username
        assert client.get("/audit/").status_code == audit_status, username

    # the sample file previews as 2 new, 1 update, 1 rejected
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.logout()
    client.post("/akun/masuk/", {"username": "petugas", "password": "bijak-demo-2438"})
    sample = (tmp_path / "demo" / "pegawai-contoh.csv").read_bytes()
    response = client.post(
        "/organisasi/impor/",
        {"file": SimpleUploadedFile("pegawai-contoh.csv", sample)},
        follow=True,
    )
    html = response.content.decode()
    assert "2 baru, 1 diperbarui, 0 tidak berubah, 1 ditolak." in html
    assert "Tanggal lahir pada NIP (19991345) bukan tanggal yang sah." in html


def test_bijak_demo_no_serve_on_a_fresh_sqlite_file(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["BIJAK_HOME"] = str(tmp_path)
    bijak = os.path.join(os.path.dirname(sys.executable), "bijak")
    result = subprocess.run(
        [bijak, "demo", "--no-serve"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "bijak demo siap / ready: http://127.0.0.1:8000" in result.stdout
    assert (tmp_path / "var" / "bijak.sqlite3").exists()
