"""Every change made in Django's /admin/ also lands in the audit log.

The admin writes a `LogEntry` for each addition, change and deletion (a new group, a user's
flags); a receiver turns each into an `audit_record` inside the same transaction as that
LogEntry. The entry names the object and the admin's own change message; it never copies field
values. The admin's own password change (/admin/password_change/) writes no LogEntry, so its
form records `user.password_change` in the transaction that saves the new password (the hash
stays out of the log).

An admin action deleting several objects at once ("delete selected") writes its LogEntries with
`bulk_create`, which sends no signal: `ModelAdmin.log_deletions` is wrapped so that each of those
entries is audited too, before the objects are deleted, like a single deletion.
"""

from __future__ import annotations

from types import MethodType
from typing import Any

from django.contrib import admin
from django.contrib.admin.forms import AdminPasswordChangeForm
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db import transaction
from django.db.models.signals import post_save
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

ACTIONS = {ADDITION: "admin.add", CHANGE: "admin.change", DELETION: "admin.delete"}


def _audit_admin_log_entry(
    sender: type[LogEntry], instance: LogEntry, created: bool, **kwargs: Any
) -> None:
    if not created or kwargs.get("raw"):
        return
    from bijak.site.audit.services import audit_record

    content_type = instance.content_type
    target_type = f"{content_type.app_label}.{content_type.model}" if content_type else ""
    with transaction.atomic():
        audit_record(
            actor=instance.user,
            action=ACTIONS.get(instance.action_flag, "admin.other"),
            target_type=target_type,
            target_id=instance.object_id or "",
            data={"object": instance.object_repr, "change": instance.get_change_message()},
        )


class AuditedAdminPasswordChangeForm(AdminPasswordChangeForm):
    def save(self, commit: bool = True) -> Any:
        from bijak.site.audit.services import audit_record

        with transaction.atomic():
            user = super().save(commit=commit)
            audit_record(
                actor=user,
                action="user.password_change",
                target_type="accounts.User",
                target_id=user.pk,
                data={"username": user.username, "via": "admin"},
            )
        return user


def _password_change(
    site: admin.AdminSite, request: HttpRequest, extra_context: dict[str, Any] | None = None
) -> HttpResponseBase:
    """AdminSite.password_change with the audited form (Django has no setting for the form)."""
    from django.contrib.auth.views import PasswordChangeView

    defaults: dict[str, Any] = {
        "form_class": AuditedAdminPasswordChangeForm,
        "success_url": reverse("admin:password_change_done", current_app=site.name),
        "extra_context": {**site.each_context(request), **(extra_context or {})},
    }
    if site.password_change_template is not None:
        defaults["template_name"] = site.password_change_template
    request.current_app = site.name
    return PasswordChangeView.as_view(**defaults)(request)


_log_deletions = admin.ModelAdmin.log_deletions


def _audited_log_deletions(self: admin.ModelAdmin[Any], request: HttpRequest, queryset: Any) -> Any:
    entries = _log_deletions(self, request, queryset)
    if len(entries) > 1:  # one entry is saved with .save(), and the signal has audited it
        for entry in entries:
            _audit_admin_log_entry(LogEntry, entry, created=True)
    return entries


def connect() -> None:
    post_save.connect(
        _audit_admin_log_entry, sender=LogEntry, dispatch_uid="bijak-audit-admin-log-entry"
    )
    # the admin's URLs are built later from `site.password_change`, so this one is served
    admin.ModelAdmin.log_deletions = _audited_log_deletions  # type: ignore[method-assign]
    admin.site.password_change = MethodType(_password_change, admin.site)  # type: ignore[method-assign]
