"""Complaints (kontak aduan, section D of the circular): reports of negative content found online,
with their evidence, duplicate candidates, triage, forwarding to the national channel and the
status every reporter can follow.

Who may see what is decided only in `bijak.site.complaints.access`; writes go through
`bijak.site.complaints.services`. Screenshots are stored in the database (the cleaned copy, its
hashes and the OCR text), so a complaint and its evidence are written in one transaction: a
failed submission leaves nothing behind.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bijak.site.org.models import Employee

MAX_DESCRIPTION = 5000
MAX_URLS = 10
MAX_SCREENSHOTS = 5


class Status(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    TRIAGE = "triage", _("Ditelaah")
    FORWARDED = "forwarded", _("Diteruskan")
    ANSWERED = "answered", _("Dijawab")
    CLOSED = "closed", _("Ditutup")
    REJECTED = "rejected", _("Ditolak")


OPEN_STATUSES = (Status.RECEIVED, Status.TRIAGE)


class Complaint(models.Model):
    ticket = models.CharField(_("tiket"), max_length=20, unique=True)
    key_hash = models.CharField(_("hash kunci tiket"), max_length=64)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
        verbose_name=_("pelapor"),
    )
    kind = models.CharField(_("jenis konten"), max_length=40)
    description = models.TextField(_("keterangan"), max_length=MAX_DESCRIPTION, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    status_reason = models.CharField(_("alasan status"), max_length=500, blank=True)
    suggested_kind = models.CharField(_("jenis menurut mesin"), max_length=40, blank=True)
    suggestion = models.JSONField(_("saran mesin"), default=dict, blank=True)
    kind_mismatch = models.BooleanField(_("jenis berbeda dengan saran mesin"), default=False)
    text_fingerprint = models.BigIntegerField(_("sidik teks"), default=0, db_index=True)
    group = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("digabung ke"),
    )
    employee = models.ForeignKey(
        Employee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pegawai yang diadukan"),
    )
    created_at = models.DateTimeField(_("diterima pada"), db_index=True)
    updated_at = models.DateTimeField(_("diperbarui pada"))

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("aduan")
        verbose_name_plural = _("aduan")

    def __str__(self) -> str:
        return self.ticket

    @property
    def primary(self) -> Complaint:
        """The complaint whose status this one follows (itself unless merged)."""
        return self.group if self.group_id is not None else self  # type: ignore[return-value]


class Link(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="links")
    original = models.CharField(_("tautan asli"), max_length=2048)
    url = models.CharField(_("tautan kanonik"), max_length=2048)
    platform = models.CharField(_("platform"), max_length=20)
    kind = models.CharField(_("jenis tautan"), max_length=20)
    key = models.CharField(_("kunci tautan"), max_length=300, db_index=True)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return str(self.url)


class Screenshot(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="screenshots")
    filename = models.CharField(_("nama berkas"), max_length=120)
    mime = models.CharField(_("jenis"), max_length=20)
    data = models.BinaryField(_("salinan tersimpan (tanpa metadata)"))
    sha256_original = models.CharField(_("SHA-256 berkas asli"), max_length=64, db_index=True)
    sha256_stored = models.CharField(_("SHA-256 salinan tersimpan"), max_length=64)
    size_original = models.PositiveIntegerField(_("ukuran asli (bita)"))
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    phash = models.BigIntegerField(_("pHash"), db_index=True)
    variants = models.TextField(_("pHash potongan"))
    ocr_text = models.TextField(_("teks hasil OCR"), blank=True)
    ocr_error = models.CharField(_("galat OCR"), max_length=300, blank=True)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return str(self.filename)


class Candidate(models.Model):
    """A possible duplicate proposed by bijak; an officer merges or dismisses it."""

    class Reason(models.TextChoices):
        URL = "url", _("tautan sama")
        IMAGE = "image", _("tangkapan layar mirip")
        TEXT = "text", _("teks mirip")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="candidates")
    other = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    dismissed = models.BooleanField(default=False)

    class Meta:
        ordering = ("id",)
        constraints = (
            models.UniqueConstraint(
                fields=("complaint", "other", "reason"), name="complaints_candidate_once"
            ),
        )

    def __str__(self) -> str:
        return str(f"{self.complaint_id} ~ {self.other_id}")


class Forward(models.Model):
    """One forwarding of a complaint to a channel of the policy (e-mail, WhatsApp, web portal)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="forwards")
    channel_id = models.CharField(_("kanal"), max_length=60)
    channel_kind = models.CharField(_("jenis kanal"), max_length=20)
    channel_value = models.CharField(_("alamat kanal"), max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("diteruskan pada"))
    notification = models.ForeignKey(
        "notifications.Notification",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_ref = models.CharField(_("nomor tiket di kanal"), max_length=100, blank=True)
    reply = models.TextField(_("jawaban kanal"), max_length=MAX_DESCRIPTION, blank=True)
    replied_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)

    class Meta:
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return str(self.channel_id)


class Event(models.Model):
    """The status history a reporter sees (who acted is shown to staff only)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40)
    status = models.CharField(max_length=12, choices=Status.choices)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ("at", "id")

    def __str__(self) -> str:
        return str(self.action)


class IntakeHit(models.Model):
    """One anonymous intake attempt, for rate limits that hold across server processes."""

    scope = models.CharField(max_length=10)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = (models.Index(fields=("scope", "key", "at")),)

    def __str__(self) -> str:
        return str(self.scope)
