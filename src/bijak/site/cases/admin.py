"""Admin: cases are read-only (they change only through the audited services); extra days off
are added here; a new document template is uploaded here, checked and versioned."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from bijak.site.audit.services import audit_record
from bijak.site.cases import documents
from bijak.site.cases.models import Case, DayOff, DocumentTemplate


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    list_display = ("number", "state", "deadline", "opened_at")
    list_filter = ("state",)
    search_fields = ("number",)
    readonly_fields = tuple(f.name for f in Case._meta.fields)

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin[DayOff]):
    list_display = ("date", "reason")

    def save_model(self, request, obj, form, change) -> None:  # type: ignore[no-untyped-def]
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="case.day_off.save",
            target_type="case_day_off",
            target_id=obj.pk,
            data={"date": obj.date.isoformat(), "reason": obj.reason},
        )

    def delete_model(self, request, obj) -> None:  # type: ignore[no-untyped-def]
        audit_record(
            actor=request.user,
            action="case.day_off.delete",
            target_type="case_day_off",
            target_id=obj.pk,
            data={"date": obj.date.isoformat()},
        )
        super().delete_model(request, obj)


class TemplateForm(forms.ModelForm[DocumentTemplate]):
    kind = forms.ChoiceField(choices=[(k, k) for k in documents.KINDS])

    class Meta:
        model = DocumentTemplate
        fields = ("kind", "body")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") and data.get("body"):
            try:
                documents.template_check(kind=data["kind"], body=data["body"])
            except documents.TemplateError as exc:
                raise forms.ValidationError(str(exc)) from None
        return data


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin[DocumentTemplate]):
    """Add-only: a change is a new version (the old ones stay, each audited)."""

    form = TemplateForm
    list_display = ("kind", "version", "sha256", "created_at")
    list_filter = ("kind",)

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return obj is None

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def save_model(self, request, obj, form, change) -> None:  # type: ignore[no-untyped-def]
        saved = documents.template_register(actor=request.user, kind=obj.kind, body=obj.body)
        obj.pk, obj.version, obj.sha256 = saved.pk, saved.version, saved.sha256
