"""Every write of the monitoring app: keyword-only `<entity>_<action>` services, each audited in
the same transaction. Parsing and scanning happen outside write transactions."""

from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bijak.engine.masking import MASKED_CATEGORIES
from bijak.site.audit.services import audit_record
from bijak.site.monitoring import access
from bijak.site.monitoring.exports import (
    ColumnMap,
    ImportFileError,
    read_export,
)
from bijak.site.monitoring.models import Account, Flag, Platform, Post, PostImport, Scan
from bijak.site.org.models import Employee

ROW_NEW = "new"
ROW_DUPLICATE = "duplicate"
ROW_REJECTED = "rejected"
SEVERITY = {"aman": 0, "tinjau": 1, "langgar": 2}
QUEUE_VERDICTS = ("tinjau", "langgar")
WRITE_BATCH = 500
DIFF_KEYS = ("added", "removed", "changed", "carried")


# --- accounts --------------------------------------------------------------------------


def _clean_handle(handle: str) -> str:
    return handle.strip().lstrip("@").strip()


@transaction.atomic
def account_register(
    *, actor: Any, employee: Employee, platform: str, handle: str, url: str = ""
) -> Account:
    """Register an employee's public account (officer for staff in scope, or the employee)."""
    if not access.employees_for_registration(actor).filter(pk=employee.pk).exists():
        raise ValidationError(_("Anda tidak dapat mendaftarkan akun untuk pegawai ini."))
    if platform not in Platform.values:
        raise ValidationError(_("Platform tidak dikenal."))
    handle = _clean_handle(handle)
    if not handle or len(handle) > 100:
        raise ValidationError(_("Nama akun wajib diisi (paling banyak 100 karakter)."))
    if Account.objects.filter(platform=platform, handle__iexact=handle).exists():
        raise ValidationError(
            _("Akun @%(handle)s di platform ini sudah terdaftar.") % {"handle": handle}
        )
    account = Account.objects.create(
        employee=employee, platform=platform, handle=handle, url=url[:500], registered_by=actor
    )
    audit_record(
        actor=actor,
        action="monitoring.account_register",
        target_type="monitoring.Account",
        target_id=account.pk,
        data={"employee": employee.pk, "platform": platform, "handle": handle},
    )
    return account


# --- importing posts (preview, confirm: the employee import's pattern) -----------------


def _post_key(platform_id: str, content: str, posted_at: Any) -> str:
    if platform_id:
        return f"id:{platform_id}"[:100]
    stamp = posted_at.isoformat() if posted_at else ""
    return "h:" + hashlib.sha256(f"{content}|{stamp}".encode()).hexdigest()


def post_import_preview(
    *, actor: Any, account: Account, filename: str, content: bytes, columns: ColumnMap | None = None
) -> PostImport:
    """Parse an export (outside any transaction) into a pending PostImport; writes no post.
    Raises ImportFileError for a problem of the whole file (wrong platform included)."""
    export = read_export(
        filename=filename,
        content=content,
        max_bytes=settings.BIJAK_MONITOR_IMPORT_MAX_BYTES,
        max_posts=settings.BIJAK_MONITOR_IMPORT_MAX_POSTS,
        columns=columns,
    )
    if export.platform is not None and export.platform != account.platform:
        raise ImportFileError(
            _(
                "Berkas ini ekspor %(found)s, tetapi akun @%(handle)s adalah akun %(platform)s. "
                "Pilih akun yang sesuai."
            )
            % {
                "found": Platform(export.platform).label,
                "handle": account.handle,
                "platform": account.get_platform_display(),
            }
        )
    rows: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for post in export.posts:
        row: dict[str, Any] = {
            "source": post.source,
            "line": post.line,
            "errors": list(post.errors),
        }
        if not post.errors:
            key = _post_key(post.platform_id, post.content_hash, post.posted_at)
            row.update(
                key=key,
                platform_id=post.platform_id,
                hash=post.content_hash,
                posted_at=post.posted_at.isoformat() if post.posted_at else None,
                text=post.text,
            )
            if key in seen:
                row["status"] = ROW_DUPLICATE
                row["errors"] = [_("Sama dengan unggahan di baris %(line)d.") % {"line": seen[key]}]
            else:
                seen[key] = post.line
                row["status"] = ROW_NEW
        else:
            row["status"] = ROW_REJECTED
        rows.append(row)
    keys = [r["key"] for r in rows if r["status"] == ROW_NEW]
    existing: set[str] = set()
    for start in range(0, len(keys), 5000):
        existing.update(
            Post.objects.filter(account=account, key__in=keys[start : start + 5000]).values_list(
                "key", flat=True
            )
        )
    for row in rows:
        if row["status"] == ROW_NEW and row["key"] in existing:
            row["status"] = ROW_DUPLICATE
            row["errors"] = [_("Sudah diimpor sebelumnya.")]
    with transaction.atomic():
        batch = PostImport.objects.create(
            account=account,
            created_by=actor,
            filename=filename[:255],
            sha256=hashlib.sha256(content).hexdigest(),
            format=export.format,
            rows=rows,
            counts=_counts(rows),
        )
        audit_record(
            actor=actor,
            action="monitoring.import_preview",
            target_type="monitoring.PostImport",
            target_id=batch.pk,
            data={
                "account": account.pk,
                "filename": batch.filename,
                "sha256": batch.sha256,
                "format": batch.format,
                **batch.counts,
            },
        )
    return batch


