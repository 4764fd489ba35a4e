"""Writes to user accounts: keyword-only, typed, one transaction each, each audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from bijak.site.audit.services import audit_record


@transaction.atomic
def user_create(*, actor: Any | None, username: str, full_name: str, email: str = "",
                password: str | None = None, is_staff: bool = False,
                is_superuser: bool = False) -> Any:
    """Create a login. Without a password the account can only be opened via password reset."""
    user = get_user_model().objects.create_user(
        username=username, email=email, password=password, full_name=full_name,
        is_staff=is_staff, is_superuser=is_superuser,
    )
    audit_record(actor=actor, action="user.create", target_type="accounts.User", target_id=user.pk,
                 data={"username": username, "is_staff": is_staff, "is_superuser": is_superuser})
    return user


@transaction.atomic
def user_password_set(*, actor: Any | None, user: Any, password: str) -> None:
    """Set a user's password (administrators and the demo set-up); the password is not logged."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=actor, action="user.password_set", target_type="accounts.User",
                 target_id=user.pk, data={"username": user.username})
