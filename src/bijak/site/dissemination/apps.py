from django.apps import AppConfig


class DisseminationConfig(AppConfig):
    name = "bijak.site.dissemination"
    label = "dissemination"
