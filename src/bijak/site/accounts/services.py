"""Writes to user accounts: keyword-only, typed, one transaction each, each audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from bijak.site.audit.services import audit_record


@transaction.atomic
def user_create(
    *,
    actor: Any | None,
    username: str,
    full_name: str,
    email: str = "",
    password: str | None = None,
    is_staff: bool = False,
    is_superuser: bool = False,
) -> Any:
    """Create a login. Without a password the account can only be opened via password reset."""
    user = get_user_model().objects.create_user(
        username=username,
        email=email,
        password=password,
        full_name=full_name,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    audit_record(
        actor=actor,
        action="user.create",
        target_type="accounts.User",
        target_id=user.pk,
        data={"username": username, "is_staff": is_staff, "is_superuser": is_superuser},
    )
    return user


@transaction.atomic
def user_password_set(*, actor: Any | None, user: Any, password: str) -> None:
    """Set a user's password (administrators and the demo set-up); the password is not logged."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        actor=actor,
        action="user.password_set",
        target_type="accounts.User",
        target_id=user.pk,
        data={"username": user.username},
    )


@transaction.atomic
def user_invite(*, actor: Any, employee: Any, base_url: str) -> Any:
    """Open an account for an employee (username = NIP) and e-mail a link to choose a password.

    The mail goes through the notification outbox: sent after the commit, retried while the
    mail server is down. Raises ValidationError with the reason.
    """
    import secrets

    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from bijak.site.notifications.services import notification_enqueue
    from bijak.site.org.services import role_assign

    if employee.user_id is not None:
        raise ValidationError(_("Pegawai ini sudah punya akun."))
    if not employee.email:
        raise ValidationError(_("Pegawai ini belum punya alamat e-mail."))
    if get_user_model().objects.filter(username=employee.nip).exists():
        raise ValidationError(
            _("Nama pengguna %(username)s sudah dipakai.") % {"username": employee.nip}
        )
    user = user_create(
        actor=actor,
        username=employee.nip,
        full_name=employee.name,
        email=employee.email,
        password=secrets.token_urlsafe(32),
    )
    employee.user = user
    employee.save(update_fields=["user"])
    role_assign(actor=actor, user=user, role="employee", unit=employee.unit)
    audit_record(
        actor=actor,
        action="user.invite",
        target_type="org.Employee",
        target_id=employee.pk,
        data={"username": user.username, "email": user.email},
    )
    notification_enqueue(
        recipient=user, template="accounts/invite", actor=actor, context={"base_url": base_url}
    )
    return user


@transaction.atomic
def user_active_set(*, actor: Any, user: Any, active: bool) -> None:
    """Switch a login off (it can no longer sign in; history stays) or back on."""
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        action="user.activate" if active else "user.deactivate",
        target_type="accounts.User",
        target_id=user.pk,
        data={"username": user.username},
    )


SESSION_EVENTS = {"login", "login_failed", "logout", "password_reset", "locked_out"}


@transaction.atomic
def session_event_record(*, actor: Any | None, event: str, username: str = "") -> None:
    """Record a sign-in, a failed sign-in (the name tried, never the password), a sign-out,
    a password set through a reset link, or a lock-out after too many failures."""
    if event not in SESSION_EVENTS:
        raise ValueError(f"unknown session event {event!r}")
    name = username or getattr(actor, "username", "")
    audit_record(
        actor=actor,
        action=f"user.{event}",
        target_type="accounts.User",
        target_id=getattr(actor, "pk", "") or "",
        data={"username": name},
    )
