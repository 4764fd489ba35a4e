"""A discipline case under PP 94/2021: the case, its events, documents, evidence, responses.

The procedure that drives a case is data (`data/pp94-2021.yaml`); a case records the id,
version and SHA-256 of the procedure it was opened under. Every row here is written by a
service in `services.py` together with its audit entry.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bijak.site.org.models import Employee


class Source(models.TextChoices):
    FLAG = "flag", _("tanda pemantauan")
    COMPLAINT = "complaint", _("aduan")
    MANUAL = "manual", _("manual")


class Case(models.Model):
    number = models.CharField(_("nomor"), max_length=30, unique=True)
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="cases", verbose_name=_("pegawai")
    )
    clauses = models.JSONField(_("butir"), default=list)
    summary = models.TextField(_("uraian"), max_length=4000)
    source = models.CharField(_("asal"), max_length=10, choices=Source.choices)
    source_ref = models.CharField(_("rujukan asal"), max_length=40, blank=True)
    procedure_id = models.CharField(max_length=40)
    procedure_version = models.CharField(max_length=40)
    procedure_sha256 = models.CharField(max_length=64)
    state = models.CharField(_("tahap"), max_length=40)
    state_since = models.DateField()
    deadline = models.DateField(_("tenggat"), null=True, blank=True)
    escalated_on = models.DateField(null=True, blank=True)
    examination_date = models.DateField(null=True, blank=True)
    outcome = models.CharField(_("putusan"), max_length=20, blank=True)
    penalty = models.CharField(_("hukuman"), max_length=40, blank=True)
    close_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=0)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="cases_opened"
    )
    opened_at = models.DateTimeField()

    class Meta:
        ordering = ("-opened_at",)
        indexes = (models.Index(fields=["state", "deadline"], name="cases_state_deadline"),)

    def __str__(self) -> str:
        return self.number


class CaseEvent(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=40)  # a transition id, or open / respond / escalate
    from_state = models.CharField(max_length=40, blank=True)
    to_state = models.CharField(max_length=40, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    data = models.JSONField(default=dict)
    audit_seq = models.PositiveIntegerField(null=True)

    class Meta:
        ordering = ("case", "seq")
        constraints = (models.UniqueConstraint(fields=["case", "seq"], name="cases_event_seq"),)

    def __str__(self) -> str:
        return f"{self.case_id}#{self.seq} {self.kind}"


class DocumentTemplate(models.Model):
    kind = models.CharField(max_length=20)
    version = models.PositiveIntegerField()
    body = models.TextField()
    sha256 = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["kind", "version"], name="cases_tpl_version"),
        )

    def __str__(self) -> str:
        return f"{self.kind} v{self.version}"


class CaseDocument(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(max_length=20)
    number = models.CharField(max_length=60, unique=True)
    template = models.ForeignKey(DocumentTemplate, on_delete=models.PROTECT, related_name="+")
    event = models.ForeignKey(CaseEvent, null=True, on_delete=models.PROTECT, related_name="+")
    pdf = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("case", "pk")

    def __str__(self) -> str:
        return self.number


class CaseFile(models.Model):
    """Evidence attached when the case was opened, or a file the employee attached."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="files")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    role = models.CharField(max_length=10, default="evidence")  # evidence | response
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()

    class Meta:
        ordering = ("case", "pk")

    def __str__(self) -> str:
        return self.name


class DayOff(models.Model):
    """An extra day off (regional holiday, late cuti bersama) on top of the `holidays` library."""

    date = models.DateField(_("tanggal"), unique=True)
    reason = models.CharField(_("keterangan"), max_length=200)

    class Meta:
        ordering = ("date",)
        verbose_name = _("hari libur tambahan")
        verbose_name_plural = _("hari libur tambahan")

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.reason}"
