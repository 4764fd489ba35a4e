from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "bijak.site.complaints"
    label = "complaints"
    verbose_name = _("Aduan konten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bijak.site.complaints import home_panels  # noqa: F401  (registers the panels)
        from bijak.site.complaints.services import evidence_attachments
        from bijak.site.notifications.services import attachments_register

        attachments_register("complaints.evidence", evidence_attachments)
