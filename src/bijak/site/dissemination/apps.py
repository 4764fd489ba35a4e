from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisseminationConfig(AppConfig):
    name = "bijak.site.dissemination"
    label = "dissemination"
    verbose_name = _("Sosialisasi")

    def ready(self) -> None:
        from bijak.site.dissemination.home_panels import register_panels

        register_panels()
