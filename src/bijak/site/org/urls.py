from django.urls import path

from bijak.site.org import views

app_name = "org"
urlpatterns = [
    path("", views.unit_list, name="units"),
    path("unit/<int:unit_id>/", views.unit_detail, name="unit"),
    path("unit/<int:unit_id>/ubah/", views.unit_edit, name="unit_edit"),
    path("pegawai/", views.employee_list, name="employees"),
    path("pegawai/<int:employee_id>/", views.employee_detail, name="employee"),
    path("pegawai/<int:employee_id>/ubah/", views.employee_edit, name="employee_edit"),
    path("pegawai/<int:employee_id>/akun/", views.employee_account_active, name="employee_account"),
    path("pegawai/<int:employee_id>/undang/", views.employee_invite, name="employee_invite"),
    path("impor/", views.import_upload, name="import"),
    path("impor/templat.csv", views.import_template, name="import_template"),
    path("impor/<int:batch_id>/", views.import_batch, name="import_batch"),
    path("kelola/", views.manage, name="manage"),
    path("kelola/peran/<int:assignment_id>/cabut/", views.role_revoke_view, name="role_revoke"),
]
