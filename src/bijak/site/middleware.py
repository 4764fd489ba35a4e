"""Site-wide request checks that no single view should have to repeat."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse


class RejectNulMiddleware:
    """A NUL character in the query string of an admin page answers 400.

    PostgreSQL cannot hold NUL in text, so `/admin/...?policy_id=%00` reached a list filter and
    answered 500. Form fields refuse NUL on their own (Django's ProhibitNullCharactersValidator)
    and the site's own list pages read their filters through `search.search_term`, which says
    why it ignored one; Django's admin filters and lookups have no such check.
    """

    prefix = "/admin/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(self.prefix) and any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the request")
        return self.get_response(request)
