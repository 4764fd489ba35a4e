"""Versions of the policy file loaded into the site. The text is stored, so a version can be
re-read exactly as it was; at most one version per policy id is active."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PolicyVersion(models.Model):
    policy_id = models.CharField(_("id kebijakan"), max_length=100, db_index=True)
    version = models.CharField(_("versi"), max_length=40)
    title = models.CharField(_("judul"), max_length=300, blank=True)
    content_hash = models.CharField(_("hash isi (sha256)"), max_length=64, unique=True)
    source_text = models.TextField(_("teks berkas kebijakan"))
    source_name = models.CharField(_("nama berkas"), max_length=300, blank=True)
    effective_date = models.DateField(_("tanggal berlaku"), null=True, blank=True)
    loaded_at = models.DateTimeField(_("dimuat pada"), default=timezone.now)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dimuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("aktif"), default=False)

    class Meta:
        ordering = ("-loaded_at", "-id")
        verbose_name = _("versi kebijakan")
        verbose_name_plural = _("versi kebijakan")
        constraints = (
            models.UniqueConstraint(
                fields=["policy_id"],
                condition=models.Q(is_active=True),
                name="policies_one_active_version_per_policy",
            ),
        )

    def __str__(self) -> str:
        return f"{self.policy_id} {self.version} ({self.content_hash[:12]})"
