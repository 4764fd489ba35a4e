"""Demo data of the monitoring desk (`make demo`): registered accounts, an imported X archive,
a finished scan and a queue with flags in every state, so a newcomer sees the desk at once.

Idempotent: run again, it adds nothing (the import finds every post already there). All names,
handles and posts are invented (``demo_data/README.md``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

DEMO_DATA = Path(__file__).parent / "demo_data"
SECOND_OFFICER = ("petugas2", "Wulan Anggraeni", "199001152014032009")


def demo_archive() -> bytes:
    """The demo X archive, shaped like the ZIP X sends."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Your archive.html", "<!doctype html><title>Your archive</title>")
        archive.writestr("data/tweets.js", (DEMO_DATA / "tweets.js").read_bytes())
    return buffer.getvalue()


def monitoring_demo_setup(
    *, password: str, out_dir: Path, make_user: Any
) -> list[tuple[str, str, str]]:
    """Accounts, an import, a scan and decisions; returns extra logins (username, name, role).
    `make_user(username, full_name)` is the demo command's own user maker."""
    from django.db import transaction

    from bijak.site.monitoring.models import Account, Flag, Scan
    from bijak.site.monitoring.services import (
        account_register,
        flag_claim,
        flag_confirm,
        flag_dismiss,
        post_import_confirm,
        post_import_preview,
        scan_run,
    )
    from bijak.site.org.models import Employee, OrgUnit
    from bijak.site.org.services import employee_create, role_assign

    archive = demo_archive()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "x-arsip-contoh.zip").write_bytes(archive)

    officer = Employee.objects.select_related("user").get(nip="198811202012031003").user
    username, name, nip = SECOND_OFFICER
    with transaction.atomic():
        second = make_user(username, name)
        if not Employee.objects.filter(nip=nip).exists():
            employee_create(
                actor=None,
                nip=nip,
                name=name,
                unit=OrgUnit.objects.get(code="SETJEN.KOMYAN.MEDIA.1"),
                position="Petugas Kepatuhan Media Sosial",
                email=second.email,
                user=second,
            )
        role_assign(actor=None, user=second, role="officer", unit=None)
    employee = Employee.objects.get(nip="199203142018011001")  # Dimas Pratama, "pegawai"
    account = Account.objects.filter(platform="x", handle="dimas_sehat").first()
    if account is None:
        account = account_register(
            actor=officer,
            employee=employee,
            platform="x",
            handle="dimas_sehat",
            url="https://x.com/dimas_sehat",
        )
        nutritionist = Employee.objects.get(nip="199507222020122006")
        account_register(
            actor=officer, employee=nutritionist, platform="instagram", handle="putri.gizi"
        )
    batch = post_import_preview(
        actor=officer, account=account, filename="x-arsip-contoh.zip", content=archive
    )
    post_import_confirm(actor=officer, batch=batch)
    for scan in Scan.objects.filter(status__in=(Scan.Status.QUEUED, Scan.Status.RUNNING)):
        scan_run(scan_id=scan.pk)  # the demo does not wait for the worker
    flags = list(
        Flag.objects.filter(post__account=account, kind=Flag.Kind.FLAG).order_by(
            "-severity", "created_at", "pk"
        )
    )
    if len(flags) >= 3 and not Flag.objects.exclude(status=Flag.Status.OPEN).exists():
        first, pending, noise = flags[0], flags[1], flags[-1]
        for reviewer in (officer, second):  # confirmed by two: the unit head sees it
            flag_claim(actor=reviewer, flag=first)
            flag_confirm(actor=reviewer, flag=first, note="Demo.")
        flag_claim(actor=officer, flag=pending)  # one confirmation: waits for a second reviewer
        flag_confirm(actor=officer, flag=pending, note="Demo.")
        flag_claim(actor=second, flag=noise)
        flag_dismiss(actor=second, flag=noise, reason=Flag.Reason.CONTEXT, note="Demo.")
    return [(username, name, "petugas kepatuhan kedua / second compliance officer")]
