"""POST /api/v1/complaints: a complaint from a browser extension or a chat bot, with the API's
token, rate limit and error conventions (`bijak.site.api`).

Body (application/json)::

    {"kind": "perjudian", "description": "...", "urls": ["https://..."],
     "screenshots": [{"filename": "a.png", "data": "<base64>"}]}

201 answer: ``ticket``, ``key`` (shown once), ``status``, ``urls`` (canonical), ``duplicates``
(tickets of the candidates found). Errors: the API's one shape; a complaint that cannot be
accepted is ``invalid_request`` with ``fields`` (field -> translated messages).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse

from bijak.site.api.errors import api_error
from bijak.site.api.views import api_endpoint
from bijak.site.complaints import services
from bijak.site.complaints.models import MAX_SCREENSHOTS
from bijak.site.policies.selectors import policy_active

MAX_BODY_BYTES = 16 * 1024 * 1024  # five 10 MB screenshots do not fit: 2 or 3 large ones do


def _as_list(value: Any) -> list[Any] | None:
    if value is None:
        return []
    return value if isinstance(value, list) else None


@api_endpoint(("POST",))
def create(request: HttpRequest) -> HttpResponse:
    if (request.content_type or "") != "application/json":
        return api_error("unsupported_media_type")
    if len(request.body) > MAX_BODY_BYTES:
        return api_error("body_too_large")
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return api_error("invalid_json")
    if not isinstance(body, dict):
        return api_error("invalid_request", field="body")
    kind, description = body.get("kind"), body.get("description", "")
    urls, shots = _as_list(body.get("urls")), _as_list(body.get("screenshots"))
    if not isinstance(kind, str):
        return api_error("invalid_request", field="kind")
    if not isinstance(description, str):
        return api_error("invalid_request", field="description")
    if urls is None or not all(isinstance(u, str) for u in urls):
        return api_error("invalid_request", field="urls")
    if shots is None or len(shots) > MAX_SCREENSHOTS:
        return api_error("invalid_request", field="screenshots")
    uploads = []
    for item in shots:
        if not isinstance(item, dict) or not isinstance(item.get("data"), str):
            return api_error("invalid_request", field="screenshots")
        try:
            data = base64.b64decode(item["data"], validate=True)
        except (binascii.Error, ValueError):
            return api_error("invalid_request", field="screenshots")
        uploads.append(
            services.UploadedScreenshot(filename=str(item.get("filename", ""))[:200], data=data)
        )
    try:
        prepared = services.complaint_prepare(
            policy=policy_active(),
            kind=kind,
            description=description,
            urls=urls,
            screenshots=uploads,
        )
    except services.ComplaintInputError as exc:
        first = next(iter(exc.errors.values()))[0]
        return api_error("invalid_request", first, fields=exc.errors)
    token = request.api_token  # type: ignore[attr-defined]
    submitted = services.complaint_submit(reporter=token.user, prepared=prepared)
    complaint = submitted.complaint
    return JsonResponse(
        {
            "ticket": complaint.ticket,
            "key": submitted.key,
            "status": complaint.status,
            "urls": [link.url for link in prepared.links],
            "duplicates": submitted.duplicates,
        },
        status=201,
        json_dumps_params={"ensure_ascii": False},
    )
