"""Organisation pages: plain function views that translate HTTP to selectors and services."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import ModelChoiceField
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijak.site.accounts.services import user_active_set, user_invite
from bijak.site.org import access, selectors
from bijak.site.org.forms import (
    EmployeeForm,
    ImportConfirmForm,
    ImportUploadForm,
    RoleForm,
    UnitEditForm,
    UnitForm,
)
from bijak.site.org.importing import COLUMNS, ImportFileError, too_large_error
from bijak.site.org.models import OrgUnit
from bijak.site.org.nip import nip_check
from bijak.site.org.services import (
    ImportRefused,
    employee_import_confirm,
    employee_import_preview,
    employee_update,
    import_counts,
    orgunit_create,
    orgunit_update,
    role_assign,
    role_revoke,
)
from bijak.site.search import search_term
from bijak.site.ui.confirm import confirmation_required


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    return render(request, "org/unit_list.html", {"rows": selectors.unit_tree_for(request.user)})


@login_required
def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access.access_unit_by_id(request.user, unit_id)
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "children": selectors.unit_children_for(request.user, unit),
            "staff": selectors.unit_staff_for(request.user, unit),
            "role_holders": selectors.unit_role_holders(unit),
            "can_edit": access.can_manage_org(request.user),
        },
    )


@login_required
def unit_edit(request: HttpRequest, unit_id: int) -> HttpResponse:
    access.access_org_management(request.user)
    unit = access.access_unit_by_id(request.user, unit_id)
    initial = {"name": unit.name, "level": unit.level, "parent": unit.parent}
    form = UnitEditForm(request.POST) if request.method == "POST" else UnitEditForm(initial=initial)
    parent_field = form.fields["parent"]
    assert isinstance(parent_field, ModelChoiceField)
    parent_field.queryset = OrgUnit.objects.exclude(pk=unit.pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            orgunit_update(
                actor=request.user,
                unit=unit,
                name=data["name"],
                level=data["level"],
                parent=data["parent"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Unit %(code)s diperbarui.") % {"code": unit.code})
            return redirect("org:unit", unit_id=unit.pk)
    return render(
        request,
        "org/unit_edit.html",
        {"unit": unit, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def employee_list(request: HttpRequest) -> HttpResponse:
    query, search_error = search_term(request, "q")
    employees = selectors.employee_list_for(request.user, query=query)
    page = Paginator(employees, 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "org/employee_list.html",
        {"page": page, "query": query, "search_error": search_error},
        status=400 if search_error else 200,
    )


@login_required
def employee_detail(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = access.access_employee_by_id(request.user, employee_id)
    parts, _errors = nip_check(employee.nip)
    return render(
        request,
        "org/employee_detail.html",
        {
            "employee": employee,
            "nip": parts,
            "can_invite": employee.user_id is None
            and access.can_change_employee(request.user, employee),
            "can_edit": access.can_change_employee(request.user, employee),
            "can_switch_account": (
                access.can_manage_org(request.user)
                and employee.user_id is not None
                and employee.user_id != request.user.pk
            ),
        },
    )


@login_required
def employee_edit(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = access.access_employee_for_change(request.user, employee_id)
    posted = request.method == "POST"
    initial = {
        "name": employee.name,
        "unit": employee.unit,
        "position": employee.position,
        "email": employee.email,
    }
    form = EmployeeForm(request.POST) if posted else EmployeeForm(initial=initial)
    unit_field = form.fields["unit"]
    assert isinstance(unit_field, ModelChoiceField)
    unit_field.queryset = access.units_changeable_by(request.user).order_by("code")
    if posted and form.is_valid():
        data = form.cleaned_data
        employee_update(
            actor=request.user,
            employee=employee,
            name=data["name"],
            unit=data["unit"],
            position=data["position"],
            email=data["email"],
        )
        messages.success(request, _("Data pegawai %(nip)s disimpan.") % {"nip": employee.nip})
        return redirect("org:employee", employee_id=employee.pk)
    return render(
        request,
        "org/employee_edit.html",
        {"employee": employee, "form": form},
        status=400 if posted else 200,
    )


@login_required
@require_POST
def employee_account_active(request: HttpRequest, employee_id: int) -> HttpResponse:
    access.access_org_management(request.user)
    employee = access.access_employee_by_id(request.user, employee_id)
    if employee.user is None or employee.user == request.user:
        raise Http404("account")
    active = request.POST.get("active") == "1"
    if not active:
        page = confirmation_required(
            request,
            question=_(
                "Nonaktifkan akun %(username)s? Pemiliknya tidak dapat masuk lagi sampai akunnya diaktifkan kembali."
            )
            % {"username": employee.user.username},
            yes=_("Ya, nonaktifkan"),
            cancel_url=reverse("org:employee", args=[employee.pk]),
        )
        if page is not None:
            return page
    user_active_set(actor=request.user, user=employee.user, active=active)
    if active:
        messages.success(
            request, _("Akun %(username)s diaktifkan.") % {"username": employee.user.username}
        )
    else:
        messages.success(
            request,
            _("Akun %(username)s dinonaktifkan; pemiliknya tidak dapat masuk lagi.")
            % {"username": employee.user.username},
        )
    return redirect("org:employee", employee_id=employee.pk)


@login_required
@require_POST
def employee_invite(request: HttpRequest, employee_id: int) -> HttpResponse:
    employee = access.access_employee_for_change(request.user, employee_id)
    try:
        user = user_invite(
            actor=request.user, employee=employee, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Akun %(username)s dibuat; tautan untuk membuat kata sandi dikirim ke %(email)s.")
            % {"username": user.username, "email": user.email},
        )
    return redirect("org:employee", employee_id=employee.pk)


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    access.access_employee_import(request.user)
    posted = request.method == "POST"
    form = ImportUploadForm(request.POST, request.FILES) if posted else ImportUploadForm()
    file_error = ""
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        limit = settings.BIJAK_IMPORT_MAX_BYTES
        try:
            if upload.size > limit:
                raise too_large_error(size=upload.size, limit=limit)
            batch = employee_import_preview(
                actor=request.user, filename=upload.name, content=upload.read()
            )
        except ImportFileError as exc:
            file_error = exc.message
        else:
            return redirect("org:import_batch", batch_id=batch.pk)
    return render(
        request,
        "org/import_upload.html",
        {
            "form": form,
            "file_error": file_error,
            "recent": selectors.import_batches_of(request.user)[:10],
        },
        status=400 if posted else 200,
    )


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    """An empty employee file with the expected header and one invented example row."""
    access.access_employee_import(request.user)
    body = (
        ",".join(COLUMNS)
        + "\r\n"
        + "198503152010121001,Nama Contoh,KODE.UNIT,Jabatan,nama@contoh.go.id\r\n"
    )
    response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pegawai-templat.csv"'
    return response


@login_required
def import_batch(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = access.access_import_batch_by_id(request.user, batch_id)
    posted = request.method == "POST"
    form = ImportConfirmForm(request.POST) if posted else ImportConfirmForm()
    if posted and form.is_valid():
        try:
            result = employee_import_confirm(
                actor=request.user, batch=batch, mode=form.cleaned_data["mode"]
            )
        except ImportRefused as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _(
                    "Impor selesai: %(created)d pegawai baru, %(updated)d diperbarui, "
                    "%(unchanged)d tidak berubah, %(rejected)d baris ditolak."
                )
                % result,
            )
        return redirect("org:import_batch", batch_id=batch.pk)
    labels = {
        "nip": _("NIP"),
        "nama": _("Nama"),
        "kode_unit": _("Unit"),
        "jabatan": _("Jabatan"),
        "email": _("E-mail"),
    }
    # one page of rows: a file of 100 000 rows must not make a page of tens of megabytes
    page = Paginator(batch.rows, settings.BIJAK_IMPORT_PREVIEW_PAGE).get_page(
        request.GET.get("halaman")
    )
    rows = [
        {
            **row,
            "change_lines": [
                f"{labels.get(column, column)}: {row.get('before', {}).get(column) or '—'} → {row['data'][column] or '—'}"
                for column in row["changes"]
            ],
        }
        for row in page.object_list
    ]
    return render(
        request,
        "org/import_batch.html",
        {"batch": batch, "rows": rows, "page": page, "counts": import_counts(batch), "form": form},
    )


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    access.access_org_management(request.user)
    unit_form = UnitForm(prefix="unit")
    role_form = RoleForm(prefix="role")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "unit":
            unit_form = UnitForm(request.POST, prefix="unit")
            if unit_form.is_valid():
                data = unit_form.cleaned_data
                try:
                    unit = orgunit_create(
                        actor=request.user,
                        code=data["code"],
                        name=data["name"],
                        level=data["level"],
                        parent=data["parent"],
                    )
                except ValidationError as exc:
                    unit_form.add_error(None, exc)
                else:
                    messages.success(request, _("Unit %(code)s dibuat.") % {"code": unit.code})
                    return redirect("org:manage")
        elif action == "role":
            role_form = RoleForm(request.POST, prefix="role")
            if role_form.is_valid():
                data = role_form.cleaned_data
                user = get_user_model().objects.filter(username=data["username"]).first()
                if user is None:
                    role_form.add_error(
                        "username",
                        _("Pengguna %(username)s tidak ditemukan.")
                        % {"username": data["username"]},
                    )
                else:
                    try:
                        role_assign(
                            actor=request.user, user=user, role=data["role"], unit=data["unit"]
                        )
                    except ValidationError as exc:
                        role_form.add_error(None, exc)
                    else:
                        messages.success(
                            request,
                            _("Peran diberikan kepada %(username)s.") % {"username": user.username},
                        )
                        return redirect("org:manage")
    role_form.fields["username"].widget.attrs["list"] = "user-options"
    role_form.fields["username"].widget.attrs["autocomplete"] = "off"
    return render(
        request,
        "org/manage.html",
        {
            "unit_form": unit_form,
            "role_form": role_form,
            "assignments": selectors.role_assignment_list(),
            "user_options": get_user_model()
            .objects.filter(is_active=True)
            .order_by("username")
            .values_list("username", "full_name"),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def role_revoke_view(request: HttpRequest, assignment_id: int) -> HttpResponse:
    assignment = access.access_role_assignment_by_id(request.user, assignment_id)
    username = assignment.user.username
    own = assignment.user_id == request.user.pk
    page = confirmation_required(
        request,
        question=_("Cabut peran %(role)s dari %(username)s?")
        % {"role": assignment.get_role_display(), "username": username},
        detail=_(
            "Ini peran Anda sendiri: setelah dicabut, Anda mungkin tidak dapat membuka halaman ini lagi."
        )
        if own
        else "",
        yes=_("Ya, cabut peran"),
        cancel_url=reverse("org:manage"),
    )
    if page is not None:
        return page
    role_revoke(actor=request.user, assignment=assignment)
    messages.success(request, _("Peran %(username)s dicabut.") % {"username": username})
    return redirect("org:manage")
