"""JSON API v1 and the token pages.

- POST /api/v1/check  {"text", "platform"?, "lang"?} -> the engine's Report JSON
- GET  /api/v1/policy -> the active policy as JSON
- GET  /api/v1/openapi.json, /api/docs/
Every error has the shape {"error": {"code", "message"}} (see `errors.py`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bijak.site.api import services
from bijak.site.api.access import access_token_by_id
from bijak.site.api.errors import api_error
from bijak.site.api.models import ApiToken
from bijak.site.api.openapi import openapi_schema
from bijak.site.api.selectors import token_for_plaintext, tokens_for_user
from bijak.site.checks.schema import CheckInputError, check_input_parse, platform_ids

logger = logging.getLogger(__name__)
MAX_BODY_BYTES = 64 * 1024
JSON_PARAMS = {"ensure_ascii": False}

View = Callable[..., HttpResponse]


def _bearer(request: HttpRequest) -> str:
    header = str(request.META.get("HTTP_AUTHORIZATION", ""))
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() in ("bearer", "token") and value.strip():
        return value.strip()
    return ""


def api_endpoint(methods: tuple[str, ...]) -> Callable[[View], View]:
    """Method check, token authentication and the per-token rate limit, in that order."""

    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                response = api_error("method_not_allowed")
                response["Allow"] = ", ".join(methods)
                return response
            try:
                token = token_for_plaintext(plaintext=_bearer(request))
                if token is None:
                    return api_error("unauthenticated")
                allowed, retry_after = services.rate_hit(
                    token=token, limit=int(settings.BIJAK_API_RATE_PER_MINUTE)
                )
                if not allowed:
                    return api_error("rate_limited", headers={"Retry-After": str(retry_after)})
                services.token_touch(token=token)
                request.api_token = token  # type: ignore[attr-defined]
                return view(request, *args, **kwargs)
            except Exception:  # the documented JSON error, never Django's HTML 500 page
                logger.exception("API request failed")
                return api_error("server_error")

        return wrapper

    return decorate


@api_endpoint(("POST",))
def check(request: HttpRequest) -> HttpResponse:
    from bijak.site.checks.services import check_run

    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        return api_error(
            "body_too_large",
            _("Badan permintaan terlalu besar: paling banyak %(max)s bait.")
            % {"max": MAX_BODY_BYTES},
        )
    body = request.body
    if not body.strip():
        return api_error("invalid_json")
    if (request.content_type or "") != "application/json":
        return api_error("unsupported_media_type")
    if len(body) > MAX_BODY_BYTES:
        return api_error(
            "body_too_large",
            _("Badan permintaan terlalu besar: paling banyak %(max)s bait.")
            % {"max": MAX_BODY_BYTES},
        )
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[…]]]]
        return api_error("invalid_json")
    if not isinstance(data, dict):
        return api_error("invalid_request", _("Badan permintaan harus objek JSON."), field="")
    try:
        draft = check_input_parse(data, max_chars=int(settings.BIJAK_CHECK_MAX_CHARS))
    except CheckInputError as exc:
        problem = exc.problems[0]
        code = "text_too_long" if problem.code == "too_long" else "invalid_request"
        return api_error(code, problem.message, field=problem.field)
    try:
        report = check_run(text=draft.text, lang=draft.lang, platform=draft.platform)
    except Exception:  # the error shape even when the engine fails; the trace goes to the log
        logger.exception("engine failed on an API check")
        return api_error("server_error")
    response = JsonResponse(report.to_dict(), json_dumps_params=JSON_PARAMS)
    response["Cache-Control"] = "no-store"  # the report carries the (masked) draft
    return response


@api_endpoint(("GET", "HEAD"))
def policy(request: HttpRequest) -> HttpResponse:
    from bijak.site.policies.selectors import policy_active

    return JsonResponse(policy_active().to_dict(), json_dumps_params=JSON_PARAMS)


@csrf_exempt
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return api_error("not_found")


def openapi_json(request: HttpRequest) -> HttpResponse:
    return JsonResponse(
        openapi_schema(server=request.build_absolute_uri("/")[:-1]), json_dumps_params=JSON_PARAMS
    )


def docs(request: HttpRequest) -> HttpResponse:
    schema = openapi_schema(server=request.build_absolute_uri("/")[:-1])
    operations = []
    for path, item in schema["paths"].items():
        for method, op in item.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "responses": [
                        (code, r.get("description", ""))
                        for code, r in op.get("responses", {}).items()
                    ],
                }
            )
    return render(
        request,
        "api/docs.html",
        {
            "operations": operations,
            "rate": settings.BIJAK_API_RATE_PER_MINUTE,
            "max_chars": settings.BIJAK_CHECK_MAX_CHARS,
            "platforms": platform_ids(),
        },
    )


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """The signed-in user's tokens; create one (shown once) or revoke one."""
    created = None
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()
        kind = (
            ApiToken.KIND_INTEGRATION
            if request.POST.get("kind") == ApiToken.KIND_INTEGRATION
            else ApiToken.KIND_USER
        )
        if any(ord(char) < 32 for char in name):
            messages.error(request, _("Nama token berisi karakter kendali yang tidak diizinkan."))
        elif len(name) > ApiToken.NAME_MAX_CHARS:
            messages.error(
                request,
                _("Nama token terlalu panjang: paling banyak %(max)s karakter.")
                % {"max": ApiToken.NAME_MAX_CHARS},
            )
        elif kind == ApiToken.KIND_INTEGRATION and not name:
            messages.error(request, _("Token integrasi perlu nama, misalnya “ekstensi peramban”."))
        else:
            try:
                token, plaintext = services.token_create(
                    actor=request.user, user=request.user, name=name, kind=kind
                )
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                created = {"token": token, "plaintext": plaintext}
    response = render(
        request,
        "api/tokens.html",
        {"tokens": tokens_for_user(user=request.user), "created": created},
    )
    if created:
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = access_token_by_id(request.user, token_id)
    from bijak.site.ui.confirm import confirmation_required

    page = confirmation_required(
        request,
        question=_("Cabut token %(prefix)s…? Integrasi yang memakainya berhenti bekerja.")
        % {"prefix": token.prefix},
        yes=_("Ya, cabut token"),
        cancel_url=reverse("api:tokens"),
    )
    if page is not None:
        return page
    services.token_revoke(actor=request.user, token=token)
    messages.success(request, _("Token %(prefix)s… dicabut.") % {"prefix": token.prefix})
    return redirect("api:tokens")
