from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "bijak.site.org"
    label = "org"
