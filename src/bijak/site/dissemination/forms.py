"""Input checked at the edge; the services check the rules and do the work."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bijak.site.dissemination.models import HeadConfirmation
from bijak.site.org.models import OrgUnit

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200)
    units = forms.ModelMultipleChoiceField(
        label=_("Unit (termasuk sub-unitnya)"),
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih sedikitnya satu unit.")},
    )
    start_date = forms.DateField(label=_("Tanggal mulai"), widget=DATE)
    due_date = forms.DateField(label=_("Tenggat"), widget=DATE)
    joiner_days = forms.IntegerField(
        label=_("Tenggat pegawai yang bergabung kemudian (hari)"),
        initial=14,
        min_value=1,
        max_value=365,
    )
    period_months = forms.IntegerField(
        label=_("Ulangi setiap (bulan; kosongkan bila sekali saja)"),
        required=False,
        min_value=1,
        max_value=60,
    )
    question_count = forms.IntegerField(
        label=_("Jumlah soal kuis"), initial=10, min_value=0, max_value=100
    )
    pass_mark = forms.IntegerField(
        label=_("Nilai lulus (%)"), initial=80, min_value=0, max_value=100
    )
    target_percent = forms.IntegerField(
        label=_("Target cakupan (%)"), initial=95, min_value=0, max_value=100
    )


class ConfirmationForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Cara sosialisasi"),
        choices=HeadConfirmation.Mode.choices,
        widget=forms.RadioSelect,
        initial=HeadConfirmation.Mode.ONLINE,
    )
    session_date = forms.DateField(label=_("Tanggal sesi"), required=False, widget=DATE)
    place = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    attendance_file = forms.FileField(
        label=_("Daftar hadir (PDF atau gambar, paling besar 5 MB)"), required=False
    )
    photo = forms.FileField(label=_("Foto kegiatan (tidak wajib)"), required=False)
    attendees = forms.TypedMultipleChoiceField(
        label=_("Pegawai yang hadir"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=(),
    )


class AcknowledgeForm(forms.Form):
    text_hash = forms.CharField(max_length=64, widget=forms.HiddenInput)
    lang = forms.CharField(max_length=5, widget=forms.HiddenInput)
    agree = forms.BooleanField(
        label=_("Saya telah membaca dan memahami tata tertib di atas dan akan menaatinya."),
        error_messages={"required": _("Centang pernyataan untuk melanjutkan.")},
    )
