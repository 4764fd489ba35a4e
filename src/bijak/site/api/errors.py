"""The one error shape of the API: {"error": {"code": ..., "message": ...}}, message translated
by the request's language (Accept-Language; Indonesian by default)."""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse
from django.utils.translation import gettext as _


def _messages() -> dict[str, str]:
    return {
        "invalid_json": _("Badan permintaan bukan JSON yang sah."),
        "invalid_request": _("Permintaan tidak sah."),
        "unauthenticated": _("Token API tidak ada, tidak dikenal, atau sudah dicabut."),
        "not_found": _("Alamat API tidak ditemukan."),
        "method_not_allowed": _("Metode HTTP ini tidak diizinkan untuk alamat ini."),
        "text_too_long": _("Teks terlalu panjang."),
        "body_too_large": _("Badan permintaan terlalu besar."),
        "unsupported_media_type": _("Jenis isi harus application/json."),
        "rate_limited": _("Terlalu banyak permintaan. Coba lagi sebentar lagi."),
        "server_error": _("Terjadi kesalahan di server."),
    }


STATUS = {
    "invalid_json": 400,
    "invalid_request": 400,
    "unauthenticated": 401,
    "not_found": 404,
    "method_not_allowed": 405,
    "text_too_long": 413,
    "body_too_large": 413,
    "unsupported_media_type": 415,
    "rate_limited": 429,
    "server_error": 500,
}


def api_error(
    code: str, message: str | None = None, *, headers: dict[str, str] | None = None, **extra: Any
) -> JsonResponse:
    """A JSON error response with the shared shape; `extra` keys (e.g. `field`) join `error`."""
    body: dict[str, Any] = {"code": code, "message": message or _messages()[code]}
    body.update(extra)
    response = JsonResponse(
        {"error": body}, status=STATUS[code], json_dumps_params={"ensure_ascii": False}
    )
    for name, value in (headers or {}).items():
        response[name] = value
    if code == "unauthenticated":
        response["WWW-Authenticate"] = 'Bearer realm="bijak"'
    return response
