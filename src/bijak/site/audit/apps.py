from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "bijak.site.audit"
    label = "audit"
