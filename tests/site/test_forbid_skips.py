"""CI forbids skipped tests (BIJAK_FORBID_SKIPS=1) — including a module skipped while it is
collected, which used to slip through (issue 8, defect 11). Run as a real pytest subprocess with
the suite's conftest loaded as a plugin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]


def run_probe(tmp_path: Path, body: str, forbid: bool) -> subprocess.CompletedProcess[str]:
    probe = tmp_path / "test_probe.py"
    probe.write_text(body, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(TESTS), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("BIJAK_FORBID_SKIPS", None)
    if forbid:
        env["BIJAK_FORBID_SKIPS"] = "1"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "conftest",
            "-c",
            os.devnull,
            "--rootdir",
            str(tmp_path),
            str(probe),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


COLLECTION_SKIP = "import pytest\npytest.skip('a part is missing', allow_module_level=True)\n"
RUN_SKIP = "import pytest\n\ndef test_x():\n    pytest.skip('a part is missing')\n"


@pytest.mark.parametrize("body", [COLLECTION_SKIP, RUN_SKIP], ids=["collection", "run"])
def test_a_skip_fails_the_run_when_skips_are_forbidden(tmp_path, body):
    result = run_probe(tmp_path, body, forbid=True)
    assert result.returncode != 0, result.stdout
    assert "BIJAK_FORBID_SKIPS: 1 test(s) skipped, which CI forbids" in result.stdout
    allowed = run_probe(tmp_path, body, forbid=False)
    assert allowed.returncode in (0, 5), allowed.stdout  # 5: nothing ran, nothing failed
