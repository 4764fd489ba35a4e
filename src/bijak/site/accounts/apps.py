from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bijak.site.accounts"
    label = "accounts"

    def ready(self) -> None:
        from bijak.site.accounts import admin_audit

        admin_audit.connect()
