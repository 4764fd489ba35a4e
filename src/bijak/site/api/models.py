"""API tokens and their rate-limit counters.

Only the sha256 of a token is stored; the plaintext is shown once, when it is created. The
first characters (`prefix`) identify a token in lists and logs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    KIND_USER = "user"
    KIND_INTEGRATION = "integration"
    KIND_CHOICES = ((KIND_USER, _("pribadi")), (KIND_INTEGRATION, _("integrasi")))
    NAME_MAX_CHARS = 100

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("pengguna"),
    )
    kind = models.CharField(_("jenis"), max_length=16, choices=KIND_CHOICES, default=KIND_USER)
    name = models.CharField(_("nama"), max_length=NAME_MAX_CHARS, blank=True)
    prefix = models.CharField(_("awalan"), max_length=16, db_index=True)
    token_hash = models.CharField(_("hash token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name or self.kind})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class RateWindow(models.Model):
    """Requests of one token in one fixed window (a minute, counted from the epoch)."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["token", "window"], name="api_ratewindow_unique"),
        )

    def __str__(self) -> str:
        return f"{self.token_id}@{self.window}: {self.count}"
