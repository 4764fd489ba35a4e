"""The free-text filters of list pages (`?q=`, `?aksi=`), read at the edge."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

MAX_SEARCH_CHARS = 100


def search_term(request: HttpRequest, name: str) -> tuple[str, str]:
    """The stripped search text (at most 100 characters) and an error message ("" when fine).

    A term with control characters (NUL cannot even reach PostgreSQL) is not searched for: the
    page shows every row and says why, instead of failing.
    """
    raw = request.GET.get(name, "")
    if any(ord(char) < 32 and char not in "\t\n\r" for char in raw):
        return "", _(
            "Teks pencarian berisi karakter kendali yang tidak diizinkan; pencarian diabaikan."
        )
    return raw.strip()[:MAX_SEARCH_CHARS], ""
