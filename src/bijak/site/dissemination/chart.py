"""Server-rendered SVG chart of coverage over time (no JavaScript, no chart library)."""

from __future__ import annotations

import datetime as dt

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT, PAD_L, PAD_B, PAD_T, PAD_R = 640, 220, 44, 28, 12, 12


def coverage_svg(
    series: list[tuple[dt.date, int]], *, in_scope: int, target_percent: int, due: dt.date
) -> SafeString:
    """A line of the share acknowledged per day, the target as a dashed line, the due date as a
    vertical mark. Every value in the markup is a number or escaped text."""
    plot_w, plot_h = WIDTH - PAD_L - PAD_R, HEIGHT - PAD_T - PAD_B
    # the x axis runs from the start to the due date, or to today when later
    end = max(due, series[-1][0]) if series else due
    days = max((end - series[0][0]).days, 1) if series else 1

    def x(i: int) -> float:
        return PAD_L + plot_w * i / days

    def y(share: float) -> float:
        return PAD_T + plot_h * (1 - max(0.0, min(1.0, share)))

    points = " ".join(
        f"{x(i):.1f},{y(n / in_scope if in_scope else 0):.1f}" for i, (_d, n) in enumerate(series)
    )
    title = escape(_("Cakupan pernyataan memahami dari hari ke hari"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{title}" class="coverage-chart"><title>{title}</title>',
        f'<rect x="{PAD_L}" y="{PAD_T}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#bbb"/>',
    ]
    for pct in (0, 50, 100):
        parts.append(
            f'<text x="{PAD_L - 6}" y="{y(pct / 100) + 4:.1f}" font-size="11" '
            f'text-anchor="end">{pct}%</text>'
        )
    ty = y(target_percent / 100)
    parts.append(
        f'<line x1="{PAD_L}" x2="{WIDTH - PAD_R}" y1="{ty:.1f}" y2="{ty:.1f}" '
        f'stroke="#b45309" stroke-dasharray="6 4"/>'
    )
    parts.append(
        f'<text x="{WIDTH - PAD_R - 4}" y="{ty - 4:.1f}" font-size="11" text-anchor="end" '
        f'fill="#b45309">{escape(_("target %(p)d%%") % {"p": target_percent})}</text>'
    )
    if series:
        start = series[0][0]
        due_i = (due - start).days
        if 0 <= due_i <= days:
            parts.append(
                f'<line x1="{x(due_i):.1f}" x2="{x(due_i):.1f}" y1="{PAD_T}" '
                f'y2="{HEIGHT - PAD_B}" stroke="#888" stroke-dasharray="2 3"/>'
            )
            parts.append(
                f'<text x="{x(due_i) - 4:.1f}" y="{PAD_T + plot_h - 6}" font-size="11" '
                f'text-anchor="end" fill="#555">{escape(_("tenggat"))}</text>'
            )
        parts.append(
            f'<text x="{PAD_L}" y="{HEIGHT - 6}" font-size="11">{start.isoformat()}</text>'
        )
        parts.append(
            f'<text x="{WIDTH - PAD_R}" y="{HEIGHT - 6}" font-size="11" '
            f'text-anchor="end">{end.isoformat()}</text>'
        )
        parts.append(f'<polyline fill="none" stroke="#1d4ed8" stroke-width="2" points="{points}"/>')
        last_i, last_n = len(series) - 1, series[-1][1]
        share = last_n / in_scope if in_scope else 0
        parts.append(f'<circle cx="{x(last_i):.1f}" cy="{y(share):.1f}" r="4" fill="#1d4ed8"/>')
        parts.append(
            f'<text x="{x(last_i) + 6:.1f}" y="{y(share) - 6:.1f}" font-size="11" '
            f'fill="#1d4ed8">{round(100 * share)}%</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - built only from numbers and escaped text
