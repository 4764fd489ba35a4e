"""`make demo` shows the desk at once: accounts, an imported archive, flags in every state."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from bijak.site.monitoring.models import Account, Flag, Post


@pytest.mark.django_db
def test_demo_has_accounts_an_import_and_a_queue_and_is_idempotent(
    client: Any, settings: Any, tmp_path: Any
) -> None:
    settings.VAR_DIR = tmp_path
    call_command("bijak_demo_setup", stdout=io.StringIO())
    counts = (Account.objects.count(), Post.objects.count(), Flag.objects.count())
    out = io.StringIO()
    call_command("bijak_demo_setup", stdout=out)
    assert (Account.objects.count(), Post.objects.count(), Flag.objects.count()) == counts
    assert counts[0] == 2 and counts[1] == 8
    statuses = set(Flag.objects.values_list("status", flat=True))
    assert statuses == {"open", "pending_second", "confirmed", "dismissed"}
    assert (tmp_path / "demo" / "x-arsip-contoh.zip").stat().st_size > 0
    assert "petugas2" in out.getvalue()

    client.post("/akun/masuk/", {"username": "petugas", "password": "bijak-demo-2438"})
    desk = client.get("/pemantauan/").content.decode()
    assert (
        desk.count('data-flag="')
        == Flag.objects.filter(status__in=("open", "pending_second")).count()
    )
    client.post("/akun/keluar/")
    client.post("/akun/masuk/", {"username": "kepala", "password": "bijak-demo-2438"})
    mine = client.get("/pemantauan/saya/").content.decode()
    assert "Dimas Pratama" in mine  # the head sees the confirmed flag of their staff
