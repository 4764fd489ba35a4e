"""Case documents: versioned templates, checked when registered, rendered as PDF (fpdf2).

A template is plain text with `{field}` placeholders. `template_register` refuses a template
that uses an unknown field or leaves out a field its kind requires, so a bad template fails at
upload, never at print time. Every registered version is kept and audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from bijak.site.audit.services import audit_record
from bijak.site.cases.models import DocumentTemplate

TEMPLATES = Path(__file__).with_name("data") / "templates"
KINDS = ("summons_1", "summons_2", "bap", "decision", "delivery")
CONFIDENTIAL = frozenset({"summons_1", "summons_2", "bap"})
FIELDS = frozenset(
    {
        "document_number",
        "case_number",
        "employee_name",
        "employee_nip",
        "employee_position",
        "unit_name",
        "examination_date",
        "clauses",
        "summary",
        "record",
        "reason",
        "outcome",
        "penalty",
        "date",
        "actor_name",
        "actor_nip",
        "citation",
    }
)
REQUIRED = {
    "summons_1": {
        "document_number",
        "case_number",
        "employee_name",
        "employee_nip",
        "examination_date",
    },
    "summons_2": {
        "document_number",
        "case_number",
        "employee_name",
        "employee_nip",
        "examination_date",
    },
    "bap": {"document_number", "case_number", "employee_name", "employee_nip", "record"},
    "decision": {
        "document_number",
        "case_number",
        "employee_name",
        "employee_nip",
        "outcome",
        "reason",
    },
    "delivery": {"document_number", "case_number", "employee_name", "date", "outcome"},
}
PREFIX = {
    "summons_1": "SP1",
    "summons_2": "SP2",
    "bap": "BAP",
    "decision": "KEP",
    "delivery": "BAPK",
}


class TemplateError(ValueError):
    """A template that cannot be registered; the message is translated."""


def template_fields(body: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(body) if name is not None}
    except ValueError as exc:
        raise TemplateError(_("Templat tidak sah: %(error)s") % {"error": exc}) from None


def template_check(*, kind: str, body: str) -> None:
    if kind not in KINDS:
        raise TemplateError(_("Jenis dokumen tidak dikenal: %(kind)s") % {"kind": kind})
    fields = template_fields(body)
    unknown = sorted(f for f in fields if f not in FIELDS)
    if unknown:
        raise TemplateError(
            _("Templat memakai isian yang tidak dikenal: %(fields)s")
            % {"fields": ", ".join(unknown)}
        )
    missing = sorted(REQUIRED[kind] - fields)
    if missing:
        raise TemplateError(
            _("Templat %(kind)s tidak memuat isian wajib: %(fields)s")
            % {"kind": kind, "fields": ", ".join(missing)}
        )


def template_register(*, actor: Any, kind: str, body: str) -> DocumentTemplate:
    """The current template of `kind` if `body` is unchanged, else a new audited version."""
    template_check(kind=kind, body=body)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    with transaction.atomic():
        latest = (
            DocumentTemplate.objects.select_for_update()
            .filter(kind=kind)
            .order_by("-version")
            .first()
        )
        if latest is not None and latest.sha256 == digest:
            return latest
        template = DocumentTemplate.objects.create(
            kind=kind,
            version=(latest.version + 1 if latest else 1),
            body=body,
            sha256=digest,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="case.template.register",
            target_type="case_template",
            target_id=template.pk,
            data={"kind": kind, "version": template.version, "sha256": digest},
        )
        return template


def template_current(*, kind: str) -> DocumentTemplate:
    """The latest registered template of `kind`. The shipped file is registered on first use,
    and again when a release changed it while the current version is a shipped one; a template
    uploaded by an administrator stays current until another is uploaded."""
    body = (TEMPLATES / f"{kind}.txt").read_text(encoding="utf-8")
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    latest = DocumentTemplate.objects.filter(kind=kind).order_by("-version").first()
    if latest is not None and (latest.created_by_id is not None or latest.sha256 == digest):
        return latest
    return template_register(actor=None, kind=kind, body=body)


MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DEFAULT_AGENCY = "KEMENTERIAN KESEHATAN REPUBLIK INDONESIA"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def date_long(day: dt.date | None, *, weekday: bool = False) -> str:
    """`2026-06-18` -> `18 Juni 2026` (or `Kamis, 18 Juni 2026`), as Indonesian letters write
    dates; empty for no date."""
    if day is None:
        return ""
    text = f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    return f"{DAYS_ID[day.weekday()]}, {text}" if weekday else text


# Latin, Latin-1, Latin Extended-A/B, general punctuation, euro and trade mark: every letter of
# Indonesian text. A document whose text stays inside them is set in a subset of DejaVu Sans
# (about 100 kB instead of 750 kB: a third of the time per document); any other character
# (Cyrillic, Greek, Javanese) sends the document to the full font.
SUBSET_RANGES = ((0x20, 0x7F), (0xA0, 0x250), (0x2000, 0x2070), (0x20AC, 0x20AD), (0x2122, 0x2123))


@cache
def _fonts() -> tuple[Path, Path, frozenset[int]]:
    """(full font, subset font, the code points the subset covers); the subset is made once per
    process into the temporary directory, named after the full font's size and mtime."""
    import os
    import tempfile

    from fontTools import subset
    from fontTools.ttLib import TTFont

    full = FONT_DIR / "DejaVuSans.ttf"
    stat = full.stat()
    target = Path(tempfile.gettempdir()) / f"bijak-dejavu-{stat.st_size}-{stat.st_mtime_ns}.ttf"
    if not target.exists():
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.glyph_names = True
        options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's timestamps
        font = TTFont(str(full))
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[c for lo, hi in SUBSET_RANGES for c in range(lo, hi)])
        subsetter.subset(font)
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".ttf", delete=False) as tmp:
            font.save(tmp)
        os.replace(tmp.name, target)  # atomic: another process may be writing the same file
    with TTFont(str(target), lazy=True) as small:
        covered = frozenset(small.getBestCmap())
    return full, target, covered


