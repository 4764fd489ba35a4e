"""The coverage report as CSV and as a PDF a head can sign and send up the hierarchy.

PDF through fpdf2: pure Python (no system libraries, unlike WeasyPrint's Pango/Cairo), kept and
released regularly, and it embeds TrueType fonts, so Indonesian names print as written. DejaVu
Sans is used when the system has it (Debian: fonts-dejavu-core); otherwise the PDF core font,
with characters outside Latin-1 replaced.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from bijak.site.dissemination.models import Assignment
from bijak.site.dissemination.selectors import Coverage

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def coverage_csv(coverage: Coverage) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "unit_code",
            "unit_name",
            "in_scope",
            "acknowledged",
            "passed",
            "overdue",
            "acknowledged_percent",
            "below_target",
            "head_confirmation",
        ]
    )
    for row in coverage.rows:
        writer.writerow(
            [
                row.unit.code,
                row.unit.name,
                row.in_scope,
                row.acknowledged,
                row.passed,
                row.overdue,
                row.acknowledged_percent,
                int(coverage.below_target(row)),
                row.confirmation.mode if row.confirmation else "",
            ]
        )
    return out.getvalue()


def coverage_pdf(
    coverage: Coverage, *, names: list[tuple[Assignment, bool]], requested_by: Any
) -> bytes:
    from fpdf import FPDF

    campaign = coverage.campaign
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    if (DEJAVU / "DejaVuSans.ttf").exists():
        pdf.add_font("body", "", str(DEJAVU / "DejaVuSans.ttf"))
        pdf.add_font("body", "B", str(DEJAVU / "DejaVuSans-Bold.ttf"))
        family = "body"

        def t(s: str) -> str:
            return s
    else:  # pragma: no cover - Debian images carry DejaVu
        family = "helvetica"

        def t(s: str) -> str:
            return s.encode("latin-1", "replace").decode("latin-1")

    pdf.set_title(t(_("Laporan cakupan sosialisasi")))
    pdf.add_page()
    pdf.set_font(family, "B", 14)
    pdf.multi_cell(
        0,
        8,
        t(_("Laporan cakupan sosialisasi tata tertib media sosial")),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(family, "", 10)
    version = campaign.policy_version
    lines = [
        _("Kampanye: %(title)s") % {"title": campaign.title},
        _("Periode: %(start)s s.d. %(due)s")
        % {"start": campaign.start_date.isoformat(), "due": campaign.due_date.isoformat()},
        _("Kebijakan: %(policy)s versi %(version)s")
        % {"policy": version.policy_id, "version": version.version},
        _("SHA-256 berkas kebijakan: %(hash)s") % {"hash": version.content_hash},
        _("Dicetak: %(when)s oleh %(who)s")
        % {
            "when": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
            "who": getattr(requested_by, "get_full_name", lambda: "")()
            or getattr(requested_by, "username", ""),
        },
        _("Target cakupan: %(p)d%%") % {"p": coverage.target},
    ]
    for line in lines:
        pdf.multi_cell(0, 6, t(line), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, "B", 9)
    widths = (70, 20, 25, 20, 20, 25)
    heads = (_("Unit"), _("Sasaran"), _("Memahami"), _("Lulus"), _("Terlambat"), _("Konfirmasi"))
    for w, h in zip(widths, heads, strict=True):
        pdf.cell(w, 7, t(h), border=1)
    pdf.ln()
    pdf.set_font(family, "", 8)
    rows = [*coverage.rows]
    for row in rows:
        label = ("  " * row.depth) + row.unit.code
        cells = (
            label,
            str(row.in_scope),
            f"{row.acknowledged} ({row.acknowledged_percent}%)",
            str(row.passed),
            str(row.overdue),
            str(row.confirmation.get_mode_display())
            if row.confirmation
            else ("—" if row.needs_confirmation else ""),
        )
        fill = coverage.below_target(row)
        pdf.set_fill_color(253, 230, 138)
        for w, c in zip(widths, cells, strict=True):
            pdf.cell(w, 6, t(c)[:48], border=1, fill=fill)
        pdf.ln()
    pdf.set_font(family, "B", 9)
    total = coverage.total
    for w, c in zip(
        widths,
        (
            _("Jumlah"),
            str(total.in_scope),
            f"{total.acknowledged} ({total.acknowledged_percent}%)",
            str(total.passed),
            str(total.overdue),
            "",
        ),
        strict=True,
    ):
        pdf.cell(w, 7, t(c), border=1)
    pdf.ln(10)
    pdf.set_font(family, "B", 10)
    pdf.cell(0, 7, t(_("Daftar nama")), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 8)
    for assignment, done in names:
        status = (
            _("memahami")
            if done
            else (_("terlambat") if assignment.due_date < timezone.localdate() else _("belum"))
        )
        pdf.cell(60, 5, t(assignment.employee_name)[:40])
        pdf.cell(40, 5, t(assignment.employee_nip))
        pdf.cell(50, 5, t(assignment.unit.code)[:34])
        pdf.cell(0, 5, t(status), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font(family, "", 10)
    pdf.multi_cell(
        0,
        6,
        t(_("Saya menyatakan data di atas sesuai dengan pelaksanaan sosialisasi di unit saya.")),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    pdf.cell(
        0,
        6,
        t(_("Tempat, tanggal: ______________________")),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(18)
    pdf.cell(
        0, 6, t(_("Tanda tangan: ______________________")), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.cell(
        0, 6, t(_("Nama dan NIP: ______________________")), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    return bytes(pdf.output())
