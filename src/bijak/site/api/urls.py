from django.urls import path, re_path

from bijak.site.api import views

app_name = "api"
urlpatterns = [
    path("v1/check", views.check, name="check"),
    path("v1/policy", views.policy, name="policy"),
    path("v1/openapi.json", views.openapi_json, name="openapi"),
    path("docs/", views.docs, name="docs"),
    path("token/", views.tokens, name="tokens"),
    path("token/<int:token_id>/cabut/", views.token_revoke, name="token_revoke"),
    re_path(r"^v1/(?P<rest>.*)$", views.not_found, name="not_found"),
]
