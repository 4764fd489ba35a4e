from django.urls import path

from bijak.site.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("baru/", views.case_new, name="new"),
    path("dasbor/", views.dashboard, name="dashboard"),
    path("<int:case_id>/", views.case_page, name="detail"),
    path("<int:case_id>/langkah/", views.case_step, name="step"),
    path("<int:case_id>/tanggapan/", views.case_response, name="respond"),
    path("<int:case_id>/dokumen/<int:doc_id>/", views.document, name="document"),
    path("<int:case_id>/berkas/<int:file_id>/", views.case_file, name="file"),
]
