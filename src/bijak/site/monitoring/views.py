"""Pages of the monitoring desk. Views translate input and output only: permissions come from
`access`, writes from `services`, reads from `selectors`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijak.site.monitoring import access, selectors, services
from bijak.site.monitoring.exports import ColumnMap, ImportFileError
from bijak.site.monitoring.forms import (
    AccountForm,
    ConfirmForm,
    DismissForm,
    ImportForm,
    SampleForm,
)
from bijak.site.monitoring.models import Flag, Platform
from bijak.site.org.importing import too_large_error


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _date(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def _int(value: str) -> int | None:
    return int(value) if value.isdigit() else None


@login_required
def desk(request: HttpRequest) -> HttpResponse:
    """The review desk: queue with filters, its size and age, reviewers' workload."""
    if not access.can_read_desk(request.user):
        return redirect("monitoring:mine")
    get = request.GET
    kind = Flag.Kind.SAMPLE if get.get("jenis") == "sampel" else Flag.Kind.FLAG
    filters = selectors.QueueFilters(
        unit=_int(get.get("unit", "")),
        clause=get.get("pasal", "")[:20],
        category=get.get("kategori", "")[:40],
        platform=get.get("platform", "")[:20],
        since=_date(get.get("dari", "")),
        until=_date(get.get("sampai", "")),
        reviewer=_int(get.get("peninjau", "")),
        status=get.get("status", "open")[:20],
    )
    stats = selectors.desk_stats(user=request.user)
    page, flags = selectors.queue_page(
        user=request.user,
        filters=filters,
        kind=kind,
        number=get.get("halaman"),
        # the open queue unfiltered is what the desk's figures count already
        count=stats.open + stats.pending_second
        if kind == Flag.Kind.FLAG and filters == selectors.QueueFilters()
        else None,
    )
    reviewable = set(
        access.flags_reviewable_by(request.user)
        .filter(pk__in=[f.pk for f in flags])
        .values_list("pk", flat=True)
    )
    from bijak.site.org.access import units_visible_to
    from bijak.site.policies.selectors import policy_active

    policy = policy_active()
    return render(
        request,
        "monitoring/desk.html",
        {
            "page": page,
            "flags": flags,
            "kind": kind,
            "filters": filters,
            "stats": stats,
            "reviewable": reviewable,
            "can_review": access.can_review(request.user),
            "units": units_visible_to(request.user),
            "platforms": Platform.choices,
            "clauses": [c.id for c in policy.clauses],
            "categories": [(c.id, c.name(get_language() or "id")) for c in policy.categories],
            "reasons": Flag.Reason.choices,
            "sample_form": SampleForm(),
            "sample_rate": selectors.sample_miss_rate(user=request.user),
        },
    )


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """An employee's own accounts and the status of flags on their posts; a unit head's
    confirmed flags of their staff."""
    return render(
        request,
        "monitoring/mine.html",
        {
            "accounts": access.accounts_of_own(request.user),
            "flags": access.flags_on_own_posts(request.user).order_by("-created_at")[:100],
            "staff_flags": access.flags_of_staff_confirmed(request.user).order_by("-decided_at")[
                :100
            ],
            "is_head": access.can_see_confirmed(request.user),
        },
    )


@login_required
def accounts(request: HttpRequest) -> HttpResponse:
    employees = access.employees_for_registration(request.user)
    posted = request.method == "POST"
    form = AccountForm(request.POST if posted else None, employees=employees)
    if posted and form.is_valid():
        try:
            account = services.account_register(
                actor=request.user,
                employee=form.cleaned_data["employee"],
                platform=form.cleaned_data["platform"],
                handle=form.cleaned_data["handle"],
                url=form.cleaned_data["url"],
            )
        except ValidationError as exc:
            form.add_error("handle", exc)
        else:
            messages.success(request, _("Akun @%(handle)s terdaftar.") % {"handle": account.handle})
            return redirect("monitoring:account", account_id=account.pk)
    page = Paginator(
        access.accounts_visible_to(request.user).order_by("employee__name", "platform"), 50
    ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "monitoring/accounts.html",
        {"page": page, "form": form, "can_register": employees.exists()},
        status=400 if posted else 200,
    )


