from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    name = "bijak.site.claims"
    label = "claims"
    verbose_name = _("Klarifikasi hoaks kesehatan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bijak.site.claims import home_panels  # noqa: F401  (registers the panel)
