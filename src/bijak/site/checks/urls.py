from django.urls import path

from bijak.site.checks import views

app_name = "checks"
urlpatterns = [
    path("", views.check, name="check"),
]
