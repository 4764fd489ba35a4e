from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bijak.site.api"
    label = "api"
