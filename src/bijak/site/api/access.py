"""Who may manage a token: the user it belongs to. Missing and forbidden both answer 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from bijak.site.api.models import ApiToken


def access_token_by_id(user: Any, token_id: int) -> ApiToken:
    if not getattr(user, "is_authenticated", False):
        raise Http404
    try:
        return ApiToken.objects.get(pk=token_id, user_id=user.pk)
    except ApiToken.DoesNotExist:
        raise Http404 from None
