"""Monitoring services with the real engine: registering accounts, importing exports
(idempotent), scanning (resumable), and the review queue's four-eyes rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from monitoring_helpers import fixture, import_and_scan, instagram_archive, register, x_archive

from bijak.site.audit.models import AuditEntry
from bijak.site.monitoring.exports import ImportFileError
from bijak.site.monitoring.models import Flag, Post, PostImport, Scan
from bijak.site.monitoring.services import (
    account_register,
    flag_bulk_dismiss,
    flag_claim,
    flag_claim_next,
    flag_confirm,
    flag_dismiss,
    post_import_confirm,
    post_import_preview,
    sample_draw,
    scan_run,
    scan_start,
)

pytestmark = pytest.mark.django_db

NIK = "3174012503900007"


def test_officer_registers_an_account_for_staff_and_it_is_audited(
    officer: Any, employee: Any
) -> None:
    account = register(officer, employee, handle="@sari_sehat")
    assert account.handle == "sari_sehat" and account.registered_by == officer
    entry = AuditEntry.objects.filter(action="monitoring.account_register").get()
    assert entry.target_id == str(account.pk)
    with pytest.raises(ValidationError) as exc:
        register(officer, employee, handle="SARI_SEHAT")
    assert exc.value.messages == ["Akun @SARI_SEHAT di platform ini sudah terdaftar."]


def test_employee_registers_own_account_but_not_a_colleagues(employee: Any, colleague: Any) -> None:
    account = account_register(
        actor=employee, employee=employee.employee, platform="instagram", handle="sari.sehat"
    )
    assert account.employee == employee.employee
    with pytest.raises(ValidationError) as exc:
        account_register(actor=employee, employee=colleague.employee, platform="x", handle="dewi")
    assert exc.value.messages == ["Anda tidak dapat mendaftarkan akun untuk pegawai ini."]


def test_import_preview_writes_no_post_and_confirm_writes_each_once(
    officer: Any, employee: Any
) -> None:
    account = register(officer, employee)
    batch = post_import_preview(
        actor=officer, account=account, filename="arsip.zip", content=x_archive()
    )
    assert batch.counts == {"read": 6, "new": 6, "duplicates": 0, "rejected": 0}
    assert Post.objects.count() == 0
    counts = post_import_confirm(actor=officer, batch=batch, scan=False)
    assert counts == {"read": 6, "new": 6, "duplicates": 0, "rejected": 0}
    assert Post.objects.filter(account=account).count() == 6
    batch.refresh_from_db()
    assert all("text" not in row for row in batch.rows)  # no post text left on the import
    with pytest.raises(ValidationError):
        post_import_confirm(actor=officer, batch=batch)

    again = post_import_preview(
        actor=officer, account=account, filename="tweets.js", content=fixture("tweets.js")
    )
    assert again.counts == {"read": 6, "new": 0, "duplicates": 6, "rejected": 0}
    assert post_import_confirm(actor=officer, batch=again)["new"] == 0
    assert Post.objects.count() == 6
    assert not Scan.objects.exists()  # nothing new, nothing to scan


def test_wrong_platform_export_is_refused_and_nothing_stored(officer: Any, employee: Any) -> None:
    account = register(officer, employee)
    with pytest.raises(ImportFileError) as exc:
        post_import_preview(
            actor=officer, account=account, filename="instagram.zip", content=instagram_archive()
        )
    assert exc.value.message == (
        "Berkas ini ekspor Instagram, tetapi akun @sari_sehat adalah akun X (Twitter). "
        "Pilih akun yang sesuai."
    )
    assert not PostImport.objects.exists()


def test_scan_masks_text_queues_only_tinjau_and_langgar_and_records_versions(
    officer: Any, employee: Any
) -> None:
    account = register(officer, employee)
    counts = import_and_scan(officer, account, "arsip.zip", x_archive())
    assert counts["new"] == 6
    scan = Scan.objects.get()
    assert (scan.status, scan.done, scan.total) == ("done", 6, 6)
    posts = list(Post.objects.all())
    assert all(p.text_masked and p.scan_id == scan.pk for p in posts)
    assert all(NIK not in p.text for p in posts)
    flagged = {p.pk for p in posts if p.verdict in ("tinjau", "langgar")}
    assert set(Flag.objects.values_list("post_id", flat=True)) == flagged
    assert scan.flagged == len(flagged) == 3  # insult+NIK, unsourced claim, gambling
    flag = Flag.objects.get(post__platform_id="1730000000000000002")
    assert flag.verdict == "langgar" and {"A.2", "B.8"} <= set(flag.clause_ids)
    assert any(e["category"] == "data_pribadi" and NIK not in e["text"] for e in flag.evidence)
    assert flag.post.versions["policy"]["hash"] == scan.policy_hash
    assert flag.post.versions["model"]


def test_killed_scan_resumes_without_scanning_a_post_twice(officer: Any, employee: Any) -> None:
    account = register(officer, employee)
    batch = post_import_preview(
        actor=officer, account=account, filename="arsip.zip", content=x_archive()
    )
    post_import_confirm(actor=officer, batch=batch, scan=False)
    scan = scan_start(actor=officer, accounts=[account])
    partial = scan_run(scan_id=scan.pk, chunk=2, max_chunks=1)  # the worker dies after 1 chunk
    assert (partial.status, partial.done) == ("running", 2)
    finished = scan_run(scan_id=scan.pk, chunk=2)  # the task runs again
    assert (finished.status, finished.done, finished.total) == ("done", 6, 6)
    assert Flag.objects.count() == finished.flagged == 3
    assert scan_run(scan_id=scan.pk).done == 6  # a late duplicate run changes nothing


def _flags(officer: Any, employee: Any) -> list[Flag]:
    account = register(officer, employee)
    import_and_scan(officer, account, "arsip.zip", x_archive())
    return list(Flag.objects.order_by("-severity", "created_at", "pk"))


def test_four_eyes_confirmation_needs_a_second_reviewer(
    officer: Any, employee: Any, org_tree: Any
) -> None:
    from conftest import make_person

    second = make_person(
        username="tono",
        full_name="Tono Sugiarto",
        unit=org_tree.kpp,
        nip="198905052012121007",
        roles=(("officer", None),),
    )
    flag = _flags(officer, employee)[0]
    flag_claim(actor=officer, flag=flag)
    flag = flag_confirm(actor=officer, flag=flag, note="jelas menghina")
    assert flag.status == "pending_second" and flag.first_reviewer == officer
    with pytest.raises(ValidationError) as exc:
        flag_claim(actor=officer, flag=flag)
    assert exc.value.messages == ["Konfirmasi kedua harus oleh peninjau lain."]
    flag_claim(actor=second, flag=flag)
    flag = flag_confirm(actor=second, flag=flag)
    assert flag.status == "confirmed" and flag.decided_by == second
    from bijak.site.notifications.models import Notification

    sent = Notification.objects.get(recipient=employee)  # one, after the second confirmation
    assert sent.template == "monitoring/flag_confirmed"
    assert sent.context["clauses"] == ", ".join(flag.clause_ids)
    actions = list(
        AuditEntry.objects.filter(target_type="monitoring.Flag", target_id=str(flag.pk))
        .values_list("action", flat=True)
        .order_by("seq")
    )
    assert actions == [
        "monitoring.flag_claim",
        "monitoring.flag_confirm_first",
        "monitoring.flag_claim",
        "monitoring.flag_confirm",
    ]


def test_nobody_reviews_own_posts_or_staff_they_head(
    officer: Any, employee: Any, unit_head: Any, org_tree: Any
) -> None:
    from bijak.site.org.services import role_assign

    flag = _flags(officer, employee)[0]
    role_assign(actor=None, user=employee, role="officer", unit=None)
    employee._bijak_grants = None
    with pytest.raises(ValidationError) as exc:
        flag_claim(actor=employee, flag=flag)
    assert exc.value.messages == ["Anda tidak boleh meninjau temuan atas unggahan Anda sendiri."]
    # the head of the employee's own unit, also an officer
    from conftest import make_person

    head = make_person(
        username="lina",
        full_name="Lina Marlina",
        unit=org_tree.keu_budget,
        nip="197901012003122008",
        roles=(("unit_head", org_tree.keu_budget_planning), ("officer", None)),
    )
    with pytest.raises(ValidationError) as exc:
        flag_claim(actor=head, flag=flag)
    assert exc.value.messages == [
        "Anda tidak boleh meninjau temuan atas unggahan pegawai yang Anda pimpin langsung."
    ]
    assert flag_claim_next(actor=head) is None  # none of the queue is theirs to take


def test_a_claimed_flag_cannot_be_taken_or_decided_by_another(
    officer: Any, employee: Any, org_tree: Any
) -> None:
    from conftest import make_person

    other = make_person(
        username="tono",
        full_name="Tono Sugiarto",
        unit=org_tree.kpp,
        nip="198905052012121007",
        roles=(("officer", None),),
    )
    flag = _flags(officer, employee)[0]
    flag_claim(actor=officer, flag=flag)
    with pytest.raises(ValidationError) as exc:
        flag_claim(actor=other, flag=flag)
    assert exc.value.messages == ["Temuan ini sedang ditinjau oleh peninjau lain."]
    with pytest.raises(ValidationError) as exc:
        flag_dismiss(actor=other, flag=flag, reason="noise")
    assert exc.value.messages == ["Ambil temuan ini dulu sebelum memutuskannya."]
    assert flag_claim_next(actor=other) != flag


def test_dismiss_needs_a_listed_reason_and_a_note_for_other(officer: Any, employee: Any) -> None:
    flag = _flags(officer, employee)[0]
    flag_claim(actor=officer, flag=flag)
    with pytest.raises(ValidationError) as exc:
        flag_dismiss(actor=officer, flag=flag, reason="bosan")
    assert exc.value.messages == ["Pilih alasan penolakan dari daftar."]
    with pytest.raises(ValidationError) as exc:
        flag_dismiss(actor=officer, flag=flag, reason="other")
    assert exc.value.messages == ["Tulis catatan untuk alasan lain."]
    flag = flag_dismiss(actor=officer, flag=flag, reason="context", note="kutipan berita")
    assert (flag.status, flag.reason, flag.decided_by) == ("dismissed", "context", officer)
    with pytest.raises(ValidationError) as exc:
        flag_claim(actor=officer, flag=flag)
    assert exc.value.messages == ["Temuan ini sudah diputuskan."]


def test_bulk_dismiss_skips_flags_held_by_another(
    officer: Any, employee: Any, org_tree: Any
) -> None:
    from conftest import make_person

    other = make_person(
        username="tono",
        full_name="Tono Sugiarto",
        unit=org_tree.kpp,
        nip="198905052012121007",
        roles=(("officer", None),),
    )
    flags = _flags(officer, employee)
    flag_claim(actor=other, flag=flags[0])
    done = flag_bulk_dismiss(actor=officer, flag_ids=[f.pk for f in flags], reason="noise")
    assert done == len(flags) - 1
    assert Flag.objects.get(pk=flags[0].pk).status == "open"
    assert AuditEntry.objects.filter(action="monitoring.flag_dismiss").count() == done


def test_claim_next_takes_most_severe_then_oldest(officer: Any, employee: Any) -> None:
    flags = _flags(officer, employee)
    first = flag_claim_next(actor=officer)
    assert first is not None and first.severity == max(f.severity for f in flags)
    assert flag_claim_next(actor=officer) == first  # holding one: the same one again


def test_quality_sample_draws_aman_posts_once(officer: Any, employee: Any) -> None:
    _flags(officer, employee)
    aman = Post.objects.filter(verdict="aman").count()
    assert sample_draw(actor=officer, size=2, seed=1) == 2
    assert sample_draw(actor=officer, size=50, seed=1) == aman - 2
    assert sample_draw(actor=officer, size=5) == 0
    samples = Flag.objects.filter(kind="sample")
    assert samples.count() == aman and {f.post.verdict for f in samples} == {"aman"}


def test_auditor_and_employee_cannot_review(auditor: Any, officer: Any, employee: Any) -> None:
    flag = _flags(officer, employee)[0]
    for person in (auditor, employee):
        with pytest.raises(ValidationError) as exc:
            flag_claim(actor=person, flag=flag)
        assert exc.value.messages == ["Hanya petugas kepatuhan yang dapat meninjau temuan."]


def test_rescan_reports_the_difference_per_clause_and_queues_nothing_twice(
    officer: Any, employee: Any
) -> None:
    """Re-scanning reads the stored (masked) text: the NIK is masked there, so the engine alone
    would no longer see A.2 on the insulting post. A.2 rested on personal data (`data_pribadi`),
    so it is carried over from the scan of the clear text and labelled so, not counted as
    removed; B.8 stays as the re-scan reads it; no flag is raised again."""
    from bijak.batch import scan_partition
    from bijak.site.policies.selectors import policy_active

    account = register(officer, employee)
    import_and_scan(officer, account, "arsip.zip", x_archive())
    first = Post.objects.get(platform_id="1730000000000000002")
    assert "A.2" in [c["id"] for c in first.clauses]
    assert first.masked_spans  # the NIK's digits were masked in the stored text
    for start, end in first.masked_spans:
        assert "*" in first.text[start:end]
    # the engine itself, reading the masked text, does not find A.2 any more
    again = scan_partition([first.text], policy=policy_active())[0]
    assert "A.2" not in again.clause_ids
    flags_before = Flag.objects.count()
    rescan = scan_start(actor=officer, accounts=[account])
    rescan = scan_run(scan_id=rescan.pk)
    assert rescan.status == "done" and rescan.done == 6
    assert rescan.diff["rescanned"] == 6
    assert rescan.diff["clauses"]["A.2"] == {"added": 0, "removed": 0, "changed": 0, "carried": 1}
    assert rescan.diff["carried"] == 1
    assert "B.8" not in rescan.diff["clauses"]
    assert Flag.objects.count() == flags_before
    post = Post.objects.get(platform_id="1730000000000000002")
    assert post.scan_id == rescan.pk and post.verdict == first.verdict
    a2 = next(c for c in post.clauses if c["id"] == "A.2")
    assert a2["carried"] is True and a2["carried_from_scan"] == first.scan_id
    assert {k: a2[k] for k in ("verdict", "score", "categories")} == {
        k: next(c for c in first.clauses if c["id"] == "A.2")[k]
        for k in ("verdict", "score", "categories")
    }
    assert not next(c for c in post.clauses if c["id"] == "B.8").get("carried")
    # a third scan still carries it from the first scan, the one that read the clear text
    third = scan_run(scan_id=scan_start(actor=officer, accounts=[account]).pk)
    assert third.diff["clauses"]["A.2"]["carried"] == 1
    post.refresh_from_db()
    assert next(c for c in post.clauses if c["id"] == "A.2")["carried_from_scan"] == first.scan_id


def test_rescan_reports_a_clause_that_did_not_rest_on_personal_data_as_removed(
    officer: Any, employee: Any
) -> None:
    """Carrying over is only for findings that rested on masked personal data: a post whose
    text had nothing masked and whose earlier result no longer holds is counted as removed."""
    account = register(officer, employee)
    import_and_scan(officer, account, "arsip.zip", x_archive())
    post = Post.objects.filter(verdict="aman", masked_spans=[]).first()
    assert post is not None
    # an earlier result (say, of an older model) raised B.4 on this plain post
    Post.objects.filter(pk=post.pk).update(
        verdict="tinjau",
        clauses=[{"id": "B.4", "verdict": "tinjau", "score": 0.6, "categories": ["politik"]}],
    )
    rescan = scan_run(scan_id=scan_start(actor=officer, accounts=[account]).pk)
    assert rescan.diff["clauses"]["B.4"] == {"added": 0, "removed": 1, "changed": 0, "carried": 0}
    assert rescan.diff["verdicts"] == {"tinjau→aman": 1}
    post.refresh_from_db()
    assert post.verdict == "aman" and post.clauses == []


def test_rescan_does_not_carry_a_clause_the_policy_no_longer_has(
    officer: Any, employee: Any
) -> None:
    """A personal-data finding under a clause the active policy has dropped is removed by the
    policy, not hidden by the masking: it is counted as removed, not carried."""
    account = register(officer, employee)
    import_and_scan(officer, account, "arsip.zip", x_archive())
    post = Post.objects.get(platform_id="1730000000000000002")
    dropped = {"id": "Z.9", "verdict": "tinjau", "score": 0.7, "categories": ["data_pribadi"]}
    Post.objects.filter(pk=post.pk).update(clauses=[*post.clauses, dropped])
    rescan = scan_run(scan_id=scan_start(actor=officer, accounts=[account]).pk)
    assert rescan.diff["clauses"]["Z.9"] == {"added": 0, "removed": 1, "changed": 0, "carried": 0}
    assert rescan.diff["clauses"]["A.2"]["carried"] == 1
    post.refresh_from_db()
    assert "Z.9" not in [c["id"] for c in post.clauses]


def test_the_same_post_twice_in_one_file_is_imported_once(officer: Any, employee: Any) -> None:
    account = register(officer, employee, platform="other", handle="sari_jsonl")
    line = '{"id": "p1", "text": "Kegiatan posyandu balita bulan ini di RW 05."}'
    content = f'{line}\n{line}\n{{"text": "tanpa id"}}\n{{"text": "tanpa id"}}\n'.encode()
    batch = post_import_preview(actor=officer, account=account, filename="u.jsonl", content=content)
    assert batch.counts == {"read": 4, "new": 2, "duplicates": 2, "rejected": 0}
    assert [r["errors"] for r in batch.rows if r["status"] == "duplicate"] == [
        ["Sama dengan unggahan di baris 1."],
        ["Sama dengan unggahan di baris 3."],
    ]
    assert post_import_confirm(actor=officer, batch=batch, scan=False)["new"] == 2
    assert Post.objects.filter(account=account).count() == 2


def test_desk_stats_count_held_free_and_decided_flags_and_the_oldest_free(
    officer: Any, employee: Any, org_tree: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from bijak.site.monitoring.selectors import desk_stats

    flags = _flags(officer, employee)  # 3 open flags
    ages = {flags[0].pk: 5, flags[1].pk: 3, flags[2].pk: 1}  # hours since each was raised
    for pk, hours in ages.items():
        Flag.objects.filter(pk=pk).update(created_at=timezone.now() - timedelta(hours=hours))
    flag_claim(actor=officer, flag=flags[0])  # held now: the oldest is not free
    stats = desk_stats(user=officer)
    assert (stats.open, stats.pending_second, stats.unclaimed, stats.decided) == (3, 0, 2, 0)
    assert stats.workload == [(officer.username, 1)]
    assert timedelta(hours=3) <= stats.oldest_unclaimed < timedelta(hours=3, minutes=1)
    # a claim older than BIJAK_MONITOR_CLAIM_MINUTES has lapsed: the flag is free again
    Flag.objects.filter(pk=flags[0].pk).update(claimed_at=timezone.now() - timedelta(hours=2))
    stats = desk_stats(user=officer)
    assert (stats.unclaimed, stats.workload) == (3, [])
    assert stats.oldest_unclaimed >= timedelta(hours=5)
    flag_claim(actor=officer, flag=flags[2])
    flag_dismiss(actor=officer, flag=flags[2], reason="noise")
    stats = desk_stats(user=officer)
    assert (stats.open, stats.unclaimed, stats.decided) == (2, 2, 1)


# --- the access layer asked directly (gaps found by `make mutation`) ---


def _officer_of_kpp(org_tree: Any) -> Any:
    """An officer whose grant covers SJ.KPP only (the employee works in SJ.KEU.AG.1)."""
    from bijak.site.accounts.models import User
    from bijak.site.org.services import role_assign

    user = User.objects.create_user(username="petugas-kpp", password="x-unused-x")
    role_assign(actor=None, user=user, role="officer", unit=org_tree.kpp)
    return user


def test_an_import_opens_only_for_its_uploader_and_by_its_own_id(
    officer: Any, employee: Any
) -> None:
    from django.http import Http404

    from bijak.site.monitoring.access import access_post_import_by_id

    account = register(officer, employee)
    mine = post_import_preview(
        actor=employee, account=account, filename="a.zip", content=x_archive()
    )
    theirs = post_import_preview(
        actor=officer, account=account, filename="b.zip", content=x_archive()
    )
    assert access_post_import_by_id(employee, mine.pk) == mine
    assert access_post_import_by_id(officer, str(theirs.pk)) == theirs
    for user, batch_id in (
        (employee, theirs.pk),
        (officer, mine.pk),
        (officer, "x"),
        (officer, None),
    ):
        with pytest.raises(Http404):
            access_post_import_by_id(user, batch_id)


def test_importing_for_an_account_needs_the_owner_or_an_officer_covering_their_unit(
    org_tree: Any, officer: Any, employee: Any, colleague: Any, auditor: Any, unit_head: Any
) -> None:
    from bijak.site.monitoring.access import can_import_for

    account = register(officer, employee)
    allowed = {
        name: can_import_for(user, account)
        for name, user in {
            "owner": employee,
            "officer": officer,
            "officer@kpp": _officer_of_kpp(org_tree),
            "colleague": colleague,
            "auditor": auditor,
            "unit_head": unit_head,
        }.items()
    }
    assert allowed == {
        "owner": True,
        "officer": True,
        "officer@kpp": False,
        "colleague": False,
        "auditor": False,
        "unit_head": False,
    }


def test_reviewing_and_reading_flags_and_posts_stay_within_each_grant(
    org_tree: Any, officer: Any, employee: Any, colleague: Any, auditor: Any
) -> None:
    from django.http import Http404

    from bijak.site.monitoring.access import (
        access_flag_by_id,
        access_flag_for_review,
        posts_visible_to,
    )

    flag = _flags(officer, employee)[0]
    kpp_officer = _officer_of_kpp(org_tree)
    assert access_flag_for_review(officer, flag.pk) == flag
    assert access_flag_by_id(employee, flag.pk) == flag  # a flag on one's own post
    for user in (kpp_officer, auditor):
        with pytest.raises(Http404):
            access_flag_for_review(user, flag.pk)
    for user in (kpp_officer, colleague):
        with pytest.raises(Http404):
            access_flag_by_id(user, flag.pk)
    every_post = set(Post.objects.values_list("pk", flat=True))
    assert every_post
    assert set(posts_visible_to(auditor).values_list("pk", flat=True)) == every_post
    assert set(posts_visible_to(employee).values_list("pk", flat=True)) == every_post
    assert not posts_visible_to(colleague).exists()
    assert not posts_visible_to(kpp_officer).exists()


def test_quality_samples_are_not_flags_to_the_employee(officer: Any, employee: Any) -> None:
    """A sampled `aman` post is the officers' quality check, not a finding on the employee."""
    from bijak.site.monitoring.access import flags_on_own_posts

    _flags(officer, employee)
    assert sample_draw(actor=officer, size=50, seed=1) > 0
    own = flags_on_own_posts(employee)
    assert own.exists() and set(own.values_list("kind", flat=True)) == {"flag"}
