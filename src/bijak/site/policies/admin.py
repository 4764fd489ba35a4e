"""Policy versions in the admin: read-only; loading and activating go through the services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bijak.site.policies.models import PolicyVersion
from bijak.site.policies.services import policy_version_activate


@admin.register(PolicyVersion)
class PolicyVersionAdmin(admin.ModelAdmin[PolicyVersion]):
    list_display = (
        "policy_id",
        "version",
        "short_hash",
        "effective_date",
        "loaded_at",
        "loaded_by",
        "is_active",
    )
    list_filter = ("policy_id", "is_active")
    ordering = ("-loaded_at",)
    readonly_fields = (
        "policy_id",
        "version",
        "title",
        "content_hash",
        "source_name",
        "effective_date",
        "loaded_at",
        "loaded_by",
        "is_active",
        "source_text",
    )
    actions = ("activate",)

    @admin.display(description=_("hash"))
    def short_hash(self, obj: PolicyVersion) -> str:
        return obj.content_hash[:12]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # load with `bijak manage bijak_policy_load --file F`

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # versions are history

    def has_activate_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("policies.change_policyversion"))

    @admin.action(description=_("Aktifkan versi terpilih"), permissions=["activate"])
    def activate(self, request: HttpRequest, queryset: QuerySet[PolicyVersion]) -> None:
        by_policy: dict[str, PolicyVersion] = {}
        for version in queryset.order_by("loaded_at"):
            by_policy[version.policy_id] = version  # the newest selected per policy id
        for version in by_policy.values():
            policy_version_activate(actor=request.user, version_id=version.pk)
        self.message_user(
            request,
            gettext("Versi yang diaktifkan: %(n)d.") % {"n": len(by_policy)},
            messages.SUCCESS,
        )
