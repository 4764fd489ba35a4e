from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bijak.site.accounts"
    label = "accounts"

    def ready(self) -> None:
        from bijak.site.accounts import admin_audit

        admin_audit.connect()

        from axes.signals import user_locked_out

        user_locked_out.connect(_audit_lockout, dispatch_uid="bijak-audit-lockout")


def _audit_lockout(
    sender: object, request: object = None, username: str | None = None, **kwargs: object
) -> None:
    """django-axes locked a name or an address out: that goes in the audit log."""
    from bijak.site.accounts.services import session_event_record

    session_event_record(actor=None, event="locked_out", username=str(username or "")[:150])
