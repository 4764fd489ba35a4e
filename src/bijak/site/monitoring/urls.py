from django.urls import path

from bijak.site.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.desk, name="desk"),
    path("saya/", views.mine, name="mine"),
    path("dasbor/", views.dashboard, name="dashboard"),
    path("akun/", views.accounts, name="accounts"),
    path("akun/<int:account_id>/", views.account_detail, name="account"),
    path("akun/<int:account_id>/pindai/", views.account_scan, name="account_scan"),
    path("impor/<int:import_id>/", views.import_batch, name="import"),
    path("pindai/<int:scan_id>/", views.scan_detail, name="scan"),
    path("temuan/<int:flag_id>/", views.flag_detail, name="flag"),
    path("ambil/", views.claim_next, name="claim_next"),
    path("tolak-massal/", views.bulk_dismiss, name="bulk_dismiss"),
    path("sampel/", views.sample, name="sample"),
    path("temuan.csv", views.queue_csv, name="queue_csv"),
]
