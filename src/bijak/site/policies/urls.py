from django.urls import path

from bijak.site.policies import views

app_name = "policies"
urlpatterns = [
    path("", views.index, name="index"),
]
