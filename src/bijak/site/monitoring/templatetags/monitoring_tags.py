"""Template filters of the monitoring pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def age_words(value: Any) -> str:
    """A waiting time in words: "3 hari", "5 jam", "12 menit"."""
    if not isinstance(value, timedelta):
        return ""
    seconds = max(0, int(value.total_seconds()))
    if seconds >= 86400:
        n = seconds // 86400
        return ngettext("%(n)d hari", "%(n)d hari", n) % {"n": n}
    if seconds >= 3600:
        n = seconds // 3600
        return ngettext("%(n)d jam", "%(n)d jam", n) % {"n": n}
    n = max(1, seconds // 60)
    return ngettext("%(n)d menit", "%(n)d menit", n) % {"n": n}