@login_required
def account_detail(request: HttpRequest, account_id: int) -> HttpResponse:
    account = access.access_account_by_id(request.user, account_id)
    can_import = access.can_import_for(request.user, account)
    posted = request.method == "POST"
    form = ImportForm(request.POST, request.FILES) if posted else ImportForm()
    file_error = ""
    if posted:
        account = access.access_account_for_import(request.user, account_id)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            limit = settings.BIJAK_MONITOR_IMPORT_MAX_BYTES
            columns = ColumnMap(
                text=form.cleaned_data["text_column"],
                id=form.cleaned_data["id_column"],
                date=form.cleaned_data["date_column"],
            )
            try:
                if upload.size > limit:
                    raise too_large_error(size=upload.size, limit=limit)
                batch = services.post_import_preview(
                    actor=request.user,
                    account=account,
                    filename=upload.name,
                    content=upload.read(),
                    columns=columns,
                )
            except ImportFileError as exc:
                file_error = exc.message
            else:
                return redirect("monitoring:import", import_id=batch.pk)
    page = Paginator(
        selectors.posts_of_account(user=request.user, account_id=account.pk), 50
    ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "monitoring/account.html",
        {
            "account": account,
            "page": page,
            "form": form,
            "file_error": file_error,
            "can_import": can_import,
            "scans": account.scans.order_by("-created_at")[:5],
        },
        status=400 if posted else 200,
    )


@login_required
@require_POST
def account_scan(request: HttpRequest, account_id: int) -> HttpResponse:
    account = access.access_account_for_import(request.user, account_id)
    scan = services.scan_start(actor=request.user, accounts=[account])
    return redirect("monitoring:scan", scan_id=scan.pk)


@login_required
def import_batch(request: HttpRequest, import_id: int) -> HttpResponse:
    batch = access.access_post_import_by_id(request.user, import_id)
    if request.method == "POST":
        try:
            counts = services.post_import_confirm(actor=request.user, batch=batch)
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(
                request,
                _(
                    "Impor selesai: %(new)d unggahan baru, %(duplicates)d sudah ada, "
                    "%(rejected)d ditolak."
                )
                % counts,
            )
            scan = batch.account.scans.order_by("-created_at").first()
            if counts["new"] and scan is not None:
                return redirect("monitoring:scan", scan_id=scan.pk)
        return redirect("monitoring:import", import_id=batch.pk)
    rows = batch.rows
    shown = [r for r in rows if r["status"] != "new"][:500] + [
        r for r in rows if r["status"] == "new"
    ][:100]
    shown.sort(key=lambda r: (r["source"], r["line"]))
    return render(
        request,
        "monitoring/import.html",
        {"batch": batch, "rows": shown, "counts": batch.counts, "hidden": len(rows) - len(shown)},
    )


@login_required
def scan_detail(request: HttpRequest, scan_id: int) -> HttpResponse:
    scan = access.access_scan_by_id(request.user, scan_id)
    return render(
        request,
        "monitoring/scan.html",
        {
            "scan": scan,
            "running": scan.status in ("queued", "running"),
        },
    )


def _clause_views(flag: Flag) -> list[dict[str, Any]]:
    from bijak.site.policies.selectors import policy_active

    policy, lang = policy_active(), get_language() or "id"
    out = []
    by_clause = {c["id"]: c for c in flag.post.clauses}
    for clause_id in flag.clause_ids:
        try:
            clause = policy.clause(clause_id)
        except KeyError:
            continue
        hit = by_clause.get(clause_id, {})
        names = []
        for category_id in hit.get("categories", []):
            try:
                names.append(policy.category(category_id).name(lang))
            except KeyError:
                names.append(category_id)
        out.append(
            {
                "id": clause_id,
                "text": clause.text(lang),
                "categories": names,
                "score": hit.get("score", flag.score),
                "verdict": hit.get("verdict", ""),
                "carried": bool(hit.get("carried")),
            }
        )
    return out


