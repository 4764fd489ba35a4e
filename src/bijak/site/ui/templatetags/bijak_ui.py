"""Template tags of the design system (`{% load bijak_ui %}`); see docs/design-system.md.

Filters: `angka` (Indonesian/English number formatting), `persen`, `tanggal` and `waktu` (the one
date and date-time format of the site), `skor_kata` (a model score in words).
Tags: `verdict_badge`, `field`, `pagination`, `bar_chart`, `donut_chart`, `nav_current`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from django import template
from django.forms import BoundField
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def angka(value: Any, decimals: int | None = None) -> str:
    """1234567 -> "1.234.567" in Indonesian, "1,234,567" in English; 0.83 with 2 -> "0,83"."""
    if value is None or value == "":
        return "—"
    try:
        number = float(value) if decimals else value
        return number_format(number, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    except (TypeError, ValueError):
        return str(value)


@register.filter
def persen(value: Any, decimals: int = 0) -> str:
    """A fraction in [0, 1] as a percentage: 0.834 -> "83%" (Indonesian "83%", one decimal "83,4%")."""
    try:
        number = float(value) * 100
    except (TypeError, ValueError):
        return "—"
    shown: float | int = round(number, decimals) if decimals else round(number)
    return _("%(n)s%%") % {
        "n": number_format(shown, decimal_pos=decimals or None, use_l10n=True, force_grouping=True)
    }


def _local(value: Any) -> Any:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def tanggal(value: Any) -> str:
    """The site's one date format: "29 Nov 2026" / "29 Nov 2026"."""
    if not value:
        return "—"
    return date_format(_local(value), pgettext("format tanggal", "j M Y"))


@register.filter
def waktu(value: Any) -> str:
    """The site's one date-time format: "29 Nov 2026, 16.30" (id) / "29 Nov 2026, 16:30" (en)."""
    if not value:
        return "—"
    return date_format(_local(value), pgettext("format tanggal dan jam", "j M Y, H.i"))


def score_words(score: float) -> str:
    """A model probability in words, for people: never a bare decimal."""
    if score >= 0.85:
        return _("sangat mungkin")
    if score >= 0.65:
        return _("mungkin")
    if score >= 0.4:
        return _("agak mungkin")
    return _("kecil kemungkinannya")


@register.filter
def skor_kata(value: Any) -> str:
    try:
        return score_words(float(value))
    except (TypeError, ValueError):
        return ""


VERDICT_LABELS = {
    "aman": lambda: _("Aman"),
    "tinjau": lambda: _("Perlu ditinjau"),
    "langgar": lambda: _("Kemungkinan melanggar"),
}


@register.inclusion_tag("ui/_badge.html")
def verdict_badge(verdict: str, label: str = "") -> dict[str, Any]:
    """`{% verdict_badge "tinjau" %}`: the coloured badge of a verdict, with its words."""
    words = label or (VERDICT_LABELS[verdict]() if verdict in VERDICT_LABELS else verdict)
    return {"verdict": verdict, "label": words}


@register.inclusion_tag("ui/_field.html")
def field(bound: BoundField, help_text: str = "", counter: int = 0) -> dict[str, Any]:
    """`{% field form.name %}`: label, control, help and errors wired with aria-describedby.
    `counter=5000` adds a live character counter (static/bijak/site.js)."""
    widget_id = bound.id_for_label or bound.html_name
    help_text = help_text or str(bound.help_text or "")
    described = [f"{widget_id}-help"] if help_text else []
    if counter:
        described.append(f"{widget_id}-counter")
    if bound.errors:
        described.append(f"{widget_id}-error")
    attrs: dict[str, Any] = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound.errors:
        attrs["aria-invalid"] = "true"
        attrs["data-server-invalid"] = "1"
    if counter:
        attrs["data-counter"] = f"{widget_id}-counter"
        attrs["data-max"] = str(counter)
    is_check = getattr(bound.field.widget, "input_type", "") == "checkbox"
    return {
        "bound": bound,
        "widget": bound.as_widget(attrs=attrs),
        "widget_id": widget_id,
        "help_text": help_text,
        "counter": counter,
        "is_check": is_check,
    }


@register.inclusion_tag("ui/_pagination.html", takes_context=True)
def pagination(context: template.Context, page: Any, param: str = "halaman") -> dict[str, Any]:
    """`{% pagination page %}`: previous/next links that keep the page's other GET filters."""
    request: HttpRequest | None = context.get("request")
    query = request.GET.copy() if request is not None else {}

    def link(number: int) -> str:
        params = dict(query.items()) if hasattr(query, "items") else {}
        params[param] = str(number)
        return "?" + urlencode(params)

    return {
        "page": page,
        "previous": link(page.previous_page_number()) if page.has_previous() else "",
        "next": link(page.next_page_number()) if page.has_next() else "",
    }


def _items(items: Iterable[Any]) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        if isinstance(item, Mapping):
            rows.append(
                {
                    "label": item.get("label", ""),
                    "value": item.get("value", 0) or 0,
                    "href": item.get("href", ""),
                    "note": item.get("note", ""),
                }
            )
        else:
            label, value, *rest = item
            rows.append(
                {"label": label, "value": value or 0, "href": rest[0] if rest else "", "note": ""}
            )
    return rows


@register.inclusion_tag("ui/_bar_chart.html")
def bar_chart(
    items: Iterable[Any], caption: str = "", max_value: float | None = None
) -> dict[str, Any]:
    """`{% bar_chart rows "Judul" %}` with rows of (label, value[, href]) or dicts with those keys.
    Horizontal bars, the label and the number as text, the bar as a decorative SVG."""
    rows = _items(items)
    top = max_value or max((float(r["value"]) for r in rows), default=0) or 1
    for row in rows:
        row["width"] = round(100 * float(row["value"]) / top, 2)
    return {"rows": rows, "caption": caption}


@register.inclusion_tag("ui/_donut_chart.html")
def donut_chart(items: Iterable[Any], caption: str = "") -> dict[str, Any]:
    """`{% donut_chart parts "Judul" %}`: parts of a whole as a ring with a text legend (value and
    percentage). At most six colours; the legend carries the meaning, never the colour alone."""
    rows = _items(items)
    total = sum(float(r["value"]) for r in rows)
    radius = 15.9155  # circumference 100, so dash lengths are percentages
    offset = 25.0  # start at 12 o'clock
    for index, row in enumerate(rows):
        share = 100 * float(row["value"]) / total if total else 0
        row["share"] = share
        row["dash"] = f"{share:.3f} {100 - share:.3f}"
        row["offset"] = f"{offset:.3f}"
        row["colour"] = f"c{index % 6 + 1}"
        row["fraction"] = share / 100
        offset = (offset - share) % 100
    return {
        "rows": rows,
        "caption": caption,
        "total": total,
        "radius": radius,
        "empty": not total,
        "total_int": int(total),
        "circumference": 2 * math.pi * radius,
    }


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, prefix: str) -> str:
    """`{% nav_current "/cek/" %}` prints aria-current="page" when the path is under prefix."""
    request: HttpRequest | None = context.get("request")
    if request is None:
        return ""
    path = request.path
    matches = path == "/" if prefix == "/" else path.startswith(prefix)
    return mark_safe('aria-current="page"') if matches else ""
