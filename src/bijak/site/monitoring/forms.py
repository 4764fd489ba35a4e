"""Input checked at the edge; the services do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bijak.site.monitoring.models import Flag, Platform
from bijak.site.org.models import Employee


class AccountForm(forms.Form):
    employee = forms.ModelChoiceField(label=_("Pegawai"), queryset=Employee.objects.none())
    platform = forms.ChoiceField(label=_("Platform"), choices=Platform.choices)
    handle = forms.CharField(
        label=_("Nama akun"), max_length=101, help_text=_("Tanpa @, misalnya sari_sehat.")
    )
    url = forms.URLField(
        label=_("Alamat profil"), max_length=500, required=False, assume_scheme="https"
    )

    def __init__(self, *args: Any, employees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees  # type: ignore[attr-defined]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas ekspor (ZIP, tweets.js, JSON, CSV atau JSONL)"),
        error_messages={
            "required": _("Pilih berkas yang akan diunggah."),
            "empty": _("Berkas kosong."),
        },
    )
    text_column = forms.CharField(label=_("Kolom teks (CSV/JSONL)"), max_length=100, required=False)
    id_column = forms.CharField(label=_("Kolom id (CSV/JSONL)"), max_length=100, required=False)
    date_column = forms.CharField(
        label=_("Kolom tanggal (CSV/JSONL)"), max_length=100, required=False
    )


class DismissForm(forms.Form):
    reason = forms.ChoiceField(label=_("Alasan"), choices=Flag.Reason.choices)
    note = forms.CharField(
        label=_("Catatan"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConfirmForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SampleForm(forms.Form):
    size = forms.IntegerField(label=_("Ukuran sampel"), min_value=1, max_value=1000, initial=20)
