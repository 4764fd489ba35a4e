"""Django's auth views, with each sign-in, failed sign-in, sign-out and password reset recorded in
the audit log (through the services, never through signals)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse

from bijak.site.accounts.services import session_event_record


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        session_event_record(actor=form.get_user(), event="login")
        return response

    def form_invalid(self, form: Any) -> HttpResponse:
        username = str(form.data.get("username", ""))[:150]
        if username:
            session_event_record(actor=None, event="login_failed", username=username)
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user if request.user.is_authenticated else None
        response = super().post(request, *args, **kwargs)
        if user is not None:
            session_event_record(actor=user, event="logout")
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # the rules shown before the first try, not only in the error after it
        from django.contrib.auth.password_validation import password_validators_help_texts

        return {
            **super().get_context_data(**kwargs),
            "password_rules": password_validators_help_texts(),
        }

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        session_event_record(actor=form.user, event="password_reset")
        return response


def locked_out(
    request: HttpRequest,
    response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """What django-axes answers while a name or an address is locked out (429, translated)."""
    from django.conf import settings
    from django.shortcuts import render

    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
