"""Pages of the cases app: thin — input in, services and selectors, templates out. Every read
of a case, a document or a file is logged in the audit chain."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from bijak.site.cases import services
from bijak.site.cases.access import (
    access_case_by_id,
    can_open_cases,
    case_roles_of,
    cases_visible_to,
    conflict_of_interest,
)
from bijak.site.cases.procedure import procedure_shipped
from bijak.site.cases.selectors import cases_summary, nip_masked, outcomes_over_time
from bijak.site.org.access import employees_visible_to

MAX_UPLOAD = services.MAX_FILE_BYTES


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def _upload(request: HttpRequest, name: str) -> services.Upload | None:
    f = request.FILES.get(name)
    if f is None:
        return None
    if f.size is not None and f.size > MAX_UPLOAD:
        raise services.CaseError(
            _("Berkas %(name)s terlalu besar (paling besar 5 MB).") % {"name": f.name}
        )
    return services.Upload(name=f.name or "berkas", data=f.read())


@login_required
@never_cache
def case_list(request: HttpRequest) -> HttpResponse:
    procedure = procedure_shipped()
    lang = _lang()
    cases = list(cases_visible_to(request.user).order_by("-opened_at", "-pk")[:200])
    today = timezone.localdate()
    rows = [
        {
            "case": c,
            "state": procedure.state(c.state).label(lang),
            "nip": nip_masked(c.employee.nip),
            "overdue": bool(c.deadline and c.deadline < today),
        }
        for c in cases
    ]
    return render(
        request, "cases/list.html", {"rows": rows, "can_open": can_open_cases(request.user)}
    )


@login_required
@never_cache
def dashboard(request: HttpRequest) -> HttpResponse:
    if not _oversees(request.user):
        raise Http404
    summary = cases_summary(cases_visible_to(request.user))
    bars = [(s.label(_lang()), n) for s, n in summary["by_state"]]
    short = _outcome_short()
    summary["outcomes"] = [((c, short.get(o, o)), n) for (c, o), n in summary["outcomes"]]
    visible = cases_visible_to(request.user)
    over_time = {by: _chart_groups(outcomes_over_time(visible, by=by)) for by in ("clause", "unit")}
    return render(
        request,
        "cases/dashboard.html",
        {
            "summary": summary,
            "bars": bars,
            "by_clause": over_time["clause"],
            "by_unit": over_time["unit"],
        },
    )


def _outcome_short() -> dict[str, str]:
    return {
        "no_breach": _("tidak terbukti"),
        "guidance": _("pembinaan"),
        "light": _("hukuman ringan"),
        "referral": _("diteruskan"),
    }


def _chart_groups(groups: list[dict[str, Any]]) -> dict[str, Any]:
    """Rows for `{% bar_chart %}`: one chart per clause or unit, one bar per month (the month's
    decisions, split by outcome in the note); one scale for every chart, so bars compare."""
    short = _outcome_short()
    top = max((m["total"] for g in groups for m in g["months"]), default=0)
    charts = [
        {
            "label": g["label"],
            "total": g["total"],
            "rows": [
                {
                    "label": date_format(m["month"], "M Y"),
                    "value": m["total"],
                    "note": " · ".join(
                        f"{short.get(o, o)} {n}" for o, n in m["by_outcome"].items()
                    ),
                }
                for m in g["months"]
            ],
        }
        for g in groups
    ]
    return {"charts": charts, "max": top or 1}


def _oversees(user: Any) -> bool:
    from bijak.site.org.access import ADMIN, AUDITOR, OFFICER, PPK, UNIT_HEAD, has_role

    return has_role(user, OFFICER, AUDITOR, ADMIN, PPK, UNIT_HEAD)


@login_required
@never_cache
def case_new(request: HttpRequest) -> HttpResponse:
    if not can_open_cases(request.user):
        raise Http404
    error = ""
    values = {"nip": "", "clauses": "", "summary": "", "flag": "", "ticket": ""}
    if request.method == "GET":
        values["flag"] = request.GET.get("temuan", "")[:20]
        values["ticket"] = request.GET.get("aduan", "")[:20]
    if request.method == "POST":
        values = {k: request.POST.get(k, "").strip() for k in values}
        clauses = [c.strip() for c in values["clauses"].split(",") if c.strip()]
        try:
            if values["flag"]:
                case = services.case_open_from_flag(
                    actor=request.user, flag=_flag(values["flag"]), summary=values["summary"]
                )
            elif values["ticket"]:
                case = services.case_open_from_complaint(
                    actor=request.user,
                    complaint=_complaint(values["ticket"]),
                    clauses=clauses,
                    summary=values["summary"],
                )
            else:
                employee = employees_visible_to(request.user).filter(nip=values["nip"]).first()
                if employee is None:
                    raise services.CaseError(_("Pegawai dengan NIP itu tidak ditemukan."))
                upload = _upload(request, "file")
                case = services.case_open(
                    actor=request.user,
                    employee=employee,
                    clauses=clauses,
                    summary=values["summary"],
                    files=[upload] if upload else [],
                )
        except services.CaseError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                _("Perkara %(number)s dibuka; atasan langsung sudah diberi tahu.")
                % {"number": case.number},
            )
            return redirect("cases:detail", case.pk)
    return render(
        request, "cases/new.html", {"values": values, "error": error}, status=400 if error else 200
    )


def _flag(ref: str) -> Any:
    from bijak.site.monitoring.models import Flag

    flag = (
        Flag.objects.select_related("post__account__employee")
        .filter(pk=int(ref) if ref.isdigit() else 0)
        .first()
    )
    if flag is None:
        raise services.CaseError(_("Temuan %(ref)s tidak ditemukan.") % {"ref": ref})
    return flag


def _complaint(ticket: str) -> Any:
    from bijak.site.complaints.models import Complaint

    complaint = Complaint.objects.select_related("employee").filter(ticket=ticket).first()
    if complaint is None:
        raise services.CaseError(_("Aduan %(ref)s tidak ditemukan.") % {"ref": ticket})
    return complaint


@login_required
@never_cache
def case_page(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    services.case_read_log(actor=request.user, case=case)
    procedure = procedure_shipped()
    lang = _lang()
    roles = case_roles_of(request.user, case)
    blocked = conflict_of_interest(request.user, case)
    steps = []
    for t in procedure.transitions_from(case.state):
        if not roles & set(t.by):
            continue
        if t.by != ("employee",) and blocked:
            continue
        if t.second_person and case.close_requested_by_id == request.user.pk:
            continue
        steps.append(
            {
                "t": t,
                "label": t.label(lang),
                "penalties": [(p, services.PENALTY_LABELS[p]) for p in t.penalties],
            }
        )
    state = procedure.state(case.state)
    return render(
        request,
        "cases/detail.html",
        {
            "mails": _mails(case) if case.employee.user_id != request.user.pk else [],
            "case": case,
            "state": state.label(lang),
            "deadline_spec": state.deadline,
            "steps": steps,
            "is_employee": "employee" in roles,
            "nip": nip_masked(case.employee.nip) if "employee" not in roles else case.employee.nip,
            "events": case.events.select_related("actor").order_by("seq"),
            "documents": case.documents.order_by("pk").only(
                "pk", "kind", "number", "sha256", "created_at"
            ),
            "files": case.files.order_by("pk").only("pk", "name", "sha256", "size", "role"),
            "overdue": bool(case.deadline and case.deadline < timezone.localdate()),
            "outcome": services.OUTCOME_LABELS.get(case.outcome, ""),
            "penalty": services.PENALTY_LABELS.get(case.penalty, ""),
        },
    )


def _mails(case: Any) -> list[dict[str, Any]]:
    """The case's e-mails (summons, deadlines, escalations) and whether each went out: a mail
    server that is down leaves them queued and retried, and the officer sees it here."""
    from bijak.site.notifications.models import Notification

    what = {
        "cases/superior": _("tenggat atasan langsung"),
        "cases/event": _("pemberitahuan langkah"),
        "cases/overdue": _("lewat tenggat"),
    }
    rows = []
    for n in (
        Notification.objects.filter(template__startswith="cases/", context__case_id=case.pk)
        .select_related("recipient")
        .order_by("created_at", "pk")
    ):
        if n.status == Notification.Status.SENT:
            status, bad = _("terkirim"), False
        elif n.status == Notification.Status.FAILED:
            status, bad = _("gagal, tidak dicoba lagi"), True
        elif n.attempts:
            status, bad = _("belum terkirim, dicoba lagi"), True
        else:
            status, bad = _("menunggu dikirim"), False
        rows.append(
            {
                "n": n,
                "to": n.recipient.full_name or n.recipient.username,
                "what": what.get(n.template, n.template),
                "step": n.context.get("step_en" if _lang() == "en" else "step", ""),
                "status": status,
                "bad": bad,
            }
        )
    return rows


@login_required
@require_POST
def case_step(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    inputs = {
        k: request.POST.get(k, "")
        for k in ("examination_date", "record", "reason", "penalty", "team_members")
    }
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        services.case_transition(
            actor=request.user,
            case_id=case.pk,
            transition=request.POST.get("transition", ""),
            expected_version=version,
            inputs=inputs,
        )
    except services.CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Langkah dicatat."))
    return redirect("cases:detail", case.pk)


@login_required
@require_POST
def case_response(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    try:
        services.case_respond(
            actor=request.user,
            case_id=case.pk,
            text=request.POST.get("text", ""),
            upload=_upload(request, "file"),
        )
    except services.CaseError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Tanggapan Anda dicatat."))
    return redirect("cases:detail", case.pk)


@login_required
def document(request: HttpRequest, case_id: int, doc_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    doc = case.documents.filter(pk=doc_id).first()
    if doc is None:
        raise Http404
    services.case_read_log(actor=request.user, case=case, what="document", ref=doc.number)
    response = HttpResponse(bytes(doc.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{doc.number.replace("/", "_")}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def case_file(request: HttpRequest, case_id: int, file_id: int) -> HttpResponse:
    case = access_case_by_id(request.user, case_id)
    row = case.files.filter(pk=file_id).first()
    if row is None:
        raise Http404
    services.case_read_log(actor=request.user, case=case, what="file", ref=row.sha256)
    response = HttpResponse(bytes(row.data), content_type=row.content_type)
    response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
