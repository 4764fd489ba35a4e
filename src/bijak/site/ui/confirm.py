"""The confirmation step every removal goes through.

A removal form carries `data-confirm="..."`: with JavaScript, static/bijak/site.js asks in a
<dialog> and adds `confirmed=1`; without it, the view answers the POST with a confirmation page
(this module) that re-posts the same fields with `confirmed=1`. Views call:

    if (page := confirmation_required(request, question=..., yes=..., cancel_url=...)):
        return page
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def confirmation_required(
    request: HttpRequest, *, question: str, yes: str, cancel_url: str, detail: str = ""
) -> HttpResponse | None:
    """None when the POST is confirmed; otherwise the confirmation page to answer with."""
    if request.POST.get("confirmed") == "1":
        return None
    fields = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in {"csrfmiddlewaretoken", "confirmed"}
        for value in values
    ]
    return render(
        request,
        "ui/confirm.html",
        {
            "question": question,
            "detail": detail,
            "yes": yes,
            "cancel_url": cancel_url,
            "action": request.path,
            "fields": fields,
        },
    )
