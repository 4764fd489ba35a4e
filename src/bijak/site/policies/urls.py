from django.urls import path

from bijak.site.policies import views

app_name = "policies"
urlpatterns = [
    path("", views.index, name="index"),
    path("unduh/", views.download, name="download"),
    path("<str:clause_id>/", views.clause, name="clause"),
]
