"""Pages of the complaints app: thin — forms in, services and selectors, templates out."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from bijak.site.complaints import services
from bijak.site.complaints.access import (
    access_complaint_for_action,
    access_complaint_for_reporter,
    access_complaint_for_staff,
    can_handle_complaints,
    can_read_all_complaints,
    remember_ticket,
    ticket_key_matches,
)
from bijak.site.complaints.forms import (
    CloseForm,
    ForwardForm,
    IntakeForm,
    MergeForm,
    ReplyForm,
    TicketLookupForm,
    TriageForm,
)
from bijak.site.complaints.models import Candidate, Complaint, Screenshot, Status
from bijak.site.complaints.ratelimit import hit_allowed
from bijak.site.complaints.selectors import (
    complaint_detail,
    complaint_queue,
    complaints_dashboard,
    complaints_of_reporter,
)
from bijak.site.policies.selectors import policy_active

INTAKE_PER_MINUTE = getattr(settings, "BIJAK_COMPLAINT_INTAKE_PER_MINUTE", 5)
INTAKE_PER_HOUR = getattr(settings, "BIJAK_COMPLAINT_INTAKE_PER_HOUR", 30)
LOOKUPS_PER_10_MIN = 20
FLASH_KEY = "complaint_submitted"


def _lang() -> str:
    return "en" if (get_language() or "id").startswith("en") else "id"


def _kinds(policy: Any) -> list[tuple[str, str]]:
    lang = _lang()
    return [(k.id, k.label(lang)) for k in policy.complaint_kinds]


def _client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _too_many(request: HttpRequest, message: str) -> HttpResponse:
    response = render(request, "complaints/limited.html", {"message": message}, status=429)
    response["Retry-After"] = "60"
    return response


@never_cache
def intake(request: HttpRequest) -> HttpResponse:
    policy = policy_active()
    kinds = _kinds(policy)
    if request.method != "POST":
        return render(request, "complaints/intake.html", {"form": IntakeForm(kinds=kinds)})
    form = IntakeForm(request.POST, request.FILES, kinds=kinds)
    ip = _client_ip(request)
    if not (
        hit_allowed(scope="intake-m", key=ip, limit=INTAKE_PER_MINUTE, window_s=60)
        and hit_allowed(scope="intake-h", key=ip, limit=INTAKE_PER_HOUR, window_s=3600)
    ):
        return _too_many(
            request,
            _(
                "Terlalu banyak aduan dari alamat Anda dalam waktu singkat. Coba lagi sebentar lagi."
            ),
        )
    if request.POST.get("website"):
        form.add_error(None, _("Aduan tidak dapat diterima. Muat ulang halaman lalu coba lagi."))
        return render(request, "complaints/intake.html", {"form": form}, status=400)
    if not form.is_valid():
        return render(request, "complaints/intake.html", {"form": form}, status=400)
    uploads = []
    from bijak.intake.images import MAX_BYTES

    for f in form.cleaned_data["screenshots"]:
        if f.size > MAX_BYTES:
            form.add_error(
                "screenshots",
                _("Berkas %(name)s ditolak: lebih dari 10 MB.") % {"name": f.name[:100]},
            )
            continue
        uploads.append(services.UploadedScreenshot(filename=f.name, data=f.read()))
    if form.errors:
        return render(request, "complaints/intake.html", {"form": form}, status=400)
    try:
        prepared = services.complaint_prepare(
            policy=policy,
            kind=form.cleaned_data["kind"],
            description=form.cleaned_data["description"],
            urls=form.cleaned_data["urls"].splitlines(),
            screenshots=uploads,
        )
    except services.ComplaintInputError as exc:
        for name, msgs in exc.errors.items():
            for msg in msgs:
                form.add_error(name if name in form.fields else None, msg)
        return render(request, "complaints/intake.html", {"form": form}, status=400)
    submitted = services.complaint_submit(reporter=request.user, prepared=prepared)
    remember_ticket(request, submitted.complaint)
    request.session[FLASH_KEY] = {
        "ticket": submitted.complaint.ticket,
        "key": submitted.key,
        "duplicates": submitted.duplicates,
        "repeats": submitted.repeats,
    }
    return redirect("complaints:submitted", ticket=submitted.complaint.ticket)


@never_cache
def submitted(request: HttpRequest, ticket: str) -> HttpResponse:
    complaint = access_complaint_for_reporter(request, ticket)
    flash = request.session.pop(FLASH_KEY, None)
    if not flash or flash.get("ticket") != complaint.ticket:
        return redirect("complaints:ticket", ticket=complaint.ticket)
    return render(request, "complaints/submitted.html", {"complaint": complaint, "flash": flash})


@never_cache
def lookup(request: HttpRequest) -> HttpResponse:
    form = TicketLookupForm(request.POST or None)
    if request.method == "POST":
        if not hit_allowed(
            scope="lookup", key=_client_ip(request), limit=LOOKUPS_PER_10_MIN, window_s=600
        ):
            return _too_many(request, _("Terlalu banyak percobaan. Coba lagi 10 menit lagi."))
        if form.is_valid():
            ticket = form.cleaned_data["ticket"].strip().upper()
            if not hit_allowed(scope="lookup-t", key=ticket, limit=10, window_s=600):
                return _too_many(
                    request, _("Terlalu banyak percobaan untuk tiket ini. Coba lagi 10 menit lagi.")
                )
            complaint = Complaint.objects.filter(ticket=ticket).first()
            if complaint is not None and ticket_key_matches(complaint, form.cleaned_data["key"]):
                remember_ticket(request, complaint)
                return redirect("complaints:ticket", ticket=complaint.ticket)
            form.add_error(None, _("Nomor tiket atau kuncinya tidak cocok."))
        return render(request, "complaints/lookup.html", {"form": form}, status=400)
    return render(request, "complaints/lookup.html", {"form": form})


@never_cache
def ticket(request: HttpRequest, ticket: str) -> HttpResponse:
    complaint = access_complaint_for_reporter(request, ticket)
    primary = complaint.primary
    events = list(primary.events.all())
    if primary.pk != complaint.pk:
        events = sorted([*complaint.events.all(), *events], key=lambda e: (e.at, e.pk))
    return render(
        request,
        "complaints/ticket.html",
        {
            "complaint": complaint,
            "primary": primary,
            "events": events,
            "kind_label": dict(_kinds(policy_active())).get(complaint.kind, complaint.kind),
            "links": complaint.links.all(),
            "shots": complaint.screenshots.defer("data", "variants"),
        },
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "complaints/mine.html",
        {
            "complaints": complaints_of_reporter(request.user),
            "kinds": dict(_kinds(policy_active())),
        },
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not can_read_all_complaints(request.user):
        raise Http404
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    kind = request.GET.get("jenis", "")[:40]
    qs = complaint_queue(status=status, kind=kind, query=request.GET.get("q", "")[:20])
    page = Paginator(qs, 25).get_page(request.GET.get("halaman"))
    return render(
        request,
        "complaints/queue.html",
        {
            "page": page,
            "status": status,
            "kind": kind,
            "statuses": Status.choices,
            "kinds": _kinds(policy_active()),
            "kind_labels": dict(_kinds(policy_active())),
            "q": request.GET.get("q", "")[:20],
        },
    )


def _detail_context(request: HttpRequest, complaint: Complaint) -> dict[str, Any]:
    policy = policy_active()
    kinds = _kinds(policy)
    channels = [
        (c.id, c.label)
        for c in policy.channels
        if c.active and c.kind in ("email", "whatsapp", "web")
    ]
    return {
        "complaint": complaint,
        "kinds": dict(kinds),
        "can_act": can_handle_complaints(request.user),
        "triage_form": TriageForm(kinds=kinds),
        "merge_form": MergeForm(),
        "forward_form": ForwardForm(channels=channels),
        "reply_form": ReplyForm(),
        "close_form": CloseForm(),
        "forward_result": request.session.pop("complaint_forward_result", None),
    }


@login_required
@never_cache
def detail(request: HttpRequest, ticket: str) -> HttpResponse:
    complaint = complaint_detail(access_complaint_for_staff(request.user, ticket))
    return render(request, "complaints/detail.html", _detail_context(request, complaint))


@login_required
@require_POST
def act(request: HttpRequest, ticket: str, action: str) -> HttpResponse:
    complaint = access_complaint_for_action(request.user, ticket)
    policy = policy_active()
    kinds = _kinds(policy)
    try:
        if action == "telaah":
            form: Any = TriageForm(request.POST, kinds=kinds)
            if form.is_valid():
                services.complaint_triage(
                    actor=request.user,
                    complaint=complaint,
                    policy=policy,
                    decision=form.cleaned_data["decision"],
                    kind=form.cleaned_data["kind"],
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("Telaah disimpan."))
        elif action == "gabung":
            form = MergeForm(request.POST)
            if form.is_valid():
                other = Complaint.objects.filter(
                    ticket=form.cleaned_data["other"].strip().upper()
                ).first()
                if other is None or other.pk == complaint.pk:
                    messages.error(request, _("Nomor tiket untuk digabung tidak ditemukan."))
                else:
                    services.complaint_merge(actor=request.user, primary=complaint, duplicate=other)
                    messages.success(
                        request,
                        _("%(other)s digabung ke %(ticket)s.")
                        % {"other": other.ticket, "ticket": complaint.primary.ticket},
                    )
        elif action == "abaikan":
            candidate = Candidate.objects.filter(
                pk=request.POST.get("candidate", "0")[:12]
                if request.POST.get("candidate", "").isdigit()
                else 0,
                complaint=complaint,
            ).first()
            if candidate is None:
                raise Http404
            services.complaint_dismiss_candidate(actor=request.user, candidate=candidate)
            messages.success(request, _("Kandidat duplikat diabaikan."))
        elif action == "teruskan":
            channels = [(c.id, c.label) for c in policy.channels if c.active]
            form = ForwardForm(request.POST, channels=channels)
            if form.is_valid():
                result = services.complaint_forward(
                    actor=request.user,
                    complaint=complaint,
                    policy=policy,
                    channel_id=form.cleaned_data["channel"],
                )
                request.session["complaint_forward_result"] = {
                    "kind": result.forward.channel_kind,
                    "whatsapp_link": result.whatsapp_link,
                    "portal_text": result.portal_text,
                    "value": result.forward.channel_value,
                }
                messages.success(request, _("Aduan diteruskan."))
        elif action == "jawaban":
            form = ReplyForm(request.POST)
            if form.is_valid():
                services.complaint_record_reply(
                    actor=request.user,
                    complaint=complaint,
                    external_ref=form.cleaned_data["external_ref"],
                    reply=form.cleaned_data["reply"],
                )
                messages.success(request, _("Jawaban kanal dicatat."))
        elif action == "tutup":
            form = CloseForm(request.POST)
            if form.is_valid():
                services.complaint_close(
                    actor=request.user, complaint=complaint, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Aduan ditutup."))
        else:
            raise Http404
        if "form" in locals() and not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
    except services.ComplaintStateError as exc:
        messages.error(request, str(exc))
    return redirect("complaints:detail", ticket=complaint.primary.ticket)


@never_cache
def screenshot(request: HttpRequest, ticket: str, shot_id: int) -> HttpResponse:
    user = request.user
    if getattr(user, "is_authenticated", False) and can_read_all_complaints(user):
        complaint = access_complaint_for_staff(user, ticket)
    else:
        complaint = access_complaint_for_reporter(request, ticket)
    try:
        shot = Screenshot.objects.get(pk=shot_id, complaint=complaint)
    except Screenshot.DoesNotExist:
        raise Http404 from None
    response = HttpResponse(bytes(shot.data), content_type=shot.mime)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not can_read_all_complaints(request.user):
        raise Http404
    data = complaints_dashboard(kind_labels=dict(_kinds(policy_active())))
    return render(request, "complaints/dashboard.html", {"d": data})
