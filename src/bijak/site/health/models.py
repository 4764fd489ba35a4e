"""Heartbeats written by the background worker: one row per thing it vouches for."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """`worker`: the worker ran a task at `seen_at`. `mail`: at `seen_at` the worker tried the
    mail server; `ok` says whether it answered, `detail` what went wrong."""

    name = models.CharField(max_length=32, primary_key=True)
    seen_at = models.DateTimeField()
    ok = models.BooleanField(default=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("detak")
        verbose_name_plural = _("detak")

    def __str__(self) -> str:
        return f"{self.name} {self.seen_at:%Y-%m-%d %H:%M:%S}"
