"""`bijak account list`, `bijak import-posts`, `bijak review stats`, `bijak export-reviews`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from monitoring_helpers import FIXTURES, register
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.site.monitoring.models import Flag, Post
from bijak.site.monitoring.services import flag_claim, flag_confirm, flag_dismiss

runner = CliRunner()
pytestmark = pytest.mark.django_db


def test_account_list_masks_the_owner_nip(officer: Any, employee: Any) -> None:
    account = register(officer, employee)
    result = runner.invoke(app, ["account", "list", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {
            "id": account.pk,
            "platform": "x",
            "handle": "sari_sehat",
            "owner_nip": "1990**********2001",
            "posts": 0,
        }
    ]
    assert "199004122015032001" not in runner.invoke(app, ["account", "list"]).output


def test_import_posts_dry_run_then_import_then_reimport(officer: Any, employee: Any) -> None:
    account = register(officer, employee)
    path = str(FIXTURES / "tweets_broken_entries.js")
    base = ["import-posts", path, "--account", str(account.pk), "--user", "rina", "--json"]
    dry = json.loads(runner.invoke(app, [*base, "--dry-run"]).output)
    assert (dry["read"], dry["rejected"], dry["dry_run"]) == (5, 2, True)
    assert not Post.objects.exists()
    first = runner.invoke(app, base)
    assert first.exit_code == 0, first.output
    body = json.loads(first.output)
    assert (body["read"], body["new"], body["duplicates"], body["rejected"]) == (5, 3, 0, 2)
    assert body["rejects"][0] == {
        "file": "tweets_broken_entries.js",
        "line": body["rejects"][0]["line"],
        "reason": "Tweet ini tidak memiliki full_text.",
    }
    assert Post.objects.filter(scan__isnull=False).count() == 3  # scanned after the import
    again = json.loads(runner.invoke(app, base).output)
    assert (again["new"], again["duplicates"]) == (0, 3)
    assert Post.objects.count() == 3


def test_import_posts_refuses_a_bad_file_with_its_message(officer: Any, employee: Any) -> None:
    account = register(officer, employee)
    result = runner.invoke(
        app,
        [
            "import-posts",
            str(FIXTURES / "tweets_no_prefix.js"),
            "--account",
            str(account.pk),
            "--user",
            "rina",
        ],
    )
    assert result.exit_code == 1
    assert 'tidak diawali "window.YTD.tweets.part0 ="' in result.output


def test_import_posts_outside_the_users_reach(employee: Any, colleague: Any, officer: Any) -> None:
    account = register(officer, employee)
    result = runner.invoke(
        app,
        [
            "import-posts",
            str(FIXTURES / "tweets.js"),
            "--account",
            str(account.pk),
            "--user",
            "dewi",
        ],
    )
    assert result.exit_code == 1
    assert f"Akun {account.pk} tidak ditemukan atau di luar wewenang dewi." in result.output


def test_review_stats_and_export_reviews(
    officer: Any, employee: Any, org_tree: Any, tmp_path: Any
) -> None:
    from conftest import make_person

    account = register(officer, employee)
    runner.invoke(
        app,
        [
            "import-posts",
            str(FIXTURES / "tweets.js"),
            "--account",
            str(account.pk),
            "--user",
            "rina",
        ],
    )
    second = make_person(
        username="tono",
        full_name="Tono Sugiarto",
        unit=org_tree.kpp,
        nip="198905052012121007",
        roles=(("officer", None),),
    )
    flags = list(Flag.objects.order_by("pk"))
    for reviewer in (officer, second):
        flag_claim(actor=reviewer, flag=flags[0])
        flag_confirm(actor=reviewer, flag=flags[0])
    flag_claim(actor=officer, flag=flags[1])
    flag_dismiss(actor=officer, flag=flags[1], reason="context")
    scans = json.loads(runner.invoke(app, ["review", "scans", "--json"]).output)
    assert [(s["status"], s["done"], s["total"], s["flagged"]) for s in scans] == [
        ("done", 6, 6, 3)
    ]
    stats = json.loads(runner.invoke(app, ["review", "stats", "--json"]).output)
    assert (stats["open"], stats["confirmed"], stats["dismissed"]) == (1, 1, 1)
    out = tmp_path / "ulasan.jsonl"
    result = runner.invoke(app, ["export-reviews", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [set(line["labels"].values()) for line in lines] == [{1}, {0}]
    assert set(lines[0]["labels"]) == set(flags[0].category_ids)
    assert all("3174012503900007" not in line["text"] for line in lines)
    evaluated = runner.invoke(app, ["eval", str(out), "--json"])  # the lines `bijak eval` reads
    assert evaluated.exit_code == 0, evaluated.output
    assert "bijak-review" in evaluated.output
