"""The living style guide (/gaya/): every component of the design system, rendered by the same
templates and tags the pages use, for developers building new pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from bijak.site.ui.confirm import confirmation_required


class ExampleForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Nama unit"),
        max_length=100,
        help_text=gettext_lazy("Nama lengkap, tanpa singkatan."),
    )
    code = forms.CharField(label=gettext_lazy("Kode unit"), max_length=20)
    draft = forms.CharField(
        label=gettext_lazy("Draf unggahan"), widget=forms.Textarea(attrs={"rows": 3})
    )
    level = forms.ChoiceField(
        label=gettext_lazy("Tingkat"),
        required=False,
        choices=[("", "—"), ("eselon_2", "Eselon II"), ("eselon_3", "Eselon III")],
    )
    agree = forms.BooleanField(label=gettext_lazy("Saya sudah membaca tata tertib"), required=False)


SWATCHES = [
    ("--c-text", "#1a1a1a", "#ffffff"),
    ("--c-muted", "#4a4a4a", "#ffffff"),
    ("--c-brand", "#0b5d3b", "#ffffff"),
    ("--c-link", "#0a5233", "#ffffff"),
    ("--c-focus", "#0b3d91", "#ffffff"),
    ("--c-focus-on-brand", "#ffd23f", "#1a1a1a"),
    ("--c-ok", "#0b5d3b", "#ffffff"),
    ("--c-warn", "#7a4200", "#ffffff"),
    ("--c-bad", "#a11010", "#ffffff"),
    ("--c-info", "#0b3d91", "#ffffff"),
    ("--c-surface", "#f4f6f5", "#1a1a1a"),
    ("--c-border", "#767676", "#ffffff"),
]


@require_http_methods(["GET"])
def style_guide(request: HttpRequest) -> HttpResponse:
    form = ExampleForm(
        data={"name": "Biro Keuangan", "code": "", "draft": "Selamat pagi!", "level": "eselon_2"}
    )
    form.is_valid()  # shows a required-field error on "code"
    page = Paginator(list(range(1, 101)), 10).get_page(request.GET.get("halaman") or 2)
    bars = [
        (
            "B.8 " + _("Menghina rekan, profesi atau instansi"),
            42,
            reverse("policies:clause", args=["B.8"]),
        ),
        (
            "A.2 " + _("Menjaga data pribadi dan rahasia"),
            31,
            reverse("policies:clause", args=["A.2"]),
        ),
        ("B.4 " + _("Isu politik dan SARA yang sensitif"), 7, ""),
    ]
    donut = [(_("Sudah punya akun"), 120), (_("Akun nonaktif"), 8), (_("Belum punya akun"), 25)]
    rows = [
        {
            "name": "Sari Wulandari",
            "nip": "199004122015032001",
            "unit": "SJ.KEU.AG.1",
            "count": 1204,
        },
        {"name": "Bambang Hartono", "nip": "197508202000121002", "unit": "SJ.KEU", "count": 3},
    ]
    return render(
        request,
        "ui/style_guide.html",
        {
            "form": form,
            "page": page,
            "bars": bars,
            "donut": donut,
            "rows": rows,
            "swatches": SWATCHES,
            "number": 1234567.5,
            "score": 0.83,
            "today": timezone.now(),
        },
    )


@require_POST
def style_guide_confirm(request: HttpRequest) -> HttpResponse:
    """The confirmation step, as every removal uses it (nothing is removed here)."""
    page = confirmation_required(
        request,
        question=_("Hapus contoh ini?"),
        yes=_("Ya, hapus contoh"),
        cancel_url=reverse("ui:style_guide"),
        detail=_("Ini hanya contoh di panduan gaya; tidak ada yang dihapus."),
    )
    if page is not None:
        return page
    messages.success(request, _("Dikonfirmasi. (Contoh: tidak ada yang dihapus.)"))
    return redirect("ui:style_guide")
