from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "bijak.site.cases"
    label = "cases"
    verbose_name = _("Perkara disiplin")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bijak.site.cases import home_panels  # noqa: F401  (registers the panels)


# the label of the site menu item (base.html), translated with this app's strings
NAV_LABEL = _("Perkara")
