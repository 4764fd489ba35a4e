"""Users of bijak. An employee's organisational data (NIP, unit, position) lives in `org`."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Roles are per org unit (see `org.RoleAssignment`)."""

    full_name = models.CharField(_("nama lengkap"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("bahasa"),
        max_length=8,
        choices=[("id", "Bahasa Indonesia"), ("en", "English")],
        default="id",
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        """The name people know: `full_name` (Django's own reads first and last name)."""
        return self.full_name or super().get_full_name()
