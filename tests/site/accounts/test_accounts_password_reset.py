"""Password reset through a real SMTP server on loopback, then logging in with the new password."""

import re
import time

import pytest

pytestmark = pytest.mark.django_db


def test_reset_mail_is_sent_over_smtp_and_the_link_sets_a_new_password(
    client,
    employee,
    smtp_server,
    persona_password,
    immediate_tasks,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/akun/sandi/reset/", {"email": "sari@contoh.go.id"}, follow=True)
    assert "Periksa e-mail Anda" in response.content.decode()
    smtp_server.wait(1)
    rcpt, mail = smtp_server.messages[0]
    assert rcpt == ["sari@contoh.go.id"]
    assert mail["Subject"] == "Atur ulang kata sandi bijak"
    body = mail.get_body(("plain",)).get_content()
    assert body.startswith("Halo Sari Wulandari,")
    assert "Nama pengguna Anda: sari" in body
    link = re.search(r"http://testserver(/akun/sandi/reset/\S+/)", body).group(1)

    response = client.get(link, follow=True)
    assert "Buat kata sandi baru" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url,
        {
            "new_password1": "sandi-baru-yang-panjang-42",
            "new_password2": "sandi-baru-yang-panjang-42",
        },
        follow=True,
    )
    assert "Kata sandi baru Anda sudah disimpan. Silakan masuk." in response.content.decode()
    from bijak.site.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="user.password_reset", actor=employee).count() == 1

    client.logout()
    response = client.post("/akun/masuk/", {"username": "sari", "password": persona_password})
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()
    response = client.post(
        "/akun/masuk/", {"username": "sari", "password": "sandi-baru-yang-panjang-42"}
    )
    assert response.status_code == 302

    # the link works once only
    response = client.get(link, follow=True)
    assert (
        "Tautan ini tidak berlaku lagi, mungkin karena sudah dipakai atau kedaluwarsa. "
        "Mintalah tautan baru."
    ) in response.content.decode()


def test_unknown_address_sends_nothing_and_says_the_same(
    client, employee, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/akun/sandi/reset/", {"email": "siapa@contoh.go.id"}, follow=True)
    assert "Periksa e-mail Anda" in response.content.decode()
    time.sleep(0.3)
    assert smtp_server.messages == []
