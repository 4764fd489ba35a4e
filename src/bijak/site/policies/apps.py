from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "bijak.site.policies"
    label = "policies"