@dataclass(frozen=True)
class Part:
    """One line of a laid-out document: `mark` is gap, heading, centre, sign, row or para."""

    mark: str
    text: str = ""
    label: str = ""
    indent: int = 0


def layout(body: str, values: dict[str, Any]) -> list[Part]:
    """The template's lines, each classified by its own layout mark, then filled with `values`.
    The mark is read from the template before any field is filled, so a field's text (an
    examination record with a line starting `# `, a reason holding ` | `) stays the text of
    the line it is in and cannot make a heading, a table row or a signature."""
    parts: list[Part] = []
    for raw in body.splitlines():
        line = raw.rstrip()
        indent = len(line) - len(line.lstrip())
        if not line:
            parts.append(Part("gap"))
        elif line.startswith("# "):
            parts.append(Part("heading", line[2:].strip().format(**values)))
        elif line.startswith("= "):
            parts.append(Part("centre", line[2:].strip().format(**values)))
        elif line.startswith(">>"):
            parts.append(Part("sign", line[2:].strip().format(**values)))
        elif " | " in line:
            label, value = line.split(" | ", 1)
            parts.append(
                Part(
                    "row",
                    value.strip().format(**values),
                    label.strip().format(**values),
                    indent,
                )
            )
        else:
            parts.append(Part("para", line.strip().format(**values), indent=indent))
    return parts


def render_pdf(*, kind: str, parts: list[Part], title: str, when: Any, agency: str = "") -> bytes:
    """A letter on A4 in the layout of Indonesian official correspondence: the letterhead (the
    agency's name over a double rule), RAHASIA for confidential kinds, then the template's
    parts (`layout`).

    Template lines: `# TEXT` a centred bold heading, `= TEXT` a centred line, `Label | value`
    a row of a label-colon-value table, `>> TEXT` a line of the signature block on the right
    (`>>` alone a blank one), anything else a paragraph (leading spaces indent); an empty line
    is a gap.

    One font file (DejaVu Sans); bold is the same glyphs filled and stroked, which halves the
    font parsing and subsetting that make most of a document's cost."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(25, 15, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_creation_date(when)
    pdf.set_title(title)
    full, small, covered = _fonts()
    head = (agency or DEFAULT_AGENCY).upper() + "RAHASIA bijak · perkara disiplin pegawai :"
    chars = {ord(c) for p in parts for c in p.text + p.label} | {ord(c) for c in head}
    chars -= {ord("\n"), ord("\r"), ord("\t")}
    pdf.add_font("DejaVu", "", str(small if chars <= covered else full))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    if kind in CONFIDENTIAL:
        with pdf.local_context(text_mode="FILL_STROKE", line_width=0.25):
            pdf.set_font("DejaVu", "", 12)
            pdf.set_text_color(170, 0, 0)
            pdf.set_draw_color(170, 0, 0)
            pdf.cell(0, 6, "RAHASIA", align="R", new_x="LMARGIN", new_y="NEXT")
    with pdf.local_context(text_mode="FILL_STROKE", line_width=0.25):
        pdf.set_font("DejaVu", "", 13)
        pdf.multi_cell(
            0, 7, (agency or DEFAULT_AGENCY).upper(), align="C", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(0, 5, "bijak · perkara disiplin pegawai", align="C", new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 2
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, y + 1.2, pdf.l_margin + width, y + 1.2)
    pdf.set_y(y + 6)
    pdf.set_font("DejaVu", "", 11)
    label_w = 38.0
    for part in parts:
        x = pdf.l_margin + 2.5 * part.indent
        if part.mark == "gap":
            pdf.ln(4)
        elif part.mark == "heading":
            with pdf.local_context(text_mode="FILL_STROKE", line_width=0.25):
                pdf.set_font("DejaVu", "", 12)
                pdf.multi_cell(0, 6, part.text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif part.mark == "centre":
            pdf.multi_cell(0, 6, part.text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif part.mark == "sign":
            pdf.set_x(pdf.l_margin + width / 2)
            pdf.multi_cell(width / 2, 6, part.text or " ", new_x="LMARGIN", new_y="NEXT")
        elif part.mark == "row":
            pdf.set_x(x)
            pdf.cell(label_w, 6, part.label)
            pdf.cell(4, 6, ":")
            pdf.multi_cell(
                pdf.l_margin + width - x - label_w - 4,
                6,
                part.text,
                new_x="LMARGIN",
                new_y="NEXT",
            )
        else:
            pdf.set_x(x)
            pdf.multi_cell(width - 2.5 * part.indent, 6, part.text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
