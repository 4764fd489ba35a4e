"""`/sehat/`: is the site healthy? JSON for monitors (`?format=json` or `Accept:
application/json`; 200 when everything is alive, 503 otherwise), a readable page for
administrators."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from bijak.site.health.selectors import Health, Part, health_read


def _part_json(part: Part) -> dict[str, object]:
    return {"ok": part.ok, "age_s": part.age_s()}


@never_cache
def health(request: HttpRequest) -> HttpResponse:
    state: Health = health_read()
    status = 200 if state.ok else 503
    wants_json = request.GET.get("format") == "json" or (
        "application/json" in request.headers.get("Accept", "")
        and "text/html" not in request.headers.get("Accept", "")
    )
    if wants_json:
        # for anyone (a load balancer, a monitor): yes/no and ages, no details
        return JsonResponse(
            {
                "ok": state.ok,
                "database": _part_json(state.database),
                "worker": _part_json(state.worker),
                "mail": _part_json(state.mail),
            },
            status=status,
        )
    from bijak.site.org.access import can_manage_org

    if not (
        request.user.is_authenticated
        and (request.user.is_superuser or can_manage_org(request.user))
    ):
        raise Http404
    from bijak.site.notifications.selectors import notification_counts, notifications_pending

    return render(
        request,
        "health/health.html",
        {"state": state, "outbox": notification_counts(), "pending": notifications_pending()},
        status=status,
    )
