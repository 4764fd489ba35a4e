"""Dissemination in the admin: officers edit the quiz bank here; campaigns and records are
read-only (they change only through the services, which audit)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from bijak.site.dissemination.models import Acknowledgement, Campaign, Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ("key", "clause_id", "active", "bank_version", "updated_at")
    list_filter = ("clause_id", "active")
    search_fields = ("key", "text_id", "text_en")
    readonly_fields = ("key", "bank_version", "updated_at")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead: past attempts cite the key


class _ReadOnly(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Campaign)
class CampaignAdmin(_ReadOnly):
    list_display = ("title", "start_date", "due_date", "closed_at")


@admin.register(Acknowledgement)
class AcknowledgementAdmin(_ReadOnly):
    list_display = (
        "assignment",
        "acknowledged_at",
        "policy_hash",
        "text_hash",
        "on_behalf",
        "stale_since",
    )
