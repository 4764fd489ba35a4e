from django.urls import path

from bijak.site.ui import views

app_name = "ui"
urlpatterns = [
    path("", views.style_guide, name="style_guide"),
    path("konfirmasi/", views.style_guide_confirm, name="style_guide_confirm"),
]
