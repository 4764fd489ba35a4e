from django.urls import path

from bijak.site.claims import views

app_name = "claims"

urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.create, name="create"),
    path("impor/", views.import_claimreview, name="import"),
    path("<int:claim_id>/", views.edit, name="edit"),
    path("<int:claim_id>/aktif/", views.toggle, name="toggle"),
]
