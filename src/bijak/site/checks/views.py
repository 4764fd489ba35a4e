from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def check(request: HttpRequest) -> HttpResponse:
    return render(request, "checks/check.html")
