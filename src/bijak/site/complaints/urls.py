from django.urls import path

from bijak.site.complaints import views

app_name = "complaints"

urlpatterns = [
    path("", views.intake, name="intake"),
    path("terkirim/<str:ticket>/", views.submitted, name="submitted"),
    path("tiket/", views.lookup, name="lookup"),
    path("tiket/<str:ticket>/", views.ticket, name="ticket"),
    path("tiket/<str:ticket>/bukti/<int:shot_id>/", views.screenshot, name="screenshot"),
    path("saya/", views.mine, name="mine"),
    path("kelola/", views.queue, name="queue"),
    path("kelola/dasbor/", views.dashboard, name="dashboard"),
    path("kelola/<str:ticket>/", views.detail, name="detail"),
    path("kelola/<str:ticket>/<str:action>/", views.act, name="act"),
]
