from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "bijak.site.monitoring"
    label = "monitoring"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bijak.site.monitoring.home_panels import register_panels

        register_panels()
