from django.contrib import admin

from bijak.site.complaints.models import Complaint


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin[Complaint]):
    """Read-only: complaints change only through the officers' pages (audited services)."""

    list_display = ("ticket", "kind", "status", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("ticket",)
    readonly_fields = tuple(f.name for f in Complaint._meta.fields)

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
