"""Input of the check page, validated at the edge."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PLATFORMS = [
    ("", _("Tidak dipilih")),
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("x", "X (Twitter)"),
    ("tiktok", "TikTok"),
    ("youtube", "YouTube"),
    ("whatsapp", "WhatsApp"),
    ("lainnya", _("Lainnya")),
]
PLATFORM_IDS = [value for value, _label in PLATFORMS if value]


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Draf unggahan"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "true"}),
        error_messages={"required": _("Tulis dulu draf unggahan yang ingin dicek.")},
    )
    platform = forms.ChoiceField(
        label=_("Platform (boleh dikosongkan)"), choices=PLATFORMS, required=False
    )
    save = forms.BooleanField(label=_("Simpan draf ini di akun saya"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_chars = int(settings.BIJAK_CHECK_MAX_CHARS)
        self.fields["text"].widget.attrs["maxlength"] = str(self.max_chars)
        self.fields["text"].widget.attrs["aria-describedby"] = "text-help"
        if self.is_bound and self.errors.get("text"):
            self.fields["text"].widget.attrs["aria-describedby"] = "text-help text-error"
            self.fields["text"].widget.attrs["aria-invalid"] = "true"

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(gettext("Tulis dulu draf unggahan yang ingin dicek."))
        if len(text) > self.max_chars:
            raise forms.ValidationError(
                gettext(
                    "Draf terlalu panjang: paling banyak %(max)s karakter, draf ini %(length)s karakter."
                )
                % {"max": self.max_chars, "length": len(text)}
            )
        return text