def _counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    counts = {"read": len(rows), ROW_NEW: 0, "duplicates": 0, ROW_REJECTED: 0}
    for row in rows:
        counts["duplicates" if row["status"] == ROW_DUPLICATE else row["status"]] += 1
    return counts


def post_import_confirm(*, actor: Any, batch: PostImport, scan: bool = True) -> dict[str, int]:
    """Write the new posts of a pending import in bounded batches (a re-import adds nothing),
    keep only the rejected rows on the import, and start a scan of the account."""
    with transaction.atomic():
        locked = PostImport.objects.select_for_update().get(pk=batch.pk)
        if locked.status != PostImport.Status.PENDING:
            raise ValidationError(_("Impor ini sudah diproses; unggah berkasnya lagi bila perlu."))
        locked.status = PostImport.Status.APPLIED
        locked.applied_at = timezone.now()
        locked.save(update_fields=["status", "applied_at"])
    from datetime import datetime

    new_rows = [r for r in locked.rows if r["status"] == ROW_NEW]
    created = 0
    for start in range(0, len(new_rows), WRITE_BATCH):
        chunk = new_rows[start : start + WRITE_BATCH]
        posts = [
            Post(
                account_id=locked.account_id,
                key=r["key"],
                platform_id=r["platform_id"],
                content_hash=r["hash"],
                text=r["text"],
                text_length=len(r["text"]),
                posted_at=datetime.fromisoformat(r["posted_at"]) if r["posted_at"] else None,
            )
            for r in chunk
        ]
        with transaction.atomic():
            before = Post.objects.filter(
                account_id=locked.account_id, key__in=[p.key for p in posts]
            ).count()
            Post.objects.bulk_create(posts, ignore_conflicts=True)
            after = Post.objects.filter(
                account_id=locked.account_id, key__in=[p.key for p in posts]
            ).count()
            created += after - before
    counts = dict(locked.counts)
    counts["duplicates"] += counts[ROW_NEW] - created  # imported meanwhile by someone else
    counts[ROW_NEW] = created
    kept = [
        {k: r[k] for k in ("source", "line", "status", "errors")}
        for r in locked.rows
        if r["status"] != ROW_NEW
    ]
    with transaction.atomic():
        PostImport.objects.filter(pk=locked.pk).update(rows=kept, counts=counts)
        audit_record(
            actor=actor,
            action="monitoring.import",
            target_type="monitoring.PostImport",
            target_id=locked.pk,
            data={
                "account": locked.account_id,
                "filename": locked.filename,
                "sha256": locked.sha256,
                **counts,
            },
        )
        if scan and created:
            scan_start(actor=actor, accounts=[locked.account])
    batch.refresh_from_db()
    return counts


# --- scanning ---------------------------------------------------------------------------


