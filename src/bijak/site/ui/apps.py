from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UiConfig(AppConfig):
    name = "bijak.site.ui"
    label = "ui"
    verbose_name = _("Tampilan")

    def ready(self) -> None:
        # The built-in home panels (checks, org, audit); later apps register theirs the same way.
        from bijak.site.ui import home_panels  # noqa: F401
