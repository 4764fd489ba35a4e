"""Writes of the cases app: open, move along the procedure, respond, escalate, read-log.

Every function is keyword-only, runs in a transaction and writes its audit entry in it.
`today` / `now` may be passed to freeze time (tests, replays); they default to the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bijak.site.audit.services import audit_record
from bijak.site.cases import documents
from bijak.site.cases.access import (
    can_open_cases,
    case_roles_of,
    conflict_of_interest,
    superior_chain,
)
from bijak.site.cases.models import Case, CaseDocument, CaseEvent, CaseFile, DayOff, Source
from bijak.site.cases.procedure import Procedure, Transition, procedure_shipped
from bijak.site.cases.workdays import WorkCalendar, shipped_days_off
from bijak.site.notifications.services import notification_enqueue
from bijak.site.org.access import employee_of
from bijak.site.org.models import Employee

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT = 4000
# extension -> (content type, magic prefix)
FILE_TYPES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "txt": ("text/plain", ()),
}
PENALTY_LABELS = {
    "teguran_lisan": "teguran lisan",
    "teguran_tertulis": "teguran tertulis",
    "pernyataan_tidak_puas": "pernyataan tidak puas secara tertulis",
}
OUTCOME_LABELS = {
    "no_breach": "tidak terbukti melanggar",
    "guidance": "pembinaan",
    "light": "hukuman disiplin ringan",
    "referral": "diteruskan untuk hukuman disiplin sedang/berat",
}


class CaseError(Exception):
    """A refused action; `str(error)` is the translated message for the user."""


class CaseConflict(CaseError):
    """Someone else changed the case first."""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def calendar() -> WorkCalendar:
    extra = set(shipped_days_off()) | set(DayOff.objects.values_list("date", flat=True))
    return WorkCalendar(extra_days_off=frozenset(extra))


def _procedure(case: Case | None = None) -> Procedure:
    procedure = procedure_shipped()
    if case is not None and case.procedure_sha256 != procedure.sha256:
        # a case keeps the procedure it was opened under; only the shipped one is loaded here
        raise CaseError(
            _("Perkara ini dibuka dengan versi prosedur lain (%(version)s).")
            % {"version": case.procedure_version}
        )
    return procedure


def file_check(upload: Upload) -> str:
    """The content type of an acceptable upload; refuse a file that is not what its name says
    or is too large."""
    if len(upload.data) > MAX_FILE_BYTES:
        raise CaseError(
            _("Berkas %(name)s terlalu besar (paling besar 5 MB).") % {"name": upload.name}
        )
    ext = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if ext not in FILE_TYPES:
        raise CaseError(
            _("Jenis berkas %(name)s tidak diterima (PDF, PNG, JPG atau TXT).")
            % {"name": upload.name}
        )
    content_type, magics = FILE_TYPES[ext]
    if magics and not any(upload.data.startswith(m) for m in magics):
        raise CaseError(
            _("Isi berkas %(name)s tidak sesuai dengan namanya.") % {"name": upload.name}
        )
    if not magics:
        try:
            upload.data.decode("utf-8")
        except UnicodeDecodeError:
            raise CaseError(
                _("Isi berkas %(name)s tidak sesuai dengan namanya.") % {"name": upload.name}
            ) from None
    return content_type


def _add_file(*, case: Case, upload: Upload, role: str, actor: Any, now: dt.datetime) -> CaseFile:
    content_type = file_check(upload)
    digest = hashlib.sha256(upload.data).hexdigest()
    row = CaseFile.objects.create(
        case=case,
        name=upload.name[:200],
        content_type=content_type,
        data=upload.data,
        sha256=digest,
        size=len(upload.data),
        role=role,
        added_by=actor,
        added_at=now,
    )
    audit_record(
        actor=actor,
        action="case.file.add",
        target_type="case",
        target_id=case.pk,
        data={"file": row.pk, "name": row.name, "sha256": digest, "role": role},
    )
    return row


def _event(
    *,
    case: Case,
    kind: str,
    actor: Any,
    now: dt.datetime,
    from_state: str = "",
    to_state: str = "",
    data: dict[str, Any] | None = None,
) -> CaseEvent:
    seq = (
        CaseEvent.objects.filter(case=case).order_by("-seq").values_list("seq", flat=True).first()
        or 0
    ) + 1
    event = CaseEvent.objects.create(
        case=case,
        seq=seq,
        kind=kind,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        at=now,
        data=data or {},
    )
    entry = audit_record(
        actor=actor,
        action=f"case.{kind}",
        target_type="case",
        target_id=case.pk,
        data={
            "number": case.number,
            "seq": seq,
            "from": from_state,
            "to": to_state,
            **(data or {}),
        },
    )
    CaseEvent.objects.filter(pk=event.pk).update(audit_seq=entry.seq)
    event.audit_seq = entry.seq
    return event


def _deadline_for(procedure: Procedure, state: str, today: dt.date) -> dt.date | None:
    spec = procedure.state(state).deadline
    return calendar().add_working_days(today, spec.working_days) if spec else None


def _users_for_role(case: Case, role: str) -> list[Any]:
    from bijak.site.accounts.models import User
    from bijak.site.org.access import ADMIN, OFFICER

    if role == "employee":
        return [case.employee.user] if case.employee.user_id else []
    chain = superior_chain(case.employee)
    if role == "superior":
        return chain[:1]
    if role == "superior2":
        return chain[1:2]
    wanted = OFFICER if role == "officer" else ADMIN
    users = User.objects.filter(role_assignments__role=wanted).distinct().order_by("pk")
    return [u for u in users if wanted in case_roles_of_names(u, case)]


def case_roles_of_names(user: Any, case: Any) -> set[str]:
    """ "officer" / "admin" when `user` holds that role over the case's employee."""
    from bijak.site.org.access import _covered_unit_ids

    out = set()
    for role in ("officer", "admin"):
        covered = _covered_unit_ids(user, {role})
        if covered is None or case.employee.unit_id in covered:
            out.add(role)
    return out


