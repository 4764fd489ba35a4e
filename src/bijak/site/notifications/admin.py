"""The outbox in the admin: visible to administrators, read-only; a failed message can be put
back in the queue (through the service, audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bijak.site.notifications.models import Notification
from bijak.site.notifications.services import notification_requeue


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    list_display = (
        "created_at",
        "email",
        "template",
        "language",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("status", "template", "language")
    search_fields = ("email", "template")
    ordering = ("-created_at", "-pk")
    # the context may hold personal data: shown only on the detail page, to administrators
    readonly_fields = (
        "recipient",
        "email",
        "template",
        "language",
        "context",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    )
    actions = ("requeue",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_requeue_permission(self, request: HttpRequest) -> bool:
        return bool(getattr(request.user, "is_superuser", False))

    @admin.action(
        description=_("Antrekan lagi notifikasi gagal yang dipilih"), permissions=["requeue"]
    )
    def requeue(self, request: HttpRequest, queryset: QuerySet[Notification]) -> None:
        failed = list(queryset.filter(status=Notification.Status.FAILED))
        for notification in failed:
            notification_requeue(actor=request.user, notification=notification)
        self.message_user(
            request,
            ngettext(
                "%(count)d notifikasi diantrekan lagi.",
                "%(count)d notifikasi diantrekan lagi.",
                len(failed),
            )
            % {"count": len(failed)},
            messages.SUCCESS,
        )
