"""The check page ("Cek sebelum unggah") and the drafts an employee chose to keep.

Views only translate input and output: the check is `services.check_run`, saving is
`services.saved_check_create`, access is `access.access_saved_check_by_id`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from bijak.engine.report import Report, report_from_dict
from bijak.site.checks import services
from bijak.site.checks.access import access_check_statistics, access_saved_check_by_id
from bijak.site.checks.forms import CheckForm, platform_choices
from bijak.site.checks.present import check_view, saved_excerpt
from bijak.site.checks.schema import check_lang
from bijak.site.checks.selectors import clause_daily_counts, clause_totals, saved_checks_for_user
from bijak.site.ui.confirm import confirmation_required


def _lang() -> str:
    return check_lang()


def _policy() -> Any:
    from bijak.site.policies.selectors import policy_active

    return policy_active()


def _result(text: str, report: Report) -> Any:
    return check_view(text=text, report=report, policy=_policy(), lang=_lang())


def _prepare(form: CheckForm) -> CheckForm:
    """No maxlength: a browser would cut a pasted draft silently. The counter (site.js) and the
    form's error say honestly how much is over the limit instead."""
    attrs = form.fields["text"].widget.attrs
    attrs.pop("maxlength", None)
    attrs["data-counter"] = "text-counter"
    attrs["data-max"] = str(form.max_chars)
    attrs["aria-describedby"] = f"{attrs.get('aria-describedby', 'text-help')} text-counter"
    if form.is_bound and form.errors.get("text"):
        attrs["data-server-invalid"] = "1"
    return form


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    result = None
    saved = None
    reopened = None
    if request.method == "GET" and request.GET.get("draf", "").isdigit():
        # a saved draft reopened into the form, to fix it and check it again (owner only)
        reopened = access_saved_check_by_id(request.user, int(request.GET["draf"]))
        form = CheckForm(initial={"text": reopened.text, "platform": reopened.platform})
    elif request.method == "POST":
        form = CheckForm(request.POST)
        if form.is_valid():
            draft = form.cleaned_data["input"]
            text, platform = draft.text, draft.platform or ""
            report = services.check_run(text=text, lang=draft.lang, platform=draft.platform)
            result = _result(text, report)
            if form.cleaned_data["save"]:
                saved = services.saved_check_create(
                    owner=request.user, text=text, platform=platform, report=report
                )
                messages.success(request, _("Draf disimpan. Hanya Anda yang dapat melihatnya."))
    else:
        form = CheckForm()
    text_value = form["text"].value() or ""
    return render(
        request,
        "checks/check.html",
        {
            "form": _prepare(form),
            "result": result,
            "saved": saved,
            "reopened": reopened,
            "max_chars": form.max_chars,
            "text_length": len(text_value),
        },
    )


@never_cache
@login_required
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The result part only, for instant feedback while typing. Not counted, never stored."""
    form = CheckForm(request.POST)
    if not form.is_valid():
        return render(request, "checks/_result.html", {"form": form, "result": None}, status=200)
    draft = form.cleaned_data["input"]
    report = services.check_run(
        text=draft.text, lang=draft.lang, platform=draft.platform, count=False
    )
    return render(
        request, "checks/_result.html", {"form": form, "result": _result(draft.text, report)}
    )


@never_cache
@login_required
def saved_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "checks/saved_list.html",
        {
            "saved_checks": [
                (saved, saved_excerpt(saved)) for saved in saved_checks_for_user(user=request.user)
            ],
            "platforms": dict(platform_choices()),
        },
    )


@never_cache
@login_required
def saved_detail(request: HttpRequest, saved_id: int) -> HttpResponse:
    saved = access_saved_check_by_id(request.user, saved_id)
    return render(
        request,
        "checks/saved_detail.html",
        {
            "saved": saved,
            "platform_label": dict(platform_choices()).get(saved.platform, saved.platform),
            "result": _result(saved.text, report_from_dict(saved.report or {})),
        },
    )


@login_required
@require_POST
def saved_delete(request: HttpRequest, saved_id: int) -> HttpResponse:
    saved = access_saved_check_by_id(request.user, saved_id)
    page = confirmation_required(
        request,
        question=_("Hapus draf tersimpan ini? Draf yang dihapus tidak dapat dikembalikan."),
        yes=_("Ya, hapus draf"),
        cancel_url=reverse("checks:saved_detail", args=[saved.pk]),
    )
    if page is not None:
        return page
    services.saved_check_delete(actor=request.user, saved=saved)
    messages.success(request, _("Draf tersimpan dihapus."))
    return redirect("checks:saved_list")


STATS_DAYS = 30


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    """How often each clause was flagged, per day, over the last 30 days (no text, no user)."""
    access_check_statistics(request.user)
    until = timezone.localdate()
    since = until - dt.timedelta(days=STATS_DAYS - 1)
    from bijak.site.policies.present import clause_labels, current_lang

    labels = clause_labels(_policy(), current_lang())
    totals = clause_totals(since=since, until=until)
    return render(
        request,
        "checks/statistics.html",
        {
            "totals": totals,
            "bars": [
                (f"{cid} {labels.get(cid, '')}".strip(), n, reverse("policies:clause", args=[cid]))
                if cid in labels
                else (cid, n)
                for cid, n in totals
            ],
            "labels": labels,
            "daily": clause_daily_counts(since=since, until=until),
            "since": since,
            "until": until,
            "days": STATS_DAYS,
        },
    )
