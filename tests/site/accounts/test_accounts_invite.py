"""An officer opens an account for an imported employee; the invitation goes out over SMTP."""

import re

import pytest

from bijak.site.audit.models import AuditEntry
from bijak.site.org.access import user_roles
from bijak.site.org.services import employee_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_without_account(org_tree):
    return employee_create(
        actor=None,
        nip="199305172019032009",
        name="Wulan Permata",
        unit=org_tree.keu_budget,
        position="Analis",
        email="wulan@contoh.go.id",
    )


def test_officer_invites_employee_who_sets_a_password_and_logs_in(
    officer_client,
    staff_without_account,
    smtp_server,
    client,
    django_capture_on_commit_callbacks,
    immediate_tasks,
):
    url = f"/organisasi/pegawai/{staff_without_account.pk}/"
    assert "Buat akun dan kirim undangan" in officer_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url + "undang/", follow=True)
    html = response.content.decode()
    assert (
        "Akun 199305172019032009 dibuat; tautan untuk membuat kata sandi dikirim ke "
        "wulan@contoh.go.id."
    ) in html
    assert "Buat akun dan kirim undangan" not in html
    smtp_server.wait(1)
    rcpt, mail = smtp_server.messages[0]
    assert rcpt == ["wulan@contoh.go.id"]
    assert mail["Subject"] == "Akun bijak Anda sudah dibuat"
    body = mail.get_body(("plain",)).get_content()
    assert "Nama pengguna Anda: 199305172019032009" in body
    link = re.search(r"http://testserver(/akun/sandi/reset/\S+/)", body).group(1)

    response = client.get(link, follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "pilihan-sendiri-77", "new_password2": "pilihan-sendiri-77"},
        follow=True,
    )
    assert "Kata sandi baru Anda sudah disimpan. Silakan masuk." in response.content.decode()
    response = client.post(
        "/akun/masuk/", {"username": "199305172019032009", "password": "pilihan-sendiri-77"}
    )
    assert response.status_code == 302
    staff_without_account.refresh_from_db()
    assert user_roles(staff_without_account.user) == {"employee"}
    assert AuditEntry.objects.filter(action="user.invite").count() == 1


def test_invite_twice_or_by_others_is_refused(
    officer_client, unit_head_client, employee_client, staff_without_account, smtp_server, employee
):
    url = f"/organisasi/pegawai/{staff_without_account.pk}/undang/"
    assert unit_head_client.post(url).status_code == 404
    assert employee_client.post(url).status_code == 404
    officer_client.post(url)
    response = officer_client.post(url, follow=True)
    assert "Pegawai ini sudah punya akun." in response.content.decode()
    response = officer_client.post(
        f"/organisasi/pegawai/{employee.employee.pk}/undang/", follow=True
    )
    assert "Pegawai ini sudah punya akun." in response.content.decode()


def test_a_mail_server_that_is_down_leaves_the_account_and_the_mail_is_sent_later(
    officer_client,
    staff_without_account,
    smtp_server,
    settings,
    django_capture_on_commit_callbacks,
    immediate_tasks,
):
    import socket
    from datetime import timedelta

    from django.utils import timezone

    from bijak.site.notifications.models import Notification
    from bijak.site.notifications.services import notifications_send_due

    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = dead_port, 5
    url = f"/organisasi/pegawai/{staff_without_account.pk}/undang/"
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(url, follow=True)
    assert response.status_code == 200
    assert (
        "Akun 199305172019032009 dibuat; tautan untuk membuat kata sandi dikirim ke "
        "wulan@contoh.go.id."
    ) in response.content.decode()
    staff_without_account.refresh_from_db()
    assert staff_without_account.user is not None
    notification = Notification.objects.get(template="accounts/invite")
    assert (notification.status, notification.attempts) == ("queued", 1)
    assert "Connection refused" in notification.last_error
    assert smtp_server.messages == []

    settings.EMAIL_PORT = smtp_server.port  # the mail server is back
    assert notifications_send_due().sent == 0  # not due yet: it waits a minute after a failure
    assert notifications_send_due(now=timezone.now() + timedelta(minutes=2)).sent == 1
    smtp_server.wait(1)
    rcpt, mail = smtp_server.messages[0]
    assert rcpt == ["wulan@contoh.go.id"]
    assert mail["Subject"] == "Akun bijak Anda sudah dibuat"
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)
