"""The notification outbox: one row per message, written in the transaction of the change that
causes it and sent afterwards by a background task (see README.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("antre")
        SENT = "sent", _("terkirim")
        FAILED = "failed", _("gagal")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("penerima"),
    )
    email = models.EmailField(_("alamat e-mail"), max_length=254)
    template = models.CharField(_("templat"), max_length=100)
    language = models.CharField(_("bahasa"), max_length=8)
    context = models.JSONField(_("konteks"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"))
    last_error = models.TextField(_("galat terakhir"), blank=True)
    created_at = models.DateTimeField(_("dibuat"))
    sent_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]  # noqa: RUF012
        indexes = [models.Index(fields=["status", "next_attempt_at"])]  # noqa: RUF012
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")

    def __str__(self) -> str:
        return f"{self.template} → {self.email} ({self.status})"
