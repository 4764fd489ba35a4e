"""Input checked at the edge; the services do the work."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bijak.site.columns import max_length_of
from bijak.site.org.models import Employee, Level, OrgUnit, Role
from bijak.site.org.services import IMPORT_MODE_ALL_OR_NOTHING, IMPORT_MODE_VALID_ONLY


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas pegawai (CSV atau XLSX)"),
        error_messages={
            "required": _("Pilih berkas yang akan diunggah."),
            "empty": _("Berkas kosong."),
        },
    )


class ImportConfirmForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Bila ada baris yang ditolak"),
        choices=[
            (IMPORT_MODE_VALID_ONLY, _("Impor baris yang sah saja; baris yang ditolak dilewati")),
            (
                IMPORT_MODE_ALL_OR_NOTHING,
                _("Semua atau tidak sama sekali: batalkan bila ada baris ditolak"),
            ),
        ],
        initial=IMPORT_MODE_VALID_ONLY,
        widget=forms.RadioSelect,
    )


class UnitForm(forms.Form):
    code = forms.CharField(label=_("Kode unit"), max_length=50)
    name = forms.CharField(label=_("Nama unit"), max_length=200)
    level = forms.ChoiceField(label=_("Tingkat"), choices=Level.choices)
    parent = forms.ModelChoiceField(
        label=_("Unit induk"),
        queryset=OrgUnit.objects.all(),
        required=False,
        empty_label=_("(tanpa induk)"),
    )


class RoleForm(forms.Form):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    role = forms.ChoiceField(label=_("Peran"), choices=Role.choices)
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=OrgUnit.objects.all(),
        required=False,
        empty_label=_("(seluruh organisasi)"),
    )


class UnitEditForm(forms.Form):
    name = forms.CharField(label=_("Nama unit"), max_length=200)
    level = forms.ChoiceField(label=_("Tingkat"), choices=Level.choices)
    parent = forms.ModelChoiceField(
        label=_("Unit induk"),
        queryset=OrgUnit.objects.all(),
        required=False,
        empty_label=_("(tanpa induk)"),
    )


class EmployeeForm(forms.Form):
    name = forms.CharField(label=_("Nama"), max_length=200)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.none())
    position = forms.CharField(label=_("Jabatan"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=max_length_of(Employee, "email"),
        error_messages={"invalid": _("Alamat e-mail tidak sah.")},
    )