@transaction.atomic
def scan_start(*, actor: Any, accounts: Iterable[Account]) -> Scan:
    """Queue a background scan of the accounts' posts not yet scanned by it."""
    from bijak.site.monitoring.tasks import scan_run_task
    from bijak.site.policies.selectors import policy_active

    accounts = list(accounts)
    if not accounts:
        raise ValidationError(_("Pilih sedikitnya satu akun untuk dipindai."))
    policy = policy_active()
    scan = Scan.objects.create(
        created_by=actor,
        policy_version=policy.version,
        policy_hash=policy.content_hash,
        total=Post.objects.filter(account__in=accounts).count(),
    )
    scan.accounts.set(accounts)
    audit_record(
        actor=actor,
        action="monitoring.scan_start",
        target_type="monitoring.Scan",
        target_id=scan.pk,
        data={"accounts": [a.pk for a in accounts], "posts": scan.total, "policy": policy.version},
    )
    scan_id = scan.pk
    transaction.on_commit(lambda: scan_run_task.enqueue(scan_id=scan_id))
    return scan


def scan_run(*, scan_id: int, chunk: int = WRITE_BATCH, max_chunks: int | None = None) -> Scan:
    """Scan the posts of a scan's accounts that it has not scanned yet, a chunk at a time; each
    chunk is written in one transaction (results, masked text, flags, progress), so a scan
    killed halfway resumes where it stopped: no post scanned twice, none missed."""
    from bijak.batch import scan_partition
    from bijak.site.policies.selectors import policy_active

    scan = Scan.objects.get(pk=scan_id)
    if scan.status in (Scan.Status.DONE, Scan.Status.FAILED):
        return scan
    Scan.objects.filter(pk=scan_id, started_at__isnull=True).update(started_at=timezone.now())
    Scan.objects.filter(pk=scan_id).update(status=Scan.Status.RUNNING, heartbeat_at=timezone.now())
    policy = policy_active()
    account_ids = list(scan.accounts.values_list("pk", flat=True))
    todo = Post.objects.filter(account_id__in=account_ids).exclude(scan_id=scan_id)
    policy_clauses = frozenset(c.id for c in policy.clauses)
    chunks = 0
    while max_chunks is None or chunks < max_chunks:
        batch = list(todo.order_by("pk").values_list("pk", "text")[:chunk])
        if not batch:
            break
        texts = [t for _pk, t in batch]
        rows = scan_partition(texts, policy=policy, keep_text=True)
        _scan_write(scan_id, [pk for pk, _t in batch], texts, rows, policy_clauses)
        chunks += 1
    if not todo.exists():
        with transaction.atomic():
            done = Scan.objects.select_for_update().get(pk=scan_id)
            if done.status != Scan.Status.DONE:
                done.status, done.finished_at = Scan.Status.DONE, timezone.now()
                done.total = max(done.total, done.done)
                done.save(update_fields=["status", "finished_at", "total"])
                audit_record(
                    actor=None,
                    action="monitoring.scan_done",
                    target_type="monitoring.Scan",
                    target_id=scan_id,
                    data={
                        "posts": done.done,
                        "flagged": done.flagged,
                        "policy": done.policy_version,
                    },
                )
    return Scan.objects.get(pk=scan_id)


def _masked_spans(original: str, masked: str) -> list[list[int]]:
    """The [start, end) ranges where masking changed the text (masks keep offsets)."""
    if len(original) != len(masked):
        return [[0, len(masked)]] if original != masked else []
    spans: list[list[int]] = []
    for i, (a, b) in enumerate(zip(original, masked, strict=True)):
        if a == b:
            continue
        if spans and spans[-1][1] == i:
            spans[-1][1] = i + 1
        else:
            spans.append([i, i + 1])
    return spans


