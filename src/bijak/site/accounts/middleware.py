"""Indonesian first: the language is the one the person chose (the language cookie set by the
switch in the page header), else Indonesian. The browser's Accept-Language is not consulted, so
an Indonesian civil servant with an English browser still gets Indonesian until they switch.

The JSON API (paths under /api/) keeps Django's usual negotiation: its clients ask for a
language with Accept-Language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith("/api/"):
            super().process_request(request)
            return
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
