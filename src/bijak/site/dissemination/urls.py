from django.urls import path

from bijak.site.dissemination import views

app_name = "dissemination"
urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.campaign_new, name="campaign_new"),
    path("perubahan-kebijakan/", views.policy_changes, name="policy_changes"),
    path("<int:campaign_id>/", views.campaign_detail, name="campaign"),
    path("<int:campaign_id>/konfirmasi/<int:unit_id>/", views.campaign_confirm, name="confirm"),
    path("<int:campaign_id>/tutup/", views.campaign_close_view, name="close"),
    path("<int:campaign_id>/cakupan.csv", views.coverage_csv_view, name="coverage_csv"),
    path("<int:campaign_id>/cakupan.pdf", views.coverage_pdf_view, name="coverage_pdf"),
    path(
        "berkas/<int:confirmation_id>/<str:which>/",
        views.confirmation_file,
        name="confirmation_file",
    ),
    path("tugas/<str:token>/", views.task, name="task"),
    path("tugas/<str:token>/kuis/", views.quiz_view, name="quiz"),
    path("tugas/<str:token>/kuis/<int:attempt_id>/", views.quiz_result, name="quiz_result"),
    path("tugas/<str:token>/nyatakan/", views.acknowledge, name="acknowledge"),
]
