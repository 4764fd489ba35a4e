from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bijak.site.accounts"
    label = "accounts"