def _merge_spans(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted([*a, *b]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _depends_on_masked(entry: dict[str, Any]) -> bool:
    return bool(set(entry.get("categories", [])) & MASKED_CATEGORIES)


def _carry_masked(
    row: Any,
    old_categories: list[dict[str, Any]],
    old_clauses: list[dict[str, Any]],
    old_scan: Any,
    policy_clauses: frozenset[str],
) -> tuple[str, float, list[dict[str, Any]], list[dict[str, Any]], set[str]]:
    """A re-scan of a post whose stored text is masked cannot read the personal data again:
    the engine's masks (``3201********0003``) are not a NIK any more. A finding of the earlier
    scan that rested on personal data (a clause raised by a masked category, the masked
    category itself) is therefore kept, marked ``carried`` with the scan that read the clear
    text, instead of being reported as removed. What the new policy or model reads in the rest
    of the text stands as it is, and a clause the policy no longer has is not carried (it is
    removed by the policy, not by the masking). Returns (verdict, score, categories, clauses,
    carried ids)."""
    categories = [c.to_dict() for c in row.categories]
    clauses = [c.to_dict() for c in row.clauses]
    carried: set[str] = set()

    def keep(entries: list[dict[str, Any]], old: dict[str, Any]) -> bool:
        at = next((i for i, e in enumerate(entries) if e["id"] == old["id"]), None)
        if at is not None and SEVERITY[entries[at]["verdict"]] >= SEVERITY[old["verdict"]]:
            return False  # the re-scan finds it at least as strongly on its own
        kept = {**old, "carried": True, "carried_from_scan": old.get("carried_from_scan", old_scan)}
        if at is None:
            entries.append(kept)
        else:
            entries[at] = kept
        return True

    for old in old_clauses:
        if (
            old.get("verdict", "aman") != "aman"
            and old["id"] in policy_clauses
            and _depends_on_masked(old)
            and keep(clauses, old)
        ):
            carried.add(old["id"])
    for old in old_categories:
        if old["id"] in MASKED_CATEGORIES and old.get("verdict", "aman") != "aman":
            keep(categories, old)
    verdict = max([row.verdict, *(c["verdict"] for c in clauses)], key=lambda v: SEVERITY.get(v, 0))
    score = max([row.score, *(c.get("score", 0.0) for c in clauses)])
    return verdict, score, categories, clauses, carried


@transaction.atomic
def _scan_write(
    scan_id: int,
    ids: list[int],
    texts: list[str],
    rows: list[Any],
    policy_clauses: frozenset[str] = frozenset(),
) -> None:
    Scan.objects.select_for_update().get(pk=scan_id)  # one writer per scan at a time
    # the posts' previous results; a post written meanwhile by another worker is left out
    prior = {
        pk: (verdict, categories or [], clauses or [], spans or [], old_scan)
        for pk, verdict, categories, clauses, spans, old_scan in Post.objects.filter(pk__in=ids)
        .exclude(scan_id=scan_id)
        .values_list("pk", "verdict", "categories", "clauses", "masked_spans", "scan_id")
    }
    fresh = set(prior)
    posts = []
    flagged = 0
    open_flags: set[int] = set()
    seen_clauses: dict[int, set[str]] = {}  # clauses already raised on a post, decided or not
    for post_id, status, clause_ids in Flag.objects.filter(
        post_id__in=fresh, kind=Flag.Kind.FLAG
    ).values_list("post_id", "status", "clause_ids"):
        if status in (Flag.Status.OPEN, Flag.Status.PENDING_SECOND):
            open_flags.add(post_id)
        seen_clauses.setdefault(post_id, set()).update(clause_ids or [])
    new_flags = []
    before: dict[int, tuple[str, dict[str, str]]] = {}
    after: dict[int, tuple[str, dict[str, str], set[str]]] = {}
    for pk, text, row in zip(ids, texts, rows, strict=True):
        if pk not in fresh:
            continue
        old_verdict, old_categories, old_clauses, old_spans, old_scan = prior[pk]
        if old_spans and old_verdict:  # the stored text was masked by an earlier scan
            verdict, score, categories, clauses, carried = _carry_masked(
                row, old_categories, old_clauses, old_scan, policy_clauses
            )
        else:
            verdict, score = row.verdict, row.score
            categories = [c.to_dict() for c in row.categories]
            clauses = [c.to_dict() for c in row.clauses]
            carried = set()
        if old_verdict:
            before[pk] = (old_verdict, {c["id"]: c["verdict"] for c in old_clauses})
            after[pk] = (verdict, {c["id"]: c["verdict"] for c in clauses}, carried)
        post = Post(
            pk=pk,
            scan_id=scan_id,
            verdict=verdict,
            score=score,
            categories=categories,
            clauses=clauses,
            versions=row.versions.to_dict(),
            text=row.masked_text,
            text_masked=True,
            masked_spans=_merge_spans(old_spans, _masked_spans(text, row.masked_text)),
        )
        posts.append(post)
        if verdict in QUEUE_VERDICTS:
            flagged += 1
            clause_ids = [c["id"] for c in clauses]
            # a re-scan queues a post again only for a clause not raised on it before
            if pk not in open_flags and set(clause_ids) - seen_clauses.get(pk, set()):
                new_flags.append(
                    Flag(
                        post_id=pk,
                        scan_id=scan_id,
                        kind=Flag.Kind.FLAG,
                        verdict=verdict,
                        severity=SEVERITY[verdict],
                        score=score,
                        clause_ids=clause_ids,
                        category_ids=[c["id"] for c in categories if c["verdict"] != "aman"],
                        evidence=[e.to_dict() for e in row.evidence],
                    )
                )
    diff = _diff(before, after)
    # One small UPDATE per post: Django's bulk_update builds one CASE per column over the
    # whole chunk, which SQLite evaluates row by row (quadratic: 12 s for 1,000 posts).
    fields = (
        "scan_id",
        "verdict",
        "score",
        "categories",
        "clauses",
        "versions",
        "text",
        "text_masked",
        "masked_spans",
    )
    for post in posts:
        Post.objects.filter(pk=post.pk).update(**{f: getattr(post, f) for f in fields})
    Flag.objects.bulk_create(new_flags)
    Scan.objects.filter(pk=scan_id).update(
        done=F("done") + len(posts), flagged=F("flagged") + flagged, heartbeat_at=timezone.now()
    )
    if diff["rescanned"]:
        scan = Scan.objects.get(pk=scan_id)
        scan.diff = _merge_diff(scan.diff, diff)
        scan.save(update_fields=["diff"])


def _diff(
    before: dict[int, tuple[str, dict[str, str]]],
    after: dict[int, tuple[str, dict[str, str], set[str]]],
) -> dict[str, Any]:
    """How a re-scan changed posts that had a result: verdict moves, and per clause the posts
    where it appeared, disappeared, or changed its verdict, and where it was carried over from
    the earlier scan because it rested on personal data that the stored text has masked."""
    verdicts: dict[str, int] = {}
    clauses: dict[str, dict[str, int]] = {}
    for pk, (verdict, new_clauses, carried) in after.items():
        old_verdict, old_clauses = before[pk]
        if old_verdict != verdict:
            move = f"{old_verdict}→{verdict}"
            verdicts[move] = verdicts.get(move, 0) + 1
        for clause in set(old_clauses) | set(new_clauses):
            if clause in carried:
                change = "carried"
            elif clause not in old_clauses:
                change = "added"
            elif clause not in new_clauses:
                change = "removed"
            elif old_clauses[clause] != new_clauses[clause]:
                change = "changed"
            else:
                continue
            row = clauses.setdefault(clause, dict.fromkeys(DIFF_KEYS, 0))
            row[change] += 1
    kept = sum(row["carried"] for row in clauses.values())
    return {"rescanned": len(after), "verdicts": verdicts, "clauses": clauses, "carried": kept}


def _merge_diff(total: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {
        "rescanned": total.get("rescanned", 0) + part["rescanned"],
        "carried": total.get("carried", 0) + part.get("carried", 0),
        "verdicts": dict(total.get("verdicts", {})),
        "clauses": {k: dict(v) for k, v in total.get("clauses", {}).items()},
    }
    for move, n in part["verdicts"].items():
        merged["verdicts"][move] = merged["verdicts"].get(move, 0) + n
    for clause, row in part["clauses"].items():
        into = merged["clauses"].setdefault(clause, dict.fromkeys(DIFF_KEYS, 0))
        for key, n in row.items():
            into[key] = into.get(key, 0) + n
    return merged


def scans_resume(*, stale_minutes: int = 10) -> list[int]:
    """Enqueue again the scans whose worker died: queued or running, and no chunk written for
    `stale_minutes`. Their task resumes after the last written chunk. Returns their ids."""
    from bijak.site.monitoring.tasks import scan_run_task

    cutoff = timezone.now() - timedelta(minutes=stale_minutes)
    stale = Scan.objects.filter(status__in=(Scan.Status.QUEUED, Scan.Status.RUNNING)).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )
    resumed = []
    for scan_id in stale.values_list("pk", flat=True):
        with transaction.atomic():
            # claim the restart: of two sweeps at once, one changes the row
            if Scan.objects.filter(
                Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True), pk=scan_id
            ).update(heartbeat_at=timezone.now()):
                audit_record(
                    actor=None,
                    action="monitoring.scan_resume",
                    target_type="monitoring.Scan",
                    target_id=scan_id,
                )
                transaction.on_commit(functools.partial(scan_run_task.enqueue, scan_id=scan_id))
                resumed.append(scan_id)
    return resumed


@transaction.atomic
def post_text_purge(*, retention_days: int) -> int:
    """Delete the (masked) text of posts imported more than `retention_days` ago, unless a flag
    on them is under review or confirmed (kept for a case). Returns how many were emptied."""
    cutoff = timezone.now() - timedelta(days=retention_days)
    kept = Flag.objects.filter(
        status__in=(Flag.Status.OPEN, Flag.Status.PENDING_SECOND, Flag.Status.CONFIRMED)
    ).values("post_id")
    purged = (
        Post.objects.filter(imported_at__lt=cutoff)
        .exclude(text="")
        .exclude(pk__in=kept)
        .update(text="")
    )
    if purged:
        audit_record(
            actor=None,
            action="monitoring.post_text_purge",
            target_type="monitoring.Post",
            data={"posts": purged, "retention_days": retention_days},
        )
    return purged


def post_import_expire(*, hours: int = 24) -> int:
    """Delete previews never confirmed after `hours`: they hold the export's unmasked text.
    (Their audit entries stay.) Returns how many were deleted."""
    cutoff = timezone.now() - timedelta(hours=hours)
    deleted, _by_model = PostImport.objects.filter(
        status=PostImport.Status.PENDING, created_at__lt=cutoff
    ).delete()
    return deleted


# --- the review queue -------------------------------------------------------------------


def _claim_expired_before() -> Any:
    return timezone.now() - timedelta(minutes=settings.BIJAK_MONITOR_CLAIM_MINUTES)


def _lock(flag: Flag) -> Flag:
    return (
        Flag.objects.select_for_update(of=("self",))
        .select_related("post__account__employee")
        .get(pk=flag.pk)
    )


def _check_reviewer(actor: Any, flag: Flag) -> None:
    if not access.can_review(actor):
        raise ValidationError(_("Hanya petugas kepatuhan yang dapat meninjau temuan."))
    conflict = access.review_conflict(actor, flag)
    if conflict:
        raise ValidationError(conflict)


def _open(flag: Flag) -> None:
    if flag.status not in (Flag.Status.OPEN, Flag.Status.PENDING_SECOND):
        raise ValidationError(_("Temuan ini sudah diputuskan."))


def _claimed_by_other(actor: Any, flag: Flag) -> bool:
    return (
        flag.claimed_by_id is not None
        and flag.claimed_by_id != actor.pk
        and flag.claimed_at is not None
        and flag.claimed_at > _claim_expired_before()
    )


@transaction.atomic
def flag_claim(*, actor: Any, flag: Flag) -> Flag:
    """Take a flag for review; refused while another reviewer holds it (until the claim
    expires after BIJAK_MONITOR_CLAIM_MINUTES)."""
    flag = _lock(flag)
    _open(flag)
    _check_reviewer(actor, flag)
    if _claimed_by_other(actor, flag):
        raise ValidationError(_("Temuan ini sedang ditinjau oleh peninjau lain."))
    if flag.status == Flag.Status.PENDING_SECOND and flag.first_reviewer_id == actor.pk:
        raise ValidationError(_("Konfirmasi kedua harus oleh peninjau lain."))
    flag.claimed_by, flag.claimed_at = actor, timezone.now()
    flag.save(update_fields=["claimed_by", "claimed_at"])
    audit_record(
        actor=actor,
        action="monitoring.flag_claim",
        target_type="monitoring.Flag",
        target_id=flag.pk,
    )
    return flag


@transaction.atomic
def flag_claim_next(*, actor: Any, kind: str = Flag.Kind.FLAG) -> Flag | None:
    """Claim the first free flag of the queue (most severe, then oldest); two reviewers asking
    at once never get the same one (each claim is a conditional update of one row)."""
    if not access.can_review(actor):
        raise ValidationError(_("Hanya petugas kepatuhan yang dapat meninjau temuan."))
    free = (
        Q(claimed_by__isnull=True)
        | Q(claimed_at__lte=_claim_expired_before())
        | Q(claimed_by=actor)
    )
    candidates = (
        access.flags_reviewable_by(actor)
        .filter(free, kind=kind, status__in=(Flag.Status.OPEN, Flag.Status.PENDING_SECOND))
        .exclude(first_reviewer=actor)
        .order_by("-severity", "created_at", "-score", "pk")
    )
    ids = list(candidates.values_list("pk", flat=True)[:50])
    open_now = Q(status__in=(Flag.Status.OPEN, Flag.Status.PENDING_SECOND))
    flag = None
    now = timezone.now()
    for pk in ids:
        # A conditional UPDATE: its WHERE is evaluated again under the row's write lock, so of
        # two reviewers racing for the same flag exactly one changes a row (PostgreSQL, SQLite).
        if Flag.objects.filter(free, open_now, pk=pk).update(claimed_by=actor, claimed_at=now):
            flag = Flag.objects.select_related("post__account__employee").get(pk=pk)
            break
    if flag is None:
        return None
    audit_record(
        actor=actor,
        action="monitoring.flag_claim",
        target_type="monitoring.Flag",
        target_id=flag.pk,
    )
    return flag


@transaction.atomic
def flag_release(*, actor: Any, flag: Flag) -> Flag:
    flag = _lock(flag)
    if flag.claimed_by_id == actor.pk:
        flag.claimed_by, flag.claimed_at = None, None
        flag.save(update_fields=["claimed_by", "claimed_at"])
        audit_record(
            actor=actor,
            action="monitoring.flag_release",
            target_type="monitoring.Flag",
            target_id=flag.pk,
        )
    return flag


def _holding(actor: Any, flag: Flag) -> None:
    if flag.claimed_by_id != actor.pk:
        raise ValidationError(_("Ambil temuan ini dulu sebelum memutuskannya."))


@transaction.atomic
def flag_confirm(*, actor: Any, flag: Flag, note: str = "") -> Flag:
    """Confirm a flag. Four eyes: the first confirmation waits for a second, different
    reviewer; only the second makes it confirmed (and visible to the unit head)."""
    flag = _lock(flag)
    _open(flag)
    _check_reviewer(actor, flag)
    _holding(actor, flag)
    note = note.strip()[:2000]
    if flag.kind == Flag.Kind.SAMPLE or flag.status == Flag.Status.PENDING_SECOND:
        if flag.first_reviewer_id == actor.pk:
            raise ValidationError(_("Konfirmasi kedua harus oleh peninjau lain."))
        flag.status = Flag.Status.CONFIRMED
        flag.decided_by, flag.decided_at, flag.note = actor, timezone.now(), note
        action = "monitoring.flag_confirm"
    else:
        flag.status = Flag.Status.PENDING_SECOND
        flag.first_reviewer, flag.first_note = actor, note
        action = "monitoring.flag_confirm_first"
    flag.claimed_by, flag.claimed_at = None, None
    flag.save(
        update_fields=[
            "status",
            "decided_by",
            "decided_at",
            "note",
            "first_reviewer",
            "first_note",
            "claimed_by",
            "claimed_at",
        ]
    )
    audit_record(
        actor=actor,
        action=action,
        target_type="monitoring.Flag",
        target_id=flag.pk,
        data={"post": flag.post_id, "clauses": flag.clause_ids, "note": note},
    )
    if flag.status == Flag.Status.CONFIRMED and flag.kind == Flag.Kind.FLAG:
        _notify_confirmed(flag, actor)
    return flag


def _notify_confirmed(flag: Flag, actor: Any) -> None:
    """Tell the employee through the notification outbox (sent once the decision commits)."""
    from django.urls import reverse

    from bijak.site.notifications.services import notification_enqueue

    user = flag.post.account.employee.user
    if user is None or not user.email:
        return
    notification_enqueue(
        recipient=user,
        template="monitoring/flag_confirmed",
        actor=actor,
        context={
            "name": flag.post.account.employee.name,
            "platform": flag.post.account.get_platform_display(),
            "handle": flag.post.account.handle,
            "clauses": ", ".join(flag.clause_ids),
            "link": settings.SITE_ROOT.rstrip("/") + reverse("monitoring:mine"),
        },
    )


@transaction.atomic
def flag_dismiss(*, actor: Any, flag: Flag, reason: str, note: str = "") -> Flag:
    """Dismiss a flag with a reason from the list (and a note; required for "other")."""
    flag = _lock(flag)
    _open(flag)
    _check_reviewer(actor, flag)
    _holding(actor, flag)
    _dismiss(actor, flag, reason, note)
    return flag


def _dismiss(actor: Any, flag: Flag, reason: str, note: str) -> None:
    if reason not in Flag.Reason.values:
        raise ValidationError(_("Pilih alasan penolakan dari daftar."))
    note = note.strip()[:2000]
    if reason == Flag.Reason.OTHER and not note:
        raise ValidationError(_("Tulis catatan untuk alasan lain."))
    flag.status, flag.reason, flag.note = Flag.Status.DISMISSED, reason, note
    flag.decided_by, flag.decided_at = actor, timezone.now()
    flag.claimed_by, flag.claimed_at = None, None
    flag.save(
        update_fields=[
            "status",
            "reason",
            "note",
            "decided_by",
            "decided_at",
            "claimed_by",
            "claimed_at",
        ]
    )
    audit_record(
        actor=actor,
        action="monitoring.flag_dismiss",
        target_type="monitoring.Flag",
        target_id=flag.pk,
        data={"post": flag.post_id, "reason": reason, "note": note},
    )


@transaction.atomic
def flag_bulk_dismiss(*, actor: Any, flag_ids: list[int], reason: str, note: str = "") -> int:
    """Dismiss many open flags with one reason (obvious noise). Flags held by another reviewer
    or that the actor may not review are left as they are; returns how many were dismissed."""
    if not access.can_review(actor):
        raise ValidationError(_("Hanya petugas kepatuhan yang dapat meninjau temuan."))
    if reason not in Flag.Reason.values:
        raise ValidationError(_("Pilih alasan penolakan dari daftar."))
    ids = list(
        access.flags_reviewable_by(actor)
        .filter(
            pk__in=flag_ids,
            status__in=(Flag.Status.OPEN, Flag.Status.PENDING_SECOND),
        )
        .values_list("pk", flat=True)
    )
    done = 0
    for flag in (
        Flag.objects.select_for_update(of=("self",))
        .select_related("post__account__employee")
        .filter(pk__in=ids)
    ):
        if _claimed_by_other(actor, flag):
            continue
        _dismiss(actor, flag, reason, note)
        done += 1
    return done


# --- quality sampling -------------------------------------------------------------------


@transaction.atomic
def sample_draw(*, actor: Any, size: int, seed: int | None = None) -> int:
    """Put a random sample of `aman` posts (not sampled before) into the quality queue, so the
    engine's misses are measured; returns how many were drawn."""
    access.access_review(actor)
    if not 1 <= size <= 1000:
        raise ValidationError(_("Ukuran sampel harus antara 1 dan 1000."))
    units = access.review_units(actor)
    pool = Post.objects.filter(verdict="aman").exclude(flags__kind=Flag.Kind.SAMPLE)
    if units is not None:
        pool = pool.filter(account__employee__unit_id__in=units)
    ids = list(pool.values_list("pk", flat=True))
    chosen = random.Random(seed).sample(ids, min(size, len(ids)))
    Flag.objects.bulk_create(
        [Flag(post_id=pk, kind=Flag.Kind.SAMPLE, verdict="aman", severity=0) for pk in chosen]
    )
    audit_record(
        actor=actor,
        action="monitoring.sample_draw",
        target_type="monitoring.Flag",
        data={"size": size, "drawn": len(chosen), "pool": len(ids)},
    )
    return len(chosen)


__all__ = [
    "IntegrityError",
    "account_register",
    "flag_bulk_dismiss",
    "flag_claim",
    "flag_claim_next",
    "flag_confirm",
    "flag_dismiss",
    "flag_release",
    "post_import_confirm",
    "post_import_preview",
    "sample_draw",
    "scan_run",
    "scan_start",
]