def _notify(
    *, case: Case, users: list[Any], template: str, actor: Any, extra: dict[str, Any] | None = None
) -> None:
    for user in users:
        if not getattr(user, "email", ""):
            continue
        notification_enqueue(
            recipient=user,
            template=template,
            actor=actor,
            context={
                "case_id": case.pk,
                "number": case.number,
                "state": case.state,
                "deadline": case.deadline.isoformat() if case.deadline else "",
                **(extra or {}),
            },
        )


def _next_number(year: int) -> str:
    prefix = f"PD-{year}-"
    last = (
        Case.objects.select_for_update()
        .filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def case_open(
    *,
    actor: Any,
    employee: Employee,
    clauses: list[str],
    summary: str,
    source: str = Source.MANUAL,
    source_ref: str = "",
    files: list[Upload] = (),  # type: ignore[assignment]
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Open a case; the direct superior is notified at once with their deadline."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    if not can_open_cases(actor) or not case_roles_of_names(actor, _Probe(employee)):
        raise CaseError(_("Anda tidak berwenang membuka perkara untuk pegawai ini."))
    summary = (summary or "").strip()
    if not summary:
        raise CaseError(_("Uraian perkara wajib diisi."))
    if len(summary) > MAX_TEXT:
        raise CaseError(_("Uraian perkara terlalu panjang (paling banyak 4000 karakter)."))
    for upload in files:
        file_check(upload)
    procedure = _procedure()
    with transaction.atomic():
        case = Case(
            employee=employee,
            clauses=sorted(set(clauses)),
            summary=summary,
            source=source,
            source_ref=source_ref,
            procedure_id=procedure.id,
            procedure_version=procedure.version,
            procedure_sha256=procedure.sha256,
            state=procedure.initial,
            state_since=today,
            opened_by=actor,
            opened_at=now,
        )
        if conflict_of_interest(actor, case):
            raise CaseError(
                _("Anda tidak boleh menangani perkara tentang diri sendiri atau atasan Anda.")
            )
        case.number = _next_number(today.year)
        case.deadline = _deadline_for(procedure, case.state, today)
        case.save()
        file_rows = [
            _add_file(case=case, upload=u, role="evidence", actor=actor, now=now) for u in files
        ]
        _event(
            case=case,
            kind="open",
            actor=actor,
            now=now,
            to_state=case.state,
            data={
                "source": source,
                "source_ref": source_ref,
                "clauses": case.clauses,
                "employee_nip": employee.nip,
                "procedure": procedure.id,
                "procedure_version": procedure.version,
                "procedure_sha256": procedure.sha256,
                "files": [{"name": f.name, "sha256": f.sha256} for f in file_rows],
                "deadline": case.deadline.isoformat() if case.deadline else None,
            },
        )
        _notify(
            case=case,
            users=_users_for_role(case, "superior"),
            template="cases/superior",
            actor=actor,
        )
        return case


class _Probe:
    """A case-shaped stand-in to compute roles before the case exists."""

    def __init__(self, employee: Employee) -> None:
        self.employee = employee


def case_open_from_flag(
    *,
    actor: Any,
    flag: Any,
    summary: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """A case from a confirmed review flag: the post's employee, the flag's clauses, the post
    text masked to its matched spans (the evidence)."""
    if flag.status != "confirmed":
        raise CaseError(_("Hanya temuan yang sudah dikonfirmasi dapat dijadikan perkara."))
    post = flag.post
    masked = "\n".join(f"[{e.get('category', '')}] {e.get('text', '')}" for e in flag.evidence)
    text = summary or _("Temuan pemantauan #%(id)s dikonfirmasi.") % {"id": flag.pk}
    evidence = Upload(
        name=f"temuan-{flag.pk}.txt",
        data=f"{post.account.platform} {post.account.handle} {post.key}\n{masked}\n".encode(),
    )
    return case_open(
        actor=actor,
        employee=post.account.employee,
        clauses=list(flag.clause_ids),
        summary=text,
        source=Source.FLAG,
        source_ref=str(flag.pk),
        files=[evidence],
        today=today,
        now=now,
    )


def case_open_from_complaint(
    *,
    actor: Any,
    complaint: Any,
    clauses: list[str],
    summary: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Case:
    if complaint.employee_id is None:
        raise CaseError(_("Aduan ini tidak menyebut pegawai."))
    text = summary or _("Aduan %(ticket)s tentang pegawai.") % {"ticket": complaint.ticket}
    return case_open(
        actor=actor,
        employee=complaint.employee,
        clauses=clauses,
        summary=text,
        source=Source.COMPLAINT,
        source_ref=complaint.ticket,
        today=today,
        now=now,
    )


def _clean_inputs(
    *, case: Case, transition: Transition, inputs: dict[str, Any], today: dt.date
) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for name in transition.inputs:
        value = inputs.get(name)
        if name == "examination_date":
            if isinstance(value, str):
                try:
                    value = dt.date.fromisoformat(value)
                except ValueError:
                    value = None
            if not isinstance(value, dt.date):
                raise CaseError(_("Tanggal pemeriksaan wajib diisi (TTTT-BB-HH)."))
            earliest = calendar().add_working_days(today, transition.min_working_days_ahead)
            if value < earliest:
                raise CaseError(
                    _(
                        "Pemeriksaan paling cepat %(date)s: panggilan dikirim sekurang-kurangnya "
                        "%(days)d hari kerja sebelumnya."
                    )
                    % {"date": earliest.isoformat(), "days": transition.min_working_days_ahead}
                )
            clean[name] = value.isoformat()
        elif name == "penalty":
            if value not in transition.penalties:
                raise CaseError(_("Pilih jenis hukuman disiplin ringan."))
            clean[name] = value
        else:
            text = str(value or "").strip()
            if not text:
                raise CaseError(_("Isian %(field)s wajib diisi.") % {"field": name})
            if len(text) > MAX_TEXT:
                raise CaseError(
                    _("Isian %(field)s terlalu panjang (paling banyak 4000 karakter).")
                    % {"field": name}
                )
            clean[name] = text
    return clean


def case_transition(
    *,
    actor: Any,
    case_id: int,
    transition: str,
    expected_version: int,
    inputs: dict[str, Any] | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Case:
    """Move a case along the procedure. Refused (nothing changed) when the transition is not
    allowed from the current state, the actor may not take it, or someone else moved the case
    since `expected_version` (one of two officers acting at once wins)."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    with transaction.atomic():
        try:
            case = (
                Case.objects.select_for_update()
                .select_related("employee", "employee__unit")
                .get(pk=case_id)
            )
        except Case.DoesNotExist:
            raise CaseError(_("Perkara tidak ditemukan.")) from None
        if case.version != expected_version:
            raise CaseConflict(
                _(
                    "Perkara %(number)s baru saja diubah oleh orang lain; muat ulang "
                    "halaman dan periksa tahapnya."
                )
                % {"number": case.number}
            )
        procedure = _procedure(case)
        try:
            step = procedure.transition(transition)
        except KeyError:
            raise CaseError(_("Langkah tidak dikenal.")) from None
        state = procedure.state(case.state)
        if case.state not in step.sources:
            raise CaseError(
                _("Langkah “%(step)s” tidak dapat dilakukan pada tahap “%(state)s”.")
                % {"step": step.label(_lang()), "state": state.label(_lang())}
            )
        roles = case_roles_of(actor, case)
        if not roles & set(step.by):
            raise CaseError(_("Anda tidak berwenang melakukan langkah ini."))
        if step.by != ("employee",) and conflict_of_interest(actor, case):
            raise CaseError(
                _("Anda tidak boleh menangani perkara tentang diri sendiri atau atasan Anda.")
            )
        if step.second_person and case.close_requested_by_id == actor.pk:
            raise CaseError(
                _("Penutupan harus disetujui oleh orang lain daripada yang mengajukannya.")
            )
        if step.within_deadline and case.deadline is not None and today > case.deadline:
            raise CaseError(
                _("Batas waktu untuk langkah ini sudah lewat (%(date)s).")
                % {"date": case.deadline.isoformat()}
            )
        clean = _clean_inputs(case=case, transition=step, inputs=inputs or {}, today=today)
        from_state = case.state
        case.state = step.target
        case.state_since = today
        case.deadline = _deadline_for(procedure, step.target, today)
        case.escalated_on = None
        if "examination_date" in clean:
            case.examination_date = dt.date.fromisoformat(clean["examination_date"])
        if step.outcome:
            case.outcome = step.outcome
            case.penalty = clean.get("penalty", "")
        if step.id == "request_close":
            case.close_requested_by = actor
        case.version = F("version") + 1
        case.save()
        case.refresh_from_db()
        event = _event(
            case=case,
            kind=step.id,
            actor=actor,
            now=now,
            from_state=from_state,
            to_state=case.state,
            data={
                **clean,
                "citation": step.citation,
                "deadline": case.deadline.isoformat() if case.deadline else None,
            },
        )
        for kind in step.documents:
            case_document_generate(
                actor=actor,
                case=case,
                kind=kind,
                event=event,
                now=now,
                fields=clean,
                citation=step.citation,
            )
        _notify(
            case=case,
            users=_users_for_role(case, "employee"),
            template="cases/event",
            actor=actor,
            extra={"step": step.label_id, "step_en": step.label_en},
        )
        return case


def case_document_generate(
    *,
    actor: Any,
    case: Case,
    kind: str,
    event: CaseEvent | None,
    now: dt.datetime,
    fields: dict[str, Any],
    citation: str,
) -> CaseDocument:
    template = documents.template_current(kind=kind)
    count = CaseDocument.objects.filter(case=case, kind=kind).count() + 1
    number = f"{documents.PREFIX[kind]}/{case.number}/{count}"
    outcome = OUTCOME_LABELS.get(case.outcome, "")
    if case.penalty:
        outcome = f"{outcome}: {PENALTY_LABELS.get(case.penalty, case.penalty)}"
    exam = (
        dt.date.fromisoformat(fields["examination_date"])
        if fields.get("examination_date")
        else case.examination_date
    )
    actor_employee = employee_of(actor) if actor is not None else None
    values = {
        "document_number": number,
        "case_number": case.number,
        "employee_name": case.employee.name,
        "employee_nip": case.employee.nip,
        "employee_position": case.employee.position or "-",
        "unit_name": case.employee.unit.name,
        "clauses": ", ".join(case.clauses) or "-",
        "summary": case.summary,
        "record": fields.get("record", ""),
        "reason": fields.get("reason", ""),
        "outcome": outcome or "-",
        "penalty": PENALTY_LABELS.get(case.penalty, ""),
        # dates as Indonesian letters write them: "Kamis, 18 Juni 2026", "8 Juni 2026"
        "examination_date": documents.date_long(exam, weekday=True) or "-",
        "date": documents.date_long(timezone.localdate(now)),
        "actor_name": (getattr(actor, "full_name", "") or getattr(actor, "username", "")) or "-",
        "actor_nip": actor_employee.nip if actor_employee is not None else "-",
        "citation": citation,
    }
    pdf = documents.render_pdf(
        kind=kind,
        parts=documents.layout(template.body, values),
        title=number,
        when=now,
        agency=getattr(settings, "BIJAK_AGENCY_NAME", ""),
    )
    digest = hashlib.sha256(pdf).hexdigest()
    doc = CaseDocument.objects.create(
        case=case,
        kind=kind,
        number=number,
        template=template,
        event=event,
        pdf=pdf,
        sha256=digest,
        created_at=now,
    )
    audit_record(
        actor=actor,
        action="case.document",
        target_type="case",
        target_id=case.pk,
        data={
            "document": doc.pk,
            "kind": kind,
            "number": number,
            "sha256": digest,
            "template_version": template.version,
            "template_sha256": template.sha256,
        },
    )
    return doc


def case_respond(
    *,
    actor: Any,
    case_id: int,
    text: str,
    upload: Upload | None = None,
    now: dt.datetime | None = None,
) -> CaseEvent:
    """The employee's written response (to the BAP, a summons, the decision), with a file."""
    now = now or timezone.now()
    text = (text or "").strip()
    if not text:
        raise CaseError(_("Tanggapan wajib diisi."))
    if len(text) > MAX_TEXT:
        raise CaseError(_("Tanggapan terlalu panjang (paling banyak 4000 karakter)."))
    if upload is not None:
        file_check(upload)
    with transaction.atomic():
        case = Case.objects.select_for_update().select_related("employee").get(pk=case_id)
        if case.employee.user_id != actor.pk:
            raise CaseError(_("Hanya pegawai yang bersangkutan dapat menanggapi."))
        row = (
            _add_file(case=case, upload=upload, role="response", actor=actor, now=now)
            if upload is not None
            else None
        )
        data: dict[str, Any] = {"text": text}
        if row is not None:
            data["file"] = {"id": row.pk, "name": row.name, "sha256": row.sha256}
        return _event(case=case, kind="respond", actor=actor, now=now, data=data)


def case_escalate_due(*, today: dt.date | None = None, now: dt.datetime | None = None) -> int:
    """Notify the superior's superior and the officers of every case whose deadline passed
    (once per state). Returns how many cases were escalated."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    procedure = procedure_shipped()
    count = 0
    due = (
        Case.objects.filter(deadline__lt=today, escalated_on__isnull=True)
        .exclude(state__in=[s.id for s in procedure.states if s.terminal])
        .values_list("pk", flat=True)
    )
    for pk in list(due):
        with transaction.atomic():
            case = Case.objects.select_for_update().select_related("employee").get(pk=pk)
            if case.escalated_on is not None or case.deadline is None or case.deadline >= today:
                continue
            spec = procedure.state(case.state).deadline
            if spec is None:
                continue
            case.escalated_on = today
            case.save(update_fields=["escalated_on"])
            users: list[Any] = []
            for role in spec.escalate_to:
                users += [u for u in _users_for_role(case, role) if u not in users]
            _event(
                case=case,
                kind="escalate",
                actor=None,
                now=now,
                data={
                    "deadline": case.deadline.isoformat(),
                    "who": spec.who,
                    "escalated_to": [u.username for u in users],
                    "citation": spec.citation,
                },
            )
            _notify(
                case=case,
                users=users,
                template="cases/overdue",
                actor=None,
                extra={"who": spec.who},
            )
            count += 1
    return count


def case_read_log(*, actor: Any, case: Case, what: str = "case", ref: str = "") -> None:
    """Record that `actor` read the case (or one of its documents/files)."""
    audit_record(
        actor=actor,
        action="case.read",
        target_type="case",
        target_id=case.pk,
        data={"number": case.number, "what": what, "ref": ref},
    )
