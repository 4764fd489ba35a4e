"""Case documents: versioned templates, checked when registered, rendered as PDF (fpdf2).

A template is plain text with `{field}` placeholders. `template_register` refuses a template
that uses an unknown field or leaves out a field its kind requires, so a bad template fails at
upload, never at print time. Every registered version is kept and audited.
"""

from __future__ import annotations

import hashlib
import string
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


def render_pdf(*, kind: str, text: str, title: str, when: Any) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_creation_date(when)
    pdf.set_title(title)
    pdf.add_page()
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if kind in CONFIDENTIAL:
        pdf.set_font("DejaVu", size=16)
        pdf.set_text_color(170, 0, 0)
        pdf.cell(0, 10, "RAHASIA", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())
