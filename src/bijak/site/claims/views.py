"""Pages of the site's health-hoax knowledge base."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijak.site.claims import services
from bijak.site.claims.access import (
    access_claim_for_change,
    access_claims_read,
    can_edit_claims,
)
from bijak.site.claims.forms import ClaimForm, ImportForm
from bijak.site.claims.selectors import claim_list


@login_required
def index(request: HttpRequest) -> HttpResponse:
    access_claims_read(request.user)
    query = request.GET.get("q", "").strip()[:60]
    page = Paginator(claim_list(query=query), 25).get_page(request.GET.get("halaman"))
    from bijak.engine.claims import load_default_kb

    return render(
        request,
        "claims/index.html",
        {
            "page": page,
            "q": query,
            "can_edit": can_edit_claims(request.user),
            "shipped": len(load_default_kb()),
            "import_form": ImportForm(),
        },
    )


def _save(request: HttpRequest, form: ClaimForm, record: Any = None) -> HttpResponse | None:
    if not form.is_valid():
        return None
    data = form.cleaned_data
    kwargs = {
        "topic": data["topic"],
        "claims": data["claims"].splitlines(),
        "fact": data["fact"],
        "source": data["source"],
    }
    try:
        if record is None:
            record = services.claim_create(actor=request.user, **kwargs)
        else:
            record = services.claim_update(actor=request.user, record=record, **kwargs)
    except services.ClaimInputError as exc:
        for name, msgs in exc.errors.items():
            for msg in msgs:
                form.add_error(name if name in form.fields else None, msg)
        return None
    messages.success(
        request, _("Klaim %(id)s disimpan dan langsung dipakai saat cek.") % {"id": record.entry_id}
    )
    return redirect("claims:index")


@login_required
def create(request: HttpRequest) -> HttpResponse:
    if not can_edit_claims(request.user):
        raise Http404
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and (done := _save(request, form)) is not None:
        return done
    status = 400 if request.method == "POST" else 200
    return render(request, "claims/form.html", {"form": form, "record": None}, status=status)


@login_required
def edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    record = access_claim_for_change(request.user, claim_id)
    initial = {
        "topic": record.topic,
        "claims": "\n".join(record.claims),
        "fact": record.fact,
        "source": record.source,
    }
    form = ClaimForm(request.POST or None, initial=initial)
    if request.method == "POST" and (done := _save(request, form, record)) is not None:
        return done
    status = 400 if request.method == "POST" else 200
    return render(request, "claims/form.html", {"form": form, "record": record}, status=status)


@login_required
@require_POST
def toggle(request: HttpRequest, claim_id: int) -> HttpResponse:
    record = access_claim_for_change(request.user, claim_id)
    services.claim_set_active(actor=request.user, record=record, active=not record.active)
    messages.success(request, _("Status klaim %(id)s diubah.") % {"id": record.entry_id})
    return redirect("claims:index")


@login_required
@require_POST
def import_claimreview(request: HttpRequest) -> HttpResponse:
    if not can_edit_claims(request.user):
        raise Http404
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > services.MAX_IMPORT_BYTES:
            messages.error(request, _("Berkas lebih dari 5 MB."))
            return redirect("claims:index")
        try:
            result = services.claims_import_claimreview(actor=request.user, data=upload.read())
        except services.ClaimInputError as exc:
            for msgs in exc.errors.values():
                for msg in msgs:
                    messages.error(request, msg)
        else:
            messages.success(
                request,
                _(
                    "%(created)d klaim diimpor, %(skipped)d dilewati (sudah ada atau tidak dinilai salah)."
                )
                % {"created": result.created, "skipped": result.skipped},
            )
    else:
        messages.error(request, _("Pilih berkas JSON ClaimReview."))
    return redirect("claims:index")
