from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "bijak.site.checks"
    label = "checks"
