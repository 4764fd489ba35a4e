"""A bad environment value stops start-up with a clear message (run in a subprocess)."""

import os
import subprocess
import sys

import pytest

SETUP = "import django; django.setup(); print('ok')"


def run(tmp_path, code=SETUP, **env):
    environ = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "DATABASE_URL",
            "EMAIL_PORT",
            "SECRET_KEY",
            "BIJAK_DEMO",
            "TIME_ZONE",
            "LOG_LEVEL",
            "SITE_ROOT",
            "BIJAK_IMPORT_MAX_BYTES",
        }
    }
    environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bijak.site.settings",
            "BIJAK_VAR_DIR": str(tmp_path),
            "BIJAK_DEMO": "true",
        }
    )
    environ.update(env)
    environ = {k: v for k, v in environ.items() if v is not None}  # None: leave it unset
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_good_environment_starts(tmp_path):
    result = run(tmp_path, DEBUG="false")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean (true/false), got 'maybe'"),
        ({"EMAIL_PORT": "dua lima"}, "EMAIL_PORT must be an integer, got 'dua lima'"),
        (
            {"BIJAK_DEMO": "false", "SECRET_KEY": ""},
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when BIJAK_DEMO is false",
        ),
        ({"BIJAK_IMPORT_MAX_BYTES": "2MB"}, "BIJAK_IMPORT_MAX_BYTES must be an integer, got '2MB'"),
        ({"TIME_ZONE": "Asia/Bandung"}, "TIME_ZONE is not a known time zone, got 'Asia/Bandung'"),
        (
            {"LOG_LEVEL": "loud"},
            "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got 'LOUD'",
        ),
        (
            {"SITE_ROOT": "bijak.example"},
            "SITE_ROOT must start with http:// or https://, got 'bijak.example'",
        ),
        ({"DATABASE_URL": "nonsense"}, "DATABASE_URL is not a valid database URL"),
    ],
)
def test_bad_value_stops_start_up_with_a_clear_message(tmp_path, env, message):
    result = run(tmp_path, **env)
    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {message}" in result.stderr


def test_cli_reports_a_bad_value_in_one_line(tmp_path):
    code = "from bijak.cli.main import app; app(['demo', '--no-serve'])"
    result = run(tmp_path, code, DEBUG="maybe")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "bijak: pengaturan salah / bad setting: DEBUG must be a boolean (true/false), got 'maybe'"
    )


def test_without_secret_key_a_host_does_not_start_unless_it_is_the_demo(tmp_path):
    """Issue 8, defect 10: BIJAK_DEMO defaulted to true, so a production host without
    SECRET_KEY silently ran with the public demo key."""
    result = run(tmp_path, BIJAK_DEMO=None)
    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: SECRET_KEY (or SECRET_KEY_FILE) must be set when BIJAK_DEMO is false"
    ) in result.stderr
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.BIJAK_DEMO, settings.SECRET_KEY.startswith('bijak-demo-key'))"
    )
    result = run(tmp_path, code, BIJAK_DEMO="true")
    assert result.stdout.split() == ["True", "True"], result.stderr


def test_secrets_are_read_from_files(tmp_path):
    (tmp_path / "key").write_text("s3cret-from-a-file-0123456789-abcdefghijklmnopqrstuvwxyz\n")
    (tmp_path / "mail").write_text("mail-pass")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECRET_KEY); print(settings.EMAIL_HOST_PASSWORD)"
    )
    result = run(
        tmp_path,
        code,
        SECRET_KEY_FILE=str(tmp_path / "key"),
        EMAIL_HOST_PASSWORD_FILE=str(tmp_path / "mail"),
    )
    assert result.stdout.splitlines() == [
        "s3cret-from-a-file-0123456789-abcdefghijklmnopqrstuvwxyz",
        "mail-pass",
    ], result.stderr
    result = run(tmp_path, SECRET_KEY_FILE=str(tmp_path / "missing"))
    assert "ImproperlyConfigured: SECRET_KEY_FILE cannot be read" in result.stderr
    result = run(tmp_path, SECRET_KEY="x" * 50, SECRET_KEY_FILE=str(tmp_path / "key"))
    assert "ImproperlyConfigured: set SECRET_KEY or SECRET_KEY_FILE, not both" in result.stderr


def test_sqlite_overwrites_deleted_rows(tmp_path):
    """Issue 8, defect 10: a deleted draft stayed readable in the SQLite files."""
    code = """
import django; django.setup()
from django.db import connection
with connection.cursor() as c:
    c.execute("PRAGMA secure_delete"); print(c.fetchone()[0])
    c.execute("CREATE TABLE draft (body TEXT)")
    c.execute("INSERT INTO draft VALUES (%s)", ["RAHASIA-" + "nik3201014508900003" * 50])
    c.execute("DELETE FROM draft")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
connection.close()
"""
    result = run(tmp_path, code, BIJAK_DEMO="true")
    assert result.stdout.split() == ["1"], result.stderr
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("bijak.sqlite3*"))
    assert stored and b"nik3201014508900003" not in stored


def test_the_lock_file_names_no_machine_local_index_or_folder():
    """Issue 8, defect 10: requirements.lock named this machine's package-index folders."""
    from pathlib import Path

    lock = Path(__file__).resolve().parents[2] / "requirements.lock"
    lines = lock.read_text(encoding="utf-8").splitlines()
    assert lines and not [
        line for line in lines if line.startswith("-") or "file://" in line or "/opt/" in line
    ]
    makefile = (lock.parent / "Makefile").read_text(encoding="utf-8")
    assert "--no-emit-index-url --no-emit-find-links" in makefile
