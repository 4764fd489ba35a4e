"""Dissemination pages: plain function views that translate HTTP to selectors and services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijak.site.dissemination import access, selectors
from bijak.site.dissemination.attest import attested_text, policy_of, text_sha256
from bijak.site.dissemination.chart import coverage_svg
from bijak.site.dissemination.forms import AcknowledgeForm, CampaignForm, ConfirmationForm
from bijak.site.dissemination.models import Campaign, PolicyChange, QuizAttempt
from bijak.site.dissemination.report import coverage_csv, coverage_pdf
from bijak.site.dissemination.services import (
    DisseminationError,
    acknowledgement_record,
    campaign_close,
    campaign_start,
    head_confirm,
    policy_change_mark,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from bijak.site.org.models import Employee, OrgUnit
from bijak.site.policies.models import PolicyVersion
from bijak.site.policies.present import current_lang


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    campaigns = access.campaigns_visible_to(user) if access.can_read_dissemination(user) else []
    return render(
        request,
        "dissemination/index.html",
        {
            "mine": list(selectors.assignments_of(user)),
            "campaigns": campaigns,
            "can_start": access.can_start_campaign(user),
            "can_mark": access.can_mark_policy_change(user),
            "today": timezone.localdate(),
        },
    )


@login_required
def campaign_new(request: HttpRequest) -> HttpResponse:
    if not access.can_start_campaign(request.user):
        raise Http404("campaign")
    posted = request.method == "POST"
    today = timezone.localdate()
    form = (
        CampaignForm(request.POST)
        if posted
        else CampaignForm(initial={"start_date": today, "due_date": today + dt.timedelta(days=30)})
    )
    units = access.campaign_units_choosable(request.user)
    units_field = form.fields["units"]
    assert isinstance(units_field, forms.ModelMultipleChoiceField)
    units_field.queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units]).order_by("code")
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = campaign_start(
                actor=request.user,
                title=data["title"],
                units=list(data["units"]),
                start_date=data["start_date"],
                due_date=data["due_date"],
                joiner_days=data["joiner_days"],
                period_months=data["period_months"],
                pass_mark=data["pass_mark"],
                question_count=data["question_count"],
                target_percent=data["target_percent"],
            )
        except DisseminationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Kampanye “%(title)s” dimulai untuk %(n)d pegawai.")
                % {"title": campaign.title, "n": campaign.assignments.count()},
            )
            return redirect("dissemination:campaign", campaign_id=campaign.pk)
    return render(
        request, "dissemination/campaign_new.html", {"form": form}, status=400 if posted else 200
    )


def _confirmation_form(
    campaign: Campaign, unit: Any, data: Any = None, files: Any = None
) -> ConfirmationForm:
    from bijak.site.org.access import unit_subtree_ids

    form = ConfirmationForm(data, files)
    staff = Employee.objects.filter(unit_id__in=unit_subtree_ids(unit)).order_by("name")
    attendees = form.fields["attendees"]
    assert isinstance(attendees, forms.TypedMultipleChoiceField)
    attendees.choices = [
        (e.pk, f"{e.name} ({e.nip})" + ("" if e.user_id else " — " + _("tanpa akun")))
        for e in staff
    ]
    return form


@login_required
def campaign_detail(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = access.access_campaign_by_id(request.user, campaign_id)
    coverage = selectors.campaign_coverage(user=request.user, campaign=campaign)
    series = selectors.coverage_over_time(user=request.user, campaign=campaign)
    can_manage = access.can_manage_campaign(request.user, campaign) and campaign.closed_at is None
    confirmed = {r.unit.pk for r in coverage.rows if r.confirmation}
    head_units = access.head_units_in(request.user, campaign) if can_manage else []
    return render(
        request,
        "dissemination/campaign_detail.html",
        {
            "campaign": campaign,
            "coverage": coverage,
            "rows": [(r, coverage.below_target(r)) for r in coverage.rows],
            "chart": coverage_svg(
                series,
                in_scope=coverage.total.in_scope,
                target_percent=campaign.target_percent,
                due=campaign.due_date,
            ),
            "confirm_units": [u for u in head_units if u.pk not in confirmed],
            "can_manage": can_manage,
            "can_close": campaign.closed_at is None
            and access.can_close_campaign(request.user, campaign),
            "units": list(campaign.units.all()),
            "waiting": selectors.reminders_waiting(campaign=campaign),
        },
    )


@login_required
def campaign_confirm(request: HttpRequest, campaign_id: int, unit_id: int) -> HttpResponse:
    campaign = access.access_campaign_for_manage(request.user, campaign_id)
    if campaign.closed_at is not None:
        raise Http404("campaign")
    unit = access.access_head_unit(request.user, campaign, unit_id)
    if request.method != "POST":
        return render(
            request,
            "dissemination/confirm.html",
            {"campaign": campaign, "unit": unit, "form": _confirmation_form(campaign, unit)},
        )
    form = _confirmation_form(campaign, unit, request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            head_confirm(
                actor=request.user,
                campaign=campaign,
                unit=unit,
                mode=data["mode"],
                session_date=data["session_date"],
                place=data["place"],
                attendance_file=data["attendance_file"],
                photo=data["photo"],
                attendee_ids=data["attendees"],
            )
        except DisseminationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Sosialisasi di %(unit)s tercatat.") % {"unit": unit.name})
            return redirect("dissemination:campaign", campaign_id=campaign.pk)
    return render(
        request,
        "dissemination/confirm.html",
        {"campaign": campaign, "unit": unit, "form": form},
        status=400,
    )


@login_required
@require_POST
def campaign_close_view(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = access.access_campaign_by_id(request.user, campaign_id)
    if not access.can_close_campaign(request.user, campaign):
        raise Http404("campaign")
    campaign_close(actor=request.user, campaign=campaign)
    messages.success(request, _("Kampanye ditutup."))
    return redirect("dissemination:campaign", campaign_id=campaign.pk)


@login_required
def coverage_csv_view(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = access.access_campaign_by_id(request.user, campaign_id)
    coverage = selectors.campaign_coverage(user=request.user, campaign=campaign)
    response = HttpResponse(
        coverage_csv(coverage).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="cakupan-{campaign.pk}.csv"'
    return response


@login_required
def coverage_pdf_view(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = access.access_campaign_by_id(request.user, campaign_id)
    coverage = selectors.campaign_coverage(user=request.user, campaign=campaign)
    names = [
        (a, bool(getattr(a, "done", False)))
        for a in selectors.campaign_assignments_for(user=request.user, campaign=campaign)
    ]
    response = HttpResponse(
        coverage_pdf(coverage, names=names, requested_by=request.user),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="cakupan-{campaign.pk}.pdf"'
    return response


@login_required
def confirmation_file(request: HttpRequest, confirmation_id: int, which: str) -> FileResponse:
    confirmation = access.access_confirmation_file(request.user, confirmation_id)
    field = {"daftar-hadir": confirmation.attendance_file, "foto": confirmation.photo}.get(which)
    if not field or not field.name:
        raise Http404("file")
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )


@login_required
def policy_changes(request: HttpRequest) -> HttpResponse:
    access.access_policy_change(request.user)
    if request.method == "POST":
        try:
            version = PolicyVersion.objects.get(pk=int(request.POST.get("version", "")))
        except (PolicyVersion.DoesNotExist, ValueError):
            raise Http404("version") from None
        material = request.POST.get("material") == "1"
        try:
            policy_change_mark(
                actor=request.user,
                version=version,
                material=material,
                note=request.POST.get("note", ""),
            )
        except DisseminationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Perubahan ditandai material: pernyataan lama harus diulang.")
                if material
                else _("Perubahan ditandai kecil: pernyataan lama tetap berlaku."),
            )
        return redirect("dissemination:policy_changes")
    marked = {c.policy_version_id: c for c in PolicyChange.objects.all()}
    versions = list(PolicyVersion.objects.defer("source_text").order_by("-loaded_at", "-pk")[:20])
    return render(
        request,
        "dissemination/policy_changes.html",
        {
            "versions": [(v, marked.get(v.pk)) for v in versions],
        },
    )


# -- the employee's personal link ---------------------------------------------------------------


def _task_context(request: HttpRequest, token: str) -> dict[str, Any]:
    assignment = access.access_assignment_by_token(request.user, token)
    lang = current_lang()
    text = attested_text(policy_of(assignment.campaign.policy_version), lang)
    return {
        "assignment": assignment,
        "campaign": assignment.campaign,
        "lang": lang,
        "attested": text,
        "text_hash": text_sha256(text),
        "ack": selectors.assignment_valid_ack(assignment),
        "latest": selectors.quiz_attempt_latest(assignment),
    }


@login_required
def task(request: HttpRequest, token: str) -> HttpResponse:
    ctx = _task_context(request, token)
    ctx["form"] = AcknowledgeForm(initial={"text_hash": ctx["text_hash"], "lang": ctx["lang"]})
    return render(request, "dissemination/task.html", ctx)


@login_required
@require_POST
def acknowledge(request: HttpRequest, token: str) -> HttpResponse:
    ctx = _task_context(request, token)
    form = AcknowledgeForm(request.POST)
    ctx["form"] = form
    if form.is_valid():
        try:
            acknowledgement_record(
                actor=request.user,
                assignment=ctx["assignment"],
                shown_text_hash=form.cleaned_data["text_hash"],
                lang=form.cleaned_data["lang"],
            )
        except DisseminationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Terima kasih. Pernyataan Anda tercatat."))
            return redirect("dissemination:task", token=token)
    ctx["form"] = AcknowledgeForm(initial={"text_hash": ctx["text_hash"], "lang": ctx["lang"]})
    ctx["errors"] = form.non_field_errors() or [e for errs in form.errors.values() for e in errs]
    return render(request, "dissemination/task.html", ctx, status=400)


@login_required
def quiz_view(request: HttpRequest, token: str) -> HttpResponse:
    ctx = _task_context(request, token)
    assignment = ctx["assignment"]
    if request.method == "POST":
        try:
            attempt = QuizAttempt.objects.get(
                pk=int(request.POST.get("attempt", "")), assignment=assignment
            )
        except (QuizAttempt.DoesNotExist, ValueError):
            raise Http404("attempt") from None
        answers: dict[str, int] = {}
        for key in attempt.question_keys:
            raw = request.POST.get(f"q-{key}", "")
            if raw.isdigit():
                answers[key] = int(raw)
        if len(answers) < len(attempt.question_keys) and request.POST.get("confirm_blank") != "1":
            ctx.update(
                {
                    "attempt": attempt,
                    "questions": _questions(attempt, ctx["lang"], answers),
                    "error": _("Jawab semua pertanyaan terlebih dahulu."),
                }
            )
            return render(request, "dissemination/quiz.html", ctx, status=400)
        try:
            quiz_attempt_submit(actor=request.user, attempt=attempt, answers=answers)
        except DisseminationError as exc:
            messages.error(request, str(exc))
        return redirect("dissemination:quiz_result", token=token, attempt_id=attempt.pk)
    if ctx["ack"] is not None:
        return redirect("dissemination:task", token=token)
    try:
        attempt = quiz_attempt_start(assignment=assignment)
    except DisseminationError as exc:
        messages.error(request, str(exc))
        return redirect("dissemination:task", token=token)
    ctx.update({"attempt": attempt, "questions": _questions(attempt, ctx["lang"], {})})
    return render(request, "dissemination/quiz.html", ctx)


def _questions(attempt: QuizAttempt, lang: str, answers: dict[str, int]) -> list[dict[str, Any]]:
    bank = selectors.questions_by_key(attempt.question_keys)
    rows = []
    for number, key in enumerate(attempt.question_keys, start=1):
        q = bank.get(key)
        if q is None:
            continue
        rows.append(
            {
                "number": number,
                "key": key,
                "clause": q.clause_id,
                "text": q.text_en if lang == "en" and q.text_en else q.text_id,
                "choices": [
                    (i, c.get("en") if lang == "en" and c.get("en") else c.get("id"))
                    for i, c in enumerate(q.choices)
                ],
                "given": answers.get(key, attempt.answers.get(key) if attempt.answers else None),
                "correct": q.correct,
                "explanation": q.explanation_en
                if lang == "en" and q.explanation_en
                else q.explanation_id,
            }
        )
    return rows


@login_required
def quiz_result(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    ctx = _task_context(request, token)
    try:
        attempt = QuizAttempt.objects.get(
            pk=attempt_id, assignment=ctx["assignment"], submitted_at__isnull=False
        )
    except QuizAttempt.DoesNotExist:
        raise Http404("attempt") from None
    ctx.update({"attempt": attempt, "questions": _questions(attempt, ctx["lang"], {})})
    return render(request, "dissemination/quiz_result.html", ctx)
