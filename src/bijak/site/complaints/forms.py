"""Forms of the complaints pages (edges only: the services check the content)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bijak.site.complaints.models import MAX_DESCRIPTION


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        items = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(d, initial) for d in items]


class IntakeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis konten"))
    urls = forms.CharField(
        label=_("Tautan konten"),
        required=False,
        max_length=30_000,
        widget=forms.Textarea(attrs={"rows": 3, "inputmode": "url", "autocomplete": "off"}),
        help_text=_("Satu tautan per baris; paling banyak 10. bijak tidak membuka tautan ini."),
    )
    screenshots = MultipleFileField(
        label=_("Tangkapan layar"),
        required=False,
        help_text=_("PNG, JPEG atau WebP; paling banyak 5 berkas, masing-masing 10 MB."),
    )
    description = forms.CharField(
        label=_("Keterangan"),
        required=False,
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mengapa konten ini negatif? Di mana Anda menemukannya?"),
    )
    website = forms.CharField(required=False, label=_("Jangan diisi"))

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("— pilih —")), *kinds]  # type: ignore[attr-defined]
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})


class TicketLookupForm(forms.Form):
    ticket = forms.CharField(label=_("Nomor tiket"), max_length=20)
    key = forms.CharField(label=_("Kunci tiket"), max_length=64)


class TriageForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[
            ("accept", _("Terima jenis dari pelapor")),
            ("correct", _("Perbaiki jenis")),
            ("reject", _("Tolak (spam / bukan konten negatif)")),
        ],
    )
    kind = forms.ChoiceField(label=_("Jenis yang benar"), required=False)
    reason = forms.CharField(label=_("Alasan"), required=False, max_length=500)

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("— tetap —")), *kinds]  # type: ignore[attr-defined]


class MergeForm(forms.Form):
    other = forms.CharField(label=_("Nomor tiket yang digabung ke aduan ini"), max_length=20)


class ForwardForm(forms.Form):
    channel = forms.ChoiceField(label=_("Kanal"))

    def __init__(self, *args: Any, channels: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = channels  # type: ignore[attr-defined]


class ReplyForm(forms.Form):
    external_ref = forms.CharField(label=_("Nomor tiket di kanal"), required=False, max_length=100)
    reply = forms.CharField(
        label=_("Jawaban kanal"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CloseForm(forms.Form):
    reason = forms.CharField(label=_("Alasan penutupan"), max_length=500)
