"""Input of the check page: the fields are Django's (for rendering); what they hold is checked
by the one schema the API uses too (`schema.check_input_parse`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from bijak.site.checks.schema import (
    CheckInputError,
    check_input_parse,
    check_lang,
    platform_ids,
    platforms,
)

PLATFORM_IDS = platform_ids()


def platform_choices() -> list[tuple[str, str]]:
    lang = check_lang()
    return [("", str(_("Tidak dipilih")))] + [(p.id, p.label(lang)) for p in platforms()]


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Draf unggahan"),
        strip=False,
        required=False,  # the schema says what is missing, in the same words as the API
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "true"}),
    )
    platform = forms.CharField(
        label=_("Platform (boleh dikosongkan)"), required=False, widget=forms.Select()
    )
    save = forms.BooleanField(label=_("Simpan draf ini di akun saya"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_chars = int(settings.BIJAK_CHECK_MAX_CHARS)
        self.fields["platform"].widget.choices = platform_choices()
        self.fields["text"].widget.attrs["maxlength"] = str(self.max_chars)
        self.fields["text"].widget.attrs["aria-describedby"] = "text-help"
        if self.is_bound and self.errors.get("text"):
            self.fields["text"].widget.attrs["aria-describedby"] = "text-help text-error"
            self.fields["text"].widget.attrs["aria-invalid"] = "true"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "text" not in cleaned or "platform" not in cleaned:
            return cleaned
        try:
            cleaned["input"] = check_input_parse(
                {"text": cleaned["text"], "platform": cleaned["platform"] or None},
                max_chars=self.max_chars,
            )
        except CheckInputError as exc:
            for problem in exc.problems:
                self.add_error(
                    problem.field if problem.field in self.fields else None, problem.message
                )
        return cleaned
