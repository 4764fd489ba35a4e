"""Top-level URL map: each app owns its own urls module."""

from django.contrib import admin
from django.urls import include, path

from bijak.site import views
from bijak.site.complaints import api as complaints_api

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("akun/", include("bijak.site.accounts.urls")),
    path("organisasi/", include("bijak.site.org.urls")),
    path("kebijakan/", include("bijak.site.policies.urls")),
    path("cek/", include("bijak.site.checks.urls")),
    path("api/v1/complaints", complaints_api.create, name="api_complaints"),
    path("api/", include("bijak.site.api.urls")),
    path("audit/", include("bijak.site.audit.urls")),
    path("pemantauan/", include("bijak.site.monitoring.urls")),
    path("sosialisasi/", include("bijak.site.dissemination.urls")),
    path("aduan/", include("bijak.site.complaints.urls")),
    path("perkara/", include("bijak.site.cases.urls")),
    path("klaim/", include("bijak.site.claims.urls")),
    path("admin/", admin.site.urls),
    path("sehat/", include("bijak.site.health.urls")),
    path("gaya/", include("bijak.site.ui.urls")),
]