@login_required
def flag_detail(request: HttpRequest, flag_id: int) -> HttpResponse:
    """A flag: the post (masked) with its evidence highlighted, each clause's text, and the
    reviewer's actions."""
    from bijak.site.checks.present import highlight
    from bijak.site.policies.selectors import policy_active

    if request.method == "POST":
        flag = access.access_flag_for_review(request.user, flag_id)
        action = request.POST.get("action", "")
        try:
            if action == "claim":
                services.flag_claim(actor=request.user, flag=flag)
            elif action == "release":
                services.flag_release(actor=request.user, flag=flag)
            elif action == "confirm":
                confirm_form = ConfirmForm(request.POST)
                note = confirm_form.cleaned_data["note"] if confirm_form.is_valid() else ""
                flag = services.flag_confirm(actor=request.user, flag=flag, note=note)
                messages.success(
                    request,
                    _("Temuan dikonfirmasi.")
                    if flag.status == "confirmed"
                    else _("Konfirmasi pertama tercatat; menunggu peninjau kedua."),
                )
                return redirect("monitoring:desk")
            elif action == "dismiss":
                form = DismissForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_("Pilih alasan penolakan dari daftar."))
                services.flag_dismiss(
                    actor=request.user,
                    flag=flag,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
                messages.success(request, _("Temuan ditolak."))
                return redirect("monitoring:desk")
        except ValidationError as exc:
            _errors(request, exc)
        return redirect("monitoring:flag", flag_id=flag.pk)
    flag = access.access_flag_by_id(request.user, flag_id)
    on_desk = access.flags_on_desk(request.user).filter(pk=flag.pk).exists()
    policy, lang = policy_active(), get_language() or "id"
    names = {c.id: c.name(lang) for c in policy.categories}
    may_review = access.flags_reviewable_by(request.user).filter(pk=flag.pk).exists()
    return render(
        request,
        "monitoring/flag.html",
        {
            "flag": flag,
            "post": flag.post,
            "on_desk": on_desk,
            "text": highlight(flag.post.text, flag.evidence, names, flag.post.text)
            if on_desk
            else "",
            "clauses": _clause_views(flag),
            "may_review": may_review,
            "conflict": access.review_conflict(request.user, flag)
            if access.can_review(request.user)
            else "",
            "holding": flag.claimed_by_id == request.user.pk,
            "is_first": flag.first_reviewer_id == request.user.pk,
            "confirm_form": ConfirmForm(),
            "dismiss_form": DismissForm(),
        },
    )


@login_required
@require_POST
def claim_next(request: HttpRequest) -> HttpResponse:
    access.access_review(request.user)
    kind = Flag.Kind.SAMPLE if request.POST.get("jenis") == "sampel" else Flag.Kind.FLAG
    flag = services.flag_claim_next(actor=request.user, kind=kind)
    if flag is None:
        messages.info(request, _("Tidak ada temuan bebas yang dapat Anda tinjau."))
        return redirect("monitoring:desk")
    return redirect("monitoring:flag", flag_id=flag.pk)


@login_required
@require_POST
def bulk_dismiss(request: HttpRequest) -> HttpResponse:
    access.access_review(request.user)
    ids = [int(v) for v in request.POST.getlist("flag") if v.isdigit()][:500]
    if not ids:
        messages.error(request, _("Pilih sedikitnya satu temuan."))
        return redirect("monitoring:desk")
    try:
        done = services.flag_bulk_dismiss(
            actor=request.user,
            flag_ids=ids,
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request,
            _("%(done)d dari %(asked)d temuan ditolak.") % {"done": done, "asked": len(ids)},
        )
    return redirect("monitoring:desk")


@login_required
@require_POST
def sample(request: HttpRequest) -> HttpResponse:
    access.access_review(request.user)
    form = SampleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ukuran sampel harus antara 1 dan 1000."))
        return redirect("monitoring:desk")
    drawn = services.sample_draw(actor=request.user, size=form.cleaned_data["size"])
    messages.success(request, _("%(n)d unggahan aman masuk antrean sampel mutu.") % {"n": drawn})
    return redirect(reverse("monitoring:desk") + "?jenis=sampel")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    access.access_desk(request.user)
    user = request.user
    stats = selectors.desk_stats(user=user)
    from bijak.site.policies.selectors import policy_active

    lang = get_language() or "id"
    names = {c.id: c.name(lang) for c in policy_active().categories}
    precision = [
        (names.get(r.label, r.label), r) for r in selectors.precision_by_category(user=user)
    ]
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "stats": stats,
            "per_clause": [
                (_("Pasal %(id)s") % {"id": c}, n)
                for c, n, _k in selectors.flags_per_clause(user=user)
            ],
            "per_platform": selectors.flags_per_platform(user=user),
            "per_unit": selectors.flags_per_unit(user=user),
            "per_week": selectors.flags_per_clause_by_week(user=user),
            "by_age": selectors.queue_by_age(user=user),
            "precision": precision,
            "sample_rate": selectors.sample_miss_rate(user=user),
        },
    )


def csv_cell(value: Any) -> str:
    """A cell as text that a spreadsheet shows and never runs: one starting with = + - @ or a
    tab/carriage return gets a leading apostrophe (OWASP's CSV injection advice)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
def queue_csv(request: HttpRequest) -> HttpResponse:
    """The decided and open flags the user may read, as CSV (masked text, formulas escaped)."""
    import csv

    access.access_desk(request.user)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="temuan.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 with a BOM
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Temuan"),
            _("Status"),
            _("Hasil"),
            _("Pasal"),
            _("Pegawai"),
            _("Unit"),
            _("Platform"),
            _("Akun"),
            _("Diunggah"),
            _("Teks (disamarkan)"),
        ]
    )
    flags = access.flags_on_desk(request.user).filter(kind=Flag.Kind.FLAG).order_by("pk")[:50_000]
    for f in flags.iterator(chunk_size=1000):
        account = f.post.account
        writer.writerow(
            [
                csv_cell(v)
                for v in (
                    f.pk,
                    f.get_status_display(),
                    f.verdict,
                    " ".join(f.clause_ids),
                    account.employee.name,
                    account.employee.unit.name,
                    account.get_platform_display(),
                    account.handle,
                    f.post.posted_at.isoformat() if f.post.posted_at else "",
                    f.post.text,
                )
            ]
        )
    return response
