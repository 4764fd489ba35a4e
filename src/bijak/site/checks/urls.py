from django.urls import path

from bijak.site.checks import views

app_name = "checks"
urlpatterns = [
    path("", views.check, name="check"),
    path("pratinjau/", views.preview, name="preview"),
    path("statistik/", views.statistics, name="statistics"),
    path("tersimpan/", views.saved_list, name="saved_list"),
    path("tersimpan/<int:saved_id>/", views.saved_detail, name="saved_detail"),
    path("tersimpan/<int:saved_id>/hapus/", views.saved_delete, name="saved_delete"),
]
