"""Checks of draft posts.

A draft is private: it is stored only when its author ticks "simpan" (`SavedCheck`), and only its
author can see it. For statistics only `ClauseDailyCount` is kept: how many checks flagged a
clause on a day, with no text and no user.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedCheck(models.Model):
    """A draft its author chose to keep, with the report it got."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_checks",
        verbose_name=_("pemilik"),
    )
    text = models.TextField(_("draf"))
    platform = models.CharField(_("platform"), max_length=32, blank=True)
    verdict = models.CharField(_("hasil"), max_length=16)
    report = models.JSONField(_("laporan"))
    policy_version = models.CharField(_("versi kebijakan"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("cek tersimpan")
        verbose_name_plural = _("cek tersimpan")
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=["owner", "-created_at"]),)

    def __str__(self) -> str:
        return f"SavedCheck {self.pk} ({self.verdict})"


class ClauseDailyCount(models.Model):
    """How many checks on `date` found `clause_id` possibly broken. No text, no user."""

    date = models.DateField(_("tanggal"))
    clause_id = models.CharField(_("pasal"), max_length=16)
    count = models.PositiveIntegerField(_("jumlah"), default=0)

    class Meta:
        verbose_name = _("hitungan harian pasal")
        verbose_name_plural = _("hitungan harian pasal")
        constraints = (
            models.UniqueConstraint(
                fields=["date", "clause_id"], name="checks_clausedailycount_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.date} {self.clause_id}: {self.count}"
