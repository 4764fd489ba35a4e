"""Forms of the accounts app."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import PasswordResetForm


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's password-reset form, sending through the notification outbox (retried while
    the mail server is down; the link is made when the message is sent)."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        from bijak.site.notifications.services import notification_enqueue

        base_url = f"{context['protocol']}://{context['domain']}"
        notification_enqueue(
            recipient=context["user"],
            template="accounts/password_reset",
            context={"base_url": base_url},
        )
