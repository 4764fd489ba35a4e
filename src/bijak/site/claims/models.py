"""Officers' own entries of the health-hoax knowledge base (issue 10): debunked claims added in
the site or imported from ClaimReview JSON, matched by the engine together with the shipped
entries (``bijak.engine.claims``). Changes go through `services` (audited)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClaimRecord(models.Model):
    class Origin(models.TextChoices):
        OFFICER = "officer", _("ditulis petugas")
        CLAIMREVIEW = "claimreview", _("impor ClaimReview")

    entry_id = models.CharField(_("kode"), max_length=40, unique=True)
    topic = models.CharField(_("topik"), max_length=60)
    claims = models.JSONField(_("bunyi klaim"), default=list)
    fact = models.TextField(_("fakta yang benar"), max_length=2000)
    source = models.URLField(_("sumber"), max_length=500)
    origin = models.CharField(_("asal"), max_length=12, choices=Origin.choices)
    active = models.BooleanField(_("aktif"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"))
    updated_at = models.DateTimeField(_("diperbarui"))

    class Meta:
        ordering = ("-updated_at", "-id")
        verbose_name = _("klaim hoaks")
        verbose_name_plural = _("klaim hoaks")

    def __str__(self) -> str:
        return self.entry_id
