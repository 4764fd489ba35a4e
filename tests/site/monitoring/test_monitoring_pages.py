"""The monitoring pages, persona by persona: what each one sees and may do."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from monitoring_helpers import fixture, import_and_scan, instagram_archive, register, x_archive

from bijak.site.audit.models import AuditEntry
from bijak.site.monitoring.models import Account, Flag, Post, Scan
from bijak.site.monitoring.services import flag_claim, flag_confirm, scan_run

pytestmark = pytest.mark.django_db

NIK = "3174012503900007"


@pytest.fixture
def flagged(officer: Any, employee: Any) -> Account:
    account = register(officer, employee)
    import_and_scan(officer, account, "arsip.zip", x_archive())
    return account


def _second_officer(org_tree: Any) -> Any:
    from conftest import make_person

    return make_person(
        username="tono",
        full_name="Tono Sugiarto",
        unit=org_tree.kpp,
        nip="198905052012121007",
        roles=(("officer", None),),
    )


def test_officer_uploads_an_x_archive_previews_confirms_and_the_scan_fills_the_queue(
    officer_client: Any, officer: Any, employee: Any
) -> None:
    account = register(officer, employee)
    upload = SimpleUploadedFile("twitter-2023.zip", x_archive(), content_type="application/zip")
    response = officer_client.post(f"/pemantauan/akun/{account.pk}/", {"file": upload})
    assert response.status_code == 302
    preview = officer_client.get(response["Location"]).content.decode()
    assert "Pratinjau: belum ada unggahan yang ditulis." in preview
    assert not Post.objects.exists()
    response = officer_client.post(response["Location"])
    scan = Scan.objects.get()
    assert response["Location"] == f"/pemantauan/pindai/{scan.pk}/"
    page = officer_client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in page and "0 dari 6 unggahan dipindai" in page
    scan_run(scan_id=scan.pk)
    page = officer_client.get(f"/pemantauan/pindai/{scan.pk}/").content.decode()
    assert "6 dari 6 unggahan dipindai; 3 masuk antrean tinjau." in page
    assert 'http-equiv="refresh"' not in page
    desk = officer_client.get("/pemantauan/").content.decode()
    assert desk.count('data-flag="') == 3
    assert NIK not in desk


def test_wrong_platform_upload_shows_the_message_and_keeps_nothing(
    officer_client: Any, officer: Any, employee: Any
) -> None:
    account = register(officer, employee)
    upload = SimpleUploadedFile("instagram.zip", instagram_archive())
    response = officer_client.post(f"/pemantauan/akun/{account.pk}/", {"file": upload})
    assert response.status_code == 400
    assert "Berkas ini ekspor Instagram, tetapi akun @sari_sehat adalah akun X (Twitter)." in (
        response.content.decode()
    )
    assert not Post.objects.exists()


def test_flag_page_shows_masked_post_evidence_and_clause_text(
    officer_client: Any, flagged: Account
) -> None:
    flag = Flag.objects.get(post__platform_id="1730000000000000002")
    html = officer_client.get(f"/pemantauan/temuan/{flag.pk}/").content.decode()
    assert NIK not in html and "3174********0007" in html
    assert "<mark" in html and 'data-clause="B.8"' in html and 'data-clause="A.2"' in html
    assert "Ambil untuk ditinjau" in html


def test_rescan_page_and_flag_page_mark_findings_carried_over_from_the_clear_text(
    officer_client: Any, officer: Any, flagged: Account
) -> None:
    """A.2 (the NIK, masked in the stored text) is carried over by a re-scan: the scan page
    counts it apart from added and removed findings, and the flag page says where it comes
    from."""
    from bijak.site.monitoring.services import scan_start

    rescan = scan_run(scan_id=scan_start(actor=officer, accounts=[flagged]).pk)
    html = officer_client.get(f"/pemantauan/pindai/{rescan.pk}/").content.decode()
    row = html.split('<tr data-clause="A.2">', 1)[1].split("</tr>", 1)[0]
    assert [cell.rsplit(">", 1)[1] for cell in row.split("</td>")[1:5]] == ["0", "0", "0", "1"]
    assert "1 temuan bertumpu pada data pribadi yang kini tersamar" in html
    flag = Flag.objects.get(post__platform_id="1730000000000000002")
    html = officer_client.get(f"/pemantauan/temuan/{flag.pk}/").content.decode()
    a2 = html.split('data-clause="A.2"', 1)[1].split("</li>", 1)[0]
    assert "data-carried" in a2 and "Hasil pindaian teks asli" in a2
    b8 = html.split('data-clause="B.8"', 1)[1].split("</li>", 1)[0]
    assert "data-carried" not in b8
    officer_client.cookies["django_language"] = "en"
    english = officer_client.get(f"/pemantauan/pindai/{rescan.pk}/").content.decode()
    assert "Carried from the scan of the original text" in english


def test_review_through_the_pages_needs_two_officers_to_confirm(
    officer_client: Any, client_as: Any, flagged: Account, org_tree: Any
) -> None:
    second = client_as(_second_officer(org_tree))
    response = officer_client.post("/pemantauan/ambil/")
    flag_url = response["Location"]
    officer_client.post(flag_url, {"action": "confirm", "note": "menghina profesi"})
    flag = Flag.objects.get(pk=int(flag_url.rstrip("/").rsplit("/", 1)[1]))
    assert flag.status == "pending_second"
    second.post(flag_url, {"action": "claim"})
    second.post(flag_url, {"action": "confirm"})
    flag.refresh_from_db()
    assert flag.status == "confirmed"


def test_bulk_dismiss_from_the_desk(officer_client: Any, flagged: Account) -> None:
    ids = list(Flag.objects.values_list("pk", flat=True))
    officer_client.post(
        "/pemantauan/tolak-massal/", {"flag": [str(i) for i in ids[:2]], "reason": "noise"}
    )
    assert Flag.objects.filter(status="dismissed").count() == 2


def test_head_sees_staff_flags_only_after_confirmation(
    unit_head_client: Any, officer: Any, flagged: Account, org_tree: Any
) -> None:
    flag = Flag.objects.get(post__platform_id="1730000000000000002")
    assert unit_head_client.get("/pemantauan/").status_code == 302  # no desk for a head
    assert unit_head_client.get(f"/pemantauan/temuan/{flag.pk}/").status_code == 404
    assert (
        "Belum ada temuan terkonfirmasi"
        in unit_head_client.get("/pemantauan/saya/").content.decode()
    )
    second = _second_officer(org_tree)
    flag_claim(actor=officer, flag=flag)
    flag_confirm(actor=officer, flag=flag)
    assert (
        unit_head_client.get(f"/pemantauan/temuan/{flag.pk}/").status_code == 404
    )  # one pair of eyes
    flag_claim(actor=second, flag=flag)
    flag_confirm(actor=second, flag=flag)
    mine = unit_head_client.get("/pemantauan/saya/").content.decode()
    assert "Sari Wulandari" in mine and "B.8" in mine
    page = unit_head_client.get(f"/pemantauan/temuan/{flag.pk}/").content.decode()
    assert "Dikonfirmasi" in page or "dikonfirmasi" in page
    assert "Ambil untuk ditinjau" not in page


def test_head_of_another_unit_sees_nothing(
    client_as: Any, officer: Any, flagged: Account, org_tree: Any
) -> None:
    from conftest import make_person

    other_head = make_person(
        username="hadi",
        full_name="Hadi Susanto",
        unit=org_tree.kpp,
        nip="197505052001121009",
        roles=(("unit_head", org_tree.kpp),),
    )
    second = _second_officer(org_tree)
    flag = Flag.objects.get(post__platform_id="1730000000000000002")
    for reviewer in (officer, second):
        flag_claim(actor=reviewer, flag=flag)
        flag_confirm(actor=reviewer, flag=flag)
    client = client_as(other_head)
    assert client.get(f"/pemantauan/temuan/{flag.pk}/").status_code == 404
    assert "Sari Wulandari" not in client.get("/pemantauan/saya/").content.decode()


def test_employee_sees_own_accounts_and_flag_status_not_the_desk(
    employee_client: Any, flagged: Account
) -> None:
    assert employee_client.get("/pemantauan/").status_code == 302
    mine = employee_client.get("/pemantauan/saya/").content.decode()
    assert "@sari_sehat" in mine and "Rina Kusumawati" in mine  # who registered it
    assert mine.count("Terbuka") + mine.count("terbuka") >= 3
    account = employee_client.get(f"/pemantauan/akun/{flagged.pk}/")
    assert account.status_code == 200
    assert employee_client.post("/pemantauan/ambil/").status_code == 404


def test_employee_registers_own_account_and_imports_it(employee_client: Any, employee: Any) -> None:
    response = employee_client.post(
        "/pemantauan/akun/",
        {
            "employee": employee.employee.pk,
            "platform": "tiktok",
            "handle": "@sari.sehat",
            "url": "",
        },
    )
    assert response.status_code == 302
    account = Account.objects.get(handle="sari.sehat")
    upload = SimpleUploadedFile("user_data_tiktok.json", fixture("user_data_tiktok.json"))
    response = employee_client.post(f"/pemantauan/akun/{account.pk}/", {"file": upload})
    assert response.status_code == 302


def test_colleague_account_is_404_for_an_employee(
    client_as: Any, colleague: Any, officer: Any, flagged: Account
) -> None:
    client = client_as(colleague)
    assert client.get(f"/pemantauan/akun/{flagged.pk}/").status_code == 404
    assert client.get("/pemantauan/akun/999999/").status_code == 404
    flag = Flag.objects.first()
    assert client.get(f"/pemantauan/temuan/{flag.pk}/").status_code == 404


def test_auditor_reads_the_desk_and_changes_nothing(auditor_client: Any, flagged: Account) -> None:
    assert auditor_client.get("/pemantauan/").status_code == 200
    assert auditor_client.get("/pemantauan/dasbor/").status_code == 200
    flag = Flag.objects.first()
    page = auditor_client.get(f"/pemantauan/temuan/{flag.pk}/").content.decode()
    assert "Ambil untuk ditinjau" not in page
    before = AuditEntry.objects.count()
    for url, data in [
        ("/pemantauan/ambil/", {}),
        (f"/pemantauan/temuan/{flag.pk}/", {"action": "claim"}),
        ("/pemantauan/tolak-massal/", {"flag": [flag.pk], "reason": "noise"}),
        ("/pemantauan/sampel/", {"size": 5}),
        (f"/pemantauan/akun/{flagged.pk}/pindai/", {}),
        (f"/pemantauan/akun/{flagged.pk}/", {"file": SimpleUploadedFile("tweets.js", b"x")}),
    ]:
        assert auditor_client.post(url, data).status_code == 404, url
    assert AuditEntry.objects.count() == before
    assert Flag.objects.filter(status="open", claimed_by__isnull=True).count() == 3


def test_dashboard_shows_charts_and_precision_with_denominators(
    officer_client: Any, officer: Any, flagged: Account, org_tree: Any
) -> None:
    second = _second_officer(org_tree)
    flags = list(Flag.objects.order_by("pk"))
    for reviewer in (officer, second):
        flag_claim(actor=reviewer, flag=flags[0])
        flag_confirm(actor=reviewer, flag=flags[0])
    html = officer_client.get("/pemantauan/dasbor/").content.decode()
    assert "Temuan per pasal" in html and "<svg" in html
    from bijak.policy import load_policy
    from bijak.site.ui.templatetags.bijak_ui import persen

    name = load_policy().category("penghinaan").name("id")
    row = html.split('data-category="penghinaan"', 1)[1].split("</tr>", 1)[0]
    assert name in row and row.count(">1</td>") == 2 and persen(1.0) in row  # 1 of 1


def test_dashboard_shows_flags_per_clause_by_week_and_the_queue_by_age(
    officer_client: Any, officer: Any, flagged: Account
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from bijak.site.monitoring.selectors import flags_per_clause_by_week, queue_by_age

    flags = list(Flag.objects.order_by("pk"))  # 3 open flags raised now
    Flag.objects.filter(pk=flags[0].pk).update(created_at=timezone.now() - timedelta(days=8))
    Flag.objects.filter(pk=flags[1].pk).update(created_at=timezone.now() - timedelta(days=70))
    weeks = flags_per_clause_by_week(user=officer)
    assert len(weeks.weeks) == 8 and weeks.weeks[-1].weekday() == 0
    assert sum(weeks.totals) == 2  # the 70-day-old flag is before the 8 weeks
    assert weeks.totals[-1] == 1  # raised this week
    by_clause = {clause: sum(counts) for clause, counts in weeks.rows}
    expected: dict[str, int] = {}
    for flag in (flags[0], flags[2]):
        for clause in flag.clause_ids:
            expected[clause] = expected.get(clause, 0) + 1
    assert by_clause == expected
    assert [n for _label, n in queue_by_age(user=officer)] == [1, 0, 0, 1, 1]
    html = officer_client.get("/pemantauan/dasbor/").content.decode()
    assert 'id="per-clause-week"' in html and "Antrean menurut umur" in html
    total = html.split('class="total"', 1)[1].split("</tr>", 1)[0]
    assert total.count('class="num"') == 8
    flag_claim(actor=officer, flag=flags[2])
    from bijak.site.monitoring.services import flag_dismiss

    flag_dismiss(actor=officer, flag=flags[2], reason="noise")
    assert [n for _label, n in queue_by_age(user=officer)] == [0, 0, 0, 1, 1]  # decided: out


def test_pages_in_english(officer_client: Any, flagged: Account) -> None:
    officer_client.cookies["django_language"] = "en"
    html = officer_client.get("/pemantauan/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Review desk" in html


def test_officer_home_shows_the_queue_panel_and_an_employee_does_not(
    officer_client: Any, employee_client: Any, flagged: Account
) -> None:
    html = officer_client.get("/").content.decode()
    panel = html.split('data-panel="monitoring.queue"', 1)[1].split("</section>", 1)[0]
    assert "belum diambil peninjau" in panel and ">3<" in panel
    assert "3 temuan menunggu ditinjau." in html
    assert 'data-panel="monitoring.queue"' not in employee_client.get("/").content.decode()


def test_desk_queries_do_not_grow_with_the_queue(
    officer_client: Any, flagged: Account, django_assert_max_num_queries: Any
) -> None:
    """Bounded queries: the page's query count is the same for 3 flags and for 60."""
    from bijak.site.monitoring.models import Post

    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert officer_client.get("/pemantauan/").status_code == 200
        return len(ctx.captured_queries)

    small = count_queries()
    posts = [
        Post(
            account=flagged,
            key=f"id:x{i}",
            content_hash=f"{i:064d}",
            text="teks",
            text_masked=True,
            verdict="tinjau",
        )
        for i in range(57)
    ]
    Post.objects.bulk_create(posts)
    Flag.objects.bulk_create(
        [
            Flag(post=p, verdict="tinjau", severity=1, clause_ids=["B.4"], category_ids=["politik"])
            for p in Post.objects.filter(key__startswith="id:x")
        ]
    )
    assert count_queries() == small
    with django_assert_max_num_queries(small):
        officer_client.get("/pemantauan/?halaman=2")


def test_csv_export_escapes_formulas_and_masks_personal_data(
    officer_client: Any, auditor_client: Any, employee_client: Any, officer: Any, employee: Any
) -> None:
    import csv
    import io

    account = register(officer, employee, platform="other", handle="sari_csv")
    content = (
        b"id,text\n"
        b'f1,"=HYPERLINK(""http://contoh.invalid"",""klik"") dasar goblok"\n'
        b"f2,Dasar IDI organisasi profesi goblok! NIK saya 3174012503900007 tolong bantu\n"
    )
    import_and_scan(officer, account, "unggahan.csv", content)
    body = officer_client.get("/pemantauan/temuan.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    texts = [r[-1] for r in rows[1:]]
    assert any(t.startswith("'=HYPERLINK(") for t in texts)
    assert not any(t.startswith("=") for t in texts)
    assert NIK not in body and "3174********0007" in body
    assert auditor_client.get("/pemantauan/temuan.csv").status_code == 200
    assert employee_client.get("/pemantauan/temuan.csv").status_code == 404
