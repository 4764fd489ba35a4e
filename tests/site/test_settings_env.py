"""A bad environment value stops start-up with a clear message (run in a subprocess)."""

import os
import subprocess
import sys

import pytest

SETUP = "import django; django.setup(); print('ok')"


def run(tmp_path, code=SETUP, **env):
    environ = {k: v for k, v in os.environ.items()
               if k not in {"DEBUG", "DATABASE_URL", "EMAIL_PORT", "SECRET_KEY", "BIJAK_DEMO",
                            "TIME_ZONE", "LOG_LEVEL", "SITE_ROOT", "BIJAK_IMPORT_MAX_BYTES"}}
    environ.update({"DJANGO_SETTINGS_MODULE": "bijak.site.settings", "BIJAK_VAR_DIR": str(tmp_path)})
    environ.update(env)
    return subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True, text=True,
                          timeout=60, check=False)


def test_good_environment_starts(tmp_path):
    result = run(tmp_path, DEBUG="false")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean (true/false), got 'maybe'"),
        ({"EMAIL_PORT": "dua lima"}, "EMAIL_PORT must be an integer, got 'dua lima'"),
        ({"BIJAK_DEMO": "false", "SECRET_KEY": ""}, "SECRET_KEY must be set when BIJAK_DEMO is false"),
        ({"BIJAK_IMPORT_MAX_BYTES": "2MB"}, "BIJAK_IMPORT_MAX_BYTES must be an integer, got '2MB'"),
        ({"TIME_ZONE": "Asia/Bandung"}, "TIME_ZONE is not a known time zone, got 'Asia/Bandung'"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got 'LOUD'"),
        ({"SITE_ROOT": "bijak.example"}, "SITE_ROOT must start with http:// or https://, got 'bijak.example'"),
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
        "bijak: pengaturan salah / bad setting: DEBUG must be a boolean (true/false), got 'maybe'")
