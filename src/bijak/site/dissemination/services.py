"""Writes of dissemination: keyword-only, one transaction each, each audited in it.

Errors a person can fix raise `DisseminationError` with a translated message; nothing is
written then.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bijak.site.audit.services import audit_record
from bijak.site.dissemination import quiz, schedule
from bijak.site.dissemination.attest import attested_text, policy_of, text_sha256
from bijak.site.dissemination.models import (
    Acknowledgement,
    Assignment,
    Campaign,
    HeadConfirmation,
    PolicyChange,
    Question,
    QuizAttempt,
    Reminder,
)
from bijak.site.dissemination.notify import absolute, notify, task_link
from bijak.site.org.access import _descendant_ids
from bijak.site.org.models import Employee, OrgUnit, RoleAssignment
from bijak.site.policies.models import PolicyVersion
from bijak.site.policies.selectors import policy_active_version

QUIZ_BANK_PATH = Path(__file__).resolve().parent / "data" / "quiz-bank.yaml"
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
# Leading bytes of the file kinds accepted as an attendance list or a photo.
_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
    "webp": (b"RIFF",),
}


class DisseminationError(ValueError):
    """A refusal with a translated message for the person who asked."""


# -- the question bank ---------------------------------------------------------------------------


def question_bank_load(*, actor: Any | None, path: Path | None = None) -> tuple[int, int]:
    """Load (or refresh) the question bank from its data file; returns (created, updated).
    Questions edited in the site since are left as they are only when the file did not change
    them: the file is the reference for its own keys."""
    data = yaml.safe_load((path or QUIZ_BANK_PATH).read_text(encoding="utf-8"))
    version = str(data.get("version", ""))
    created = updated = 0
    with transaction.atomic():
        existing = {q.key: q for q in Question.objects.select_for_update()}
        for item in data["questions"]:
            choices = [{"id": str(c["id"]), "en": str(c.get("en", ""))} for c in item["choices"]]
            values = {
                "clause_id": str(item["clause"]),
                "text_id": str(item["q"]),
                "text_en": str(item.get("q_en", "")),
                "choices": choices,
                "correct": int(item["correct"]),
                "explanation_id": str(item["why"]),
                "explanation_en": str(item.get("why_en", "")),
                "bank_version": version,
            }
            correct = int(item["correct"])
            if not 0 <= correct < len(choices):
                raise DisseminationError(
                    _("Soal %(key)s: indeks jawaban benar di luar pilihan.") % {"key": item["key"]}
                )
            found = existing.get(str(item["key"]))
            if found is None:
                Question.objects.create(key=str(item["key"]), **values)
                created += 1
            elif any(getattr(found, k) != v for k, v in values.items() if k != "bank_version"):
                for k, v in values.items():
                    setattr(found, k, v)
                found.save()
                updated += 1
        if created or updated:
            audit_record(
                actor=actor,
                action="quiz_bank.load",
                target_type="dissemination.Question",
                data={"version": version, "created": created, "updated": updated},
            )
    return created, updated


# -- campaigns ----------------------------------------------------------------------------------


def _scope_ids(units: Iterable[OrgUnit]) -> set[int]:
    return _descendant_ids({u.pk for u in units})


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def campaign_start(
    *,
    actor: Any | None,
    title: str,
    units: list[OrgUnit],
    start_date: dt.date,
    due_date: dt.date,
    joiner_days: int = 14,
    period_months: int | None = None,
    pass_mark: int = 80,
    question_count: int = 10,
    target_percent: int = 95,
    policy_version: PolicyVersion | None = None,
    previous: Campaign | None = None,
) -> Campaign:
    """Start a campaign for the active policy version over `units` and their sub-units; every
    employee in scope today gets an assignment due on `due_date`."""
    title = title.strip()
    if not title:
        raise DisseminationError(_("Judul kampanye wajib diisi."))
    if not units:
        raise DisseminationError(_("Pilih sedikitnya satu unit."))
    if due_date < start_date:
        raise DisseminationError(_("Tenggat tidak boleh sebelum tanggal mulai."))
    if not 0 <= pass_mark <= 100 or not 0 <= target_percent <= 100:
        raise DisseminationError(_("Nilai lulus dan target cakupan harus antara 0 dan 100."))
    if not 1 <= joiner_days <= 365:
        raise DisseminationError(_("Tenggat pegawai baru harus antara 1 dan 365 hari."))
    if period_months is not None and not 1 <= period_months <= 60:
        raise DisseminationError(_("Pengulangan harus antara 1 dan 60 bulan."))
    available = Question.objects.filter(active=True).count()
    if question_count > available:
        raise DisseminationError(
            _(
                "Bank soal hanya berisi %(available)d soal aktif, kurang dari %(asked)d soal yang diminta."
            )
            % {"available": available, "asked": question_count}
        )
    version = policy_version or policy_active_version()
    if version is None:
        raise DisseminationError(_("Belum ada versi kebijakan yang aktif."))
    scope = _scope_ids(units)
    with transaction.atomic():
        # One open campaign per policy version over any unit: a second one would count twice.
        for other in (
            Campaign.objects.select_for_update()
            .filter(policy_version=version, closed_at__isnull=True)
            .prefetch_related("units")
        ):
            if _scope_ids(other.units.all()) & scope:
                raise DisseminationError(
                    _(
                        "Kampanye “%(title)s” untuk versi kebijakan ini sudah berjalan di unit yang sama."
                    )
                    % {"title": other.title}
                )
        staff = list(
            Employee.objects.filter(unit_id__in=scope).only("pk", "name", "nip", "unit_id")
        )
        if not staff:
            raise DisseminationError(_("Tidak ada pegawai di unit yang dipilih."))
        campaign = Campaign.objects.create(
            title=title[:200],
            policy_version=version,
            start_date=start_date,
            due_date=due_date,
            joiner_days=joiner_days,
            period_months=period_months,
            pass_mark=pass_mark,
            question_count=question_count,
            target_percent=target_percent,
            created_by=actor,
            previous=previous,
        )
        campaign.units.set(units)
        Assignment.objects.bulk_create(
            [
                Assignment(
                    campaign=campaign,
                    employee=e,
                    employee_name=e.name,
                    employee_nip=e.nip,
                    unit_id=e.unit_id,
                    due_date=due_date,
                    token=_new_token(),
                )
                for e in staff
            ],
            batch_size=1000,
        )
        audit_record(
            actor=actor,
            action="campaign.start",
            target_type="dissemination.Campaign",
            target_id=campaign.pk,
            data={
                "title": campaign.title,
                "units": sorted(u.code for u in units),
                "policy_hash": version.content_hash,
                "start": start_date,
                "due": due_date,
                "audience": len(staff),
                "period_months": period_months,
            },
        )
    return campaign


def campaign_close(*, actor: Any, campaign: Campaign) -> Campaign:
    with transaction.atomic():
        if campaign.closed_at is None:
            campaign.closed_at = timezone.now()
            campaign.save(update_fields=["closed_at"])
            audit_record(
                actor=actor,
                action="campaign.close",
                target_type="dissemination.Campaign",
                target_id=campaign.pk,
                data={},
            )
    return campaign


def campaign_sync(*, campaign: Campaign, today: dt.date | None = None) -> dict[str, int]:
    """Bring the audience up to date: late joiners get their own due date, people who left
    the scope (moved or deleted) and have not acknowledged are withdrawn, people who moved
    within the scope follow their unit. Nobody is counted twice."""
    today = today or timezone.localdate()
    scope = _scope_ids(campaign.units.all())
    counts = {"added": 0, "withdrawn": 0, "moved": 0}
    with transaction.atomic():
        current = {
            a.employee_id: a
            for a in Assignment.objects.select_for_update().filter(campaign=campaign)
        }
        staff = {
            e.pk: e
            for e in Employee.objects.filter(unit_id__in=scope).only("pk", "name", "nip", "unit_id")
        }
        acknowledged = set(
            Acknowledgement.objects.filter(
                assignment__campaign=campaign, stale_since__isnull=True
            ).values_list("assignment_id", flat=True)
        )
        now = timezone.now()
        for employee_id, assignment in current.items():
            if assignment.withdrawn_at is not None:
                continue
            employee = staff.get(employee_id) if employee_id is not None else None
            if employee is None:
                if assignment.pk not in acknowledged:
                    assignment.withdrawn_at = now
                    assignment.save(update_fields=["withdrawn_at"])
                    counts["withdrawn"] += 1
            elif employee.unit_id != assignment.unit_id:
                assignment.unit_id = employee.unit_id
                assignment.save(update_fields=["unit"])
                counts["moved"] += 1
        new = [e for pk, e in staff.items() if pk not in current]
        due = max(campaign.due_date, today + dt.timedelta(days=campaign.joiner_days))
        Assignment.objects.bulk_create(
            [
                Assignment(
                    campaign=campaign,
                    employee=e,
                    employee_name=e.name,
                    employee_nip=e.nip,
                    unit_id=e.unit_id,
                    due_date=due if today > campaign.start_date else campaign.due_date,
                    token=_new_token(),
                    joined_late=today > campaign.start_date,
                )
                for e in new
            ]
        )
        counts["added"] = len(new)
        # Someone withdrawn who is back in scope is re-opened rather than added twice.
        for employee_id, assignment in current.items():
            if assignment.withdrawn_at is not None and employee_id in staff:
                assignment.withdrawn_at = None
                assignment.unit_id = staff[employee_id].unit_id
                assignment.save(update_fields=["withdrawn_at", "unit"])
                counts["added"] += 1
        if any(counts.values()):
            audit_record(
                actor=None,
                action="campaign.sync",
                target_type="dissemination.Campaign",
                target_id=campaign.pk,
                data=counts,
            )
    return counts


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def campaign_renew_due(*, today: dt.date | None = None) -> list[Campaign]:
    """Periodic campaigns: when a period has passed, close the old one and start the next over
    the same units with the active policy version (re-attestation)."""
    today = today or timezone.localdate()
    started: list[Campaign] = []
    for campaign in Campaign.objects.filter(period_months__isnull=False, closed_at__isnull=True):
        assert campaign.period_months is not None
        next_start = _add_months(campaign.start_date, campaign.period_months)
        if today < next_start or Campaign.objects.filter(previous=campaign).exists():
            continue
        length = campaign.due_date - campaign.start_date
        with transaction.atomic():
            campaign_close(actor=None, campaign=campaign)
            try:
                started.append(
                    campaign_start(
                        actor=None,
                        title=campaign.title,
                        units=list(campaign.units.all()),
                        start_date=next_start,
                        due_date=next_start + length,
                        joiner_days=campaign.joiner_days,
                        period_months=campaign.period_months,
                        pass_mark=campaign.pass_mark,
                        question_count=campaign.question_count,
                        target_percent=campaign.target_percent,
                        previous=campaign,
                    )
                )
            except DisseminationError:
                pass  # e.g. nobody left in scope: the old one stays closed, nothing else
    return started


# -- the cascade: Eselon II heads confirm -------------------------------------------------------


def _check_upload(upload: UploadedFile[bytes] | None, *, kinds: tuple[str, ...], label: str) -> str:
    """SHA-256 of an accepted upload; refuses other kinds and sizes with a clear message."""
    if upload is None:
        return ""
    if upload.size is not None and upload.size > UPLOAD_MAX_BYTES:
        raise DisseminationError(
            _("%(what)s terlalu besar: paling besar %(mb)d MB.")
            % {"what": label, "mb": UPLOAD_MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(sig) for kind in kinds for sig in _SIGNATURES[kind]):
        raise DisseminationError(
            _("%(what)s harus berupa berkas PDF atau gambar (PNG, JPEG).") % {"what": label}
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def head_confirm(
    *,
    actor: Any,
    campaign: Campaign,
    unit: OrgUnit,
    mode: str,
    session_date: dt.date | None = None,
    place: str = "",
    attendance_file: UploadedFile[bytes] | None = None,
    photo: UploadedFile[bytes] | None = None,
    attendee_ids: Iterable[int] = (),
) -> HeadConfirmation:
    """The head of an Eselon II unit confirms dissemination: online, or an in-person session
    with date, place and the attendance (an uploaded list and/or ticked names). Ticked staff
    without an account are acknowledged on their behalf, and the record says so."""
    if campaign.closed_at is not None:
        raise DisseminationError(_("Kampanye ini sudah ditutup."))
    if mode not in HeadConfirmation.Mode.values:
        raise DisseminationError(_("Pilih cara sosialisasi: daring atau tatap muka."))
    attendee_ids = sorted({int(i) for i in attendee_ids})
    place = place.strip()
    if mode == HeadConfirmation.Mode.IN_PERSON:
        if session_date is None or not place:
            raise DisseminationError(_("Sesi tatap muka memerlukan tanggal dan tempat."))
        if session_date > timezone.localdate():
            raise DisseminationError(_("Tanggal sesi tidak boleh di masa depan."))
        if attendance_file is None and not attendee_ids:
            raise DisseminationError(
                _("Lampirkan daftar hadir (PDF atau gambar) atau centang nama pegawai yang hadir.")
            )
    attendance_sha = _check_upload(
        attendance_file, kinds=("pdf", "png", "jpeg"), label=_("Daftar hadir")
    )
    _check_upload(photo, kinds=("png", "jpeg", "webp"), label=_("Foto"))
    subtree = _descendant_ids({unit.pk})
    attendees = list(Employee.objects.filter(pk__in=attendee_ids, unit_id__in=subtree))
    if len(attendees) != len(attendee_ids):
        raise DisseminationError(_("Sebagian nama yang dicentang bukan pegawai unit ini."))
    with transaction.atomic():
        if HeadConfirmation.objects.filter(campaign=campaign, unit=unit).exists():
            raise DisseminationError(_("Sosialisasi di unit ini sudah dikonfirmasi."))
        confirmation = HeadConfirmation(
            campaign=campaign,
            unit=unit,
            confirmed_by=actor,
            mode=mode,
            session_date=session_date if mode == HeadConfirmation.Mode.IN_PERSON else None,
            place=place[:200] if mode == HeadConfirmation.Mode.IN_PERSON else "",
            attendance_sha256=attendance_sha,
        )
        if attendance_file is not None:
            confirmation.attendance_file.save(
                Path(attendance_file.name or "daftar-hadir").name[-80:], attendance_file, save=False
            )
        if photo is not None:
            confirmation.photo.save(Path(photo.name or "foto").name[-80:], photo, save=False)
        try:
            with transaction.atomic():
                confirmation.save()
        except IntegrityError:
            raise DisseminationError(_("Sosialisasi di unit ini sudah dikonfirmasi.")) from None
        on_behalf = 0
        if mode == HeadConfirmation.Mode.IN_PERSON and attendees:
            confirmation.attendees.set(attendees)
            without_account = [e.pk for e in attendees if e.user_id is None]
            for assignment in Assignment.objects.filter(
                campaign=campaign, employee_id__in=without_account, withdrawn_at__isnull=True
            ):
                if (
                    _record_ack(
                        assignment=assignment,
                        actor=actor,
                        lang="id",
                        on_behalf=True,
                        session=confirmation,
                    )
                    is not None
                ):
                    on_behalf += 1
        audit_record(
            actor=actor,
            action="campaign.head_confirm",
            target_type="dissemination.Campaign",
            target_id=campaign.pk,
            data={
                "unit": unit.code,
                "mode": mode,
                "session_date": session_date,
                "place": place,
                "attendance_sha256": attendance_sha,
                "attendees": len(attendees),
                "acknowledged_on_behalf": on_behalf,
            },
        )
    return confirmation


# -- the employee: quiz and acknowledgement ------------------------------------------------------


def quiz_attempt_start(*, assignment: Assignment) -> QuizAttempt:
    """The open attempt, or a new random draw. Reloading the page keeps the same questions."""
    with transaction.atomic():
        Assignment.objects.select_for_update().filter(pk=assignment.pk).first()
        open_attempt = QuizAttempt.objects.filter(
            assignment=assignment, submitted_at__isnull=True
        ).first()
        if open_attempt is not None:
            return open_attempt
        bank = list(Question.objects.filter(active=True))
        count = assignment.campaign.question_count
        try:
            keys = quiz.draw(bank, count)
        except ValueError:
            raise DisseminationError(
                _(
                    "Bank soal hanya berisi %(available)d soal aktif, kurang dari %(asked)d soal yang diminta."
                )
                % {"available": len(bank), "asked": count}
            ) from None
        return QuizAttempt.objects.create(assignment=assignment, question_keys=keys)


def quiz_attempt_submit(
    *, actor: Any, attempt: QuizAttempt, answers: Mapping[str, int]
) -> QuizAttempt:
    """Score an attempt once. The same attempt sent again (a second tab) is refused and
    changes nothing."""
    with transaction.atomic():
        locked = (
            QuizAttempt.objects.select_for_update()
            .select_related("assignment", "assignment__campaign")
            .get(pk=attempt.pk)
        )
        if locked.submitted_at is not None:
            raise DisseminationError(
                _("Kuis ini sudah dijawab (mungkin di tab lain). Hasilnya tetap yang pertama.")
            )
        assignment = locked.assignment
        questions = {q.key: q for q in Question.objects.filter(key__in=locked.question_keys)}
        keys = [k for k in locked.question_keys if k in questions]
        result = quiz.score(
            questions,
            keys,
            {k: v for k, v in answers.items() if k in questions},
            assignment.campaign.pass_mark,
        )
        locked.answers = {k: int(v) for k, v in answers.items() if k in questions}
        locked.score = result.percent
        locked.passed = result.passed
        locked.missed_clauses = list(result.missed_clauses)
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["answers", "score", "passed", "missed_clauses", "submitted_at"])
        assignment.attempts += 1
        assignment.best_score = max(assignment.best_score or 0, result.percent)
        fields = ["attempts", "best_score"]
        if result.passed and assignment.passed_at is None:
            assignment.passed_at = locked.submitted_at
            fields.append("passed_at")
        assignment.save(update_fields=fields)
        audit_record(
            actor=actor,
            action="quiz.submit",
            target_type="dissemination.Assignment",
            target_id=assignment.pk,
            data={
                "score": result.percent,
                "passed": result.passed,
                "attempt": assignment.attempts,
                "missed": list(result.missed_clauses),
            },
        )
    return locked


def _record_ack(
    *,
    assignment: Assignment,
    actor: Any,
    lang: str,
    on_behalf: bool = False,
    session: HeadConfirmation | None = None,
) -> Acknowledgement | None:
    """Insert the acknowledgement unless a valid one exists (then None)."""
    version = assignment.campaign.policy_version
    text = attested_text(policy_of(version), lang)
    try:
        with transaction.atomic():
            ack = Acknowledgement.objects.create(
                assignment=assignment,
                acknowledged_at=timezone.now(),
                policy_version=version,
                policy_hash=version.content_hash,
                text_hash=text_sha256(text),
                lang=lang,
                quiz_score=assignment.best_score,
                quiz_attempts=assignment.attempts,
                recorded_by=actor,
                on_behalf=on_behalf,
                session=session,
            )
    except IntegrityError:
        return None
    Assignment.objects.filter(pk=assignment.pk).update(acknowledged_at=ack.acknowledged_at)
    audit_record(
        actor=actor,
        action="acknowledgement.record",
        target_type="dissemination.Assignment",
        target_id=assignment.pk,
        data={
            "policy_hash": ack.policy_hash,
            "text_hash": ack.text_hash,
            "lang": lang,
            "quiz_score": ack.quiz_score,
            "on_behalf": on_behalf,
            "session": session.pk if session else None,
        },
    )
    return ack


def acknowledgement_record(
    *, actor: Any, assignment: Assignment, shown_text_hash: str, lang: str
) -> Acknowledgement:
    """The employee acknowledges the text they were shown. `shown_text_hash` comes back from
    the page: when the text changed meanwhile, the employee is asked to read it again."""
    campaign = assignment.campaign
    if campaign.closed_at is not None:
        raise DisseminationError(_("Kampanye ini sudah ditutup."))
    if campaign.question_count and assignment.passed_at is None:
        raise DisseminationError(
            _("Selesaikan kuis dengan nilai lulus sebelum menyatakan memahami.")
        )
    lang = "en" if lang == "en" else "id"
    expected = text_sha256(attested_text(policy_of(campaign.policy_version), lang))
    if shown_text_hash != expected:
        raise DisseminationError(
            _(
                "Teks tata tertib telah berubah sejak halaman ini dibuka. Bacalah versi terbaru lalu nyatakan lagi."
            )
        )
    with transaction.atomic():
        Assignment.objects.select_for_update().filter(pk=assignment.pk).first()
        ack = _record_ack(assignment=assignment, actor=actor, lang=lang)
        if ack is None:
            raise DisseminationError(_("Anda sudah menyatakan memahami tata tertib ini."))
    return ack


def policy_change_mark(
    *, actor: Any, version: PolicyVersion, material: bool, note: str = ""
) -> PolicyChange:
    """Rule on a newly loaded version: open campaigns move to it; a material change makes
    acknowledgements of other texts stale (their assignments are open again), a minor one
    leaves them valid."""
    with transaction.atomic():
        if PolicyChange.objects.filter(policy_version=version).exists():
            raise DisseminationError(_("Perubahan versi ini sudah ditandai."))
        change = PolicyChange.objects.create(
            policy_version=version, material=material, note=note.strip()[:300], marked_by=actor
        )
        campaigns = list(Campaign.objects.select_for_update().filter(closed_at__isnull=True))
        stale = 0
        for campaign in campaigns:
            if campaign.policy_version_id == version.pk:
                continue
            campaign.policy_version = version
            campaign.save(update_fields=["policy_version"])
            if material:
                going = Acknowledgement.objects.filter(
                    assignment__campaign=campaign, stale_since__isnull=True
                ).exclude(policy_hash=version.content_hash)
                reopened = list(going.values_list("assignment_id", flat=True))
                stale += going.update(stale_since=timezone.now())
                Assignment.objects.filter(pk__in=reopened).update(acknowledged_at=None)
        audit_record(
            actor=actor,
            action="policy_change.mark",
            target_type="policies.PolicyVersion",
            target_id=version.pk,
            data={
                "material": material,
                "note": change.note,
                "campaigns": [c.pk for c in campaigns],
                "stale_acknowledgements": stale,
            },
        )
    return change


# -- reminders and escalation ---------------------------------------------------------------------


def _valid_ack_ids() -> Any:
    return Acknowledgement.objects.filter(stale_since__isnull=True).values("assignment_id")


def _heads_of(unit_ids: set[int]) -> dict[int, list[Any]]:
    """Unit heads by the unit they head (for escalation)."""
    heads: dict[int, list[Any]] = {}
    for ra in RoleAssignment.objects.filter(role="unit_head", unit_id__in=unit_ids).select_related(
        "user"
    ):
        if ra.unit_id is not None and ra.user.is_active:
            heads.setdefault(ra.unit_id, []).append(ra.user)
    return heads


def reminders_run(*, today: dt.date | None = None) -> dict[str, int]:
    """The daily round: sync audiences, queue reminders to staff who have not acknowledged
    (schedule in `schedule.py`) and tell heads who is late. At most one message a day per
    person, whatever the number of campaigns (a unique constraint)."""
    today = today or timezone.localdate()
    counts = {"reminders": 0, "escalations": 0, "capped": 0}
    campaigns = list(
        Campaign.objects.filter(closed_at__isnull=True, start_date__lte=today)
        .select_related("policy_version")
        .prefetch_related("units")
        .order_by("pk")
    )
    for campaign in campaigns:
        campaign_sync(campaign=campaign, today=today)
        open_assignments = list(
            Assignment.objects.filter(
                campaign=campaign,
                withdrawn_at__isnull=True,
                employee__user__isnull=False,
                employee__user__is_active=True,
            )
            .exclude(employee__user__email="")
            .exclude(pk__in=_valid_ack_ids())
            .select_related("employee__user", "unit")
        )
        sent: dict[int, list[Reminder]] = {}
        for r in Reminder.objects.filter(campaign=campaign, assignment__isnull=False):
            sent.setdefault(r.assignment_id or 0, []).append(r)
        for assignment in open_assignments:
            mine = sent.get(assignment.pk, [])
            start = (
                max(campaign.start_date, timezone.localdate(assignment.created_at))
                if assignment.joined_late
                else campaign.start_date
            )
            kind = schedule.reminder_kind(
                today=today,
                start=start,
                due=assignment.due_date,
                sent_kinds={r.kind for r in mine},
                last_sent=max((r.sent_on for r in mine), default=None),
            )
            if kind is None:
                continue
            user = assignment.employee.user  # type: ignore[union-attr]
            if _queue(
                recipient=user,
                campaign=campaign,
                assignment=assignment,
                kind=kind,
                today=today,
                context={
                    "name": assignment.employee_name,
                    "campaign": campaign.title,
                    "due": assignment.due_date.isoformat(),
                    "kind": kind,
                    "link": task_link(assignment.token),
                    "days_late": max(0, (today - assignment.due_date).days),
                },
            ):
                counts["reminders"] += 1
            else:
                counts["capped"] += 1
        counts["escalations"] += _escalate(campaign=campaign, today=today)
    return counts


def _queue(
    *,
    recipient: Any,
    campaign: Campaign,
    assignment: Assignment | None,
    kind: str,
    today: dt.date,
    context: dict[str, Any],
) -> bool:
    with transaction.atomic():
        try:
            with transaction.atomic():
                reminder = Reminder.objects.create(
                    recipient=recipient,
                    sent_on=today,
                    kind=kind,
                    assignment=assignment,
                    campaign=campaign,
                )
        except IntegrityError:
            return False  # this person already has a message today
        reminder.notification = notify(
            recipient=recipient,
            template="escalation" if kind == Reminder.Kind.ESCALATION else "reminder",
            context=context,
        )
        reminder.save(update_fields=["notification"])
        audit_record(
            actor=None,
            action=f"reminder.{kind}",
            target_type="dissemination.Reminder",
            target_id=reminder.pk,
            data={
                "campaign": campaign.pk,
                "recipient": recipient.pk,
                "assignment": assignment.pk if assignment else None,
            },
        )
    return True


def _escalate(*, campaign: Campaign, today: dt.date) -> int:
    late = list(
        Assignment.objects.filter(campaign=campaign, withdrawn_at__isnull=True, due_date__lt=today)
        .exclude(pk__in=_valid_ack_ids())
        .select_related("unit")
        .order_by("employee_name")
    )
    if not late:
        return 0
    scope = _descendant_ids({u.pk for u in campaign.units.all()})
    sent = 0
    for unit_id, heads in _heads_of(scope).items():
        subtree = _descendant_ids({unit_id})
        theirs = [a for a in late if a.unit_id in subtree]
        if not theirs:
            continue
        for head in heads:
            if not head.email:
                continue
            last = (
                Reminder.objects.filter(
                    campaign=campaign, recipient=head, kind=Reminder.Kind.ESCALATION
                )
                .order_by("-sent_on")
                .values_list("sent_on", flat=True)
                .first()
            )
            if not schedule.escalation_due(today=today, due=campaign.due_date, last_escalated=last):
                continue
            names = [
                f"{a.employee_name} ({a.unit.code}, {a.due_date.isoformat()})" for a in theirs[:200]
            ]
            if _queue(
                recipient=head,
                campaign=campaign,
                assignment=None,
                kind=Reminder.Kind.ESCALATION,
                today=today,
                context={
                    "name": head.get_full_name() or head.username,
                    "campaign": campaign.title,
                    "count": len(theirs),
                    "late": names,
                    "link": absolute(reverse("dissemination:campaign", args=[campaign.pk])),
                },
            ):
                sent += 1
    return sent
