"""Who may manage a token: the user it belongs to. Missing and forbidden both answer 404."""

from __future__ import annotations

from typing import Any

from bijak.site.api.models import ApiToken
from bijak.site.org.access import access_own_object_by_id


def access_token_by_id(user: Any, token_id: int) -> ApiToken:
    return access_own_object_by_id(user, ApiToken.objects.all(), token_id, owner_field="user_id")
