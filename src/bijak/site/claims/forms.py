from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ClaimForm(forms.Form):
    topic = forms.CharField(
        label=_("Topik"), max_length=60, help_text=_("Misalnya vaksin, kanker, demam berdarah.")
    )
    claims = forms.CharField(
        label=_("Bunyi klaim"),
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Satu bunyi per baris, seperti yang beredar; paling banyak 10."),
    )
    fact = forms.CharField(
        label=_("Fakta yang benar"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    source = forms.CharField(label=_("Sumber (https://)"), max_length=500)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas JSON ClaimReview"))
