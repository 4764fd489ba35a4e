from django.urls import path

from bijak.site.health import views

app_name = "health"
urlpatterns = [
    path("", views.health, name="health"),
]
