from django.urls import path

from bijak.site.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("ekspor.jsonl", views.export, name="export"),
]
