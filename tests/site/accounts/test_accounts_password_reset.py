"""Password reset through a real SMTP server on loopback, then logging in with the new password."""

import re
import socket
import time
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


def wait_for(inbox, count=1):
    deadline = time.monotonic() + 10
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(inbox.messages) >= count


def test_reset_mail_is_sent_over_smtp_and_the_link_sets_a_new_password(client, employee, smtp, persona_password):
    response = client.post("/akun/sandi/reset/", {"email": "sari@contoh.go.id"}, follow=True)
    assert "Periksa e-mail Anda" in response.content.decode()
    wait_for(smtp)
    rcpt, raw = smtp.messages[0]
    assert rcpt == ["sari@contoh.go.id"]
    mail = message_from_bytes(raw, policy=policy.default)
    assert mail["Subject"] == "Atur ulang kata sandi bijak"
    body = mail.get_body(("plain",)).get_content()
    assert body.startswith("Halo Sari Wulandari,")
    assert "Nama pengguna Anda: sari" in body
    link = re.search(r"http://testserver(/akun/sandi/reset/\S+/)", body).group(1)

    response = client.get(link, follow=True)
    assert "Buat kata sandi baru" in response.content.decode()
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "sandi-baru-yang-panjang-42",
                                      "new_password2": "sandi-baru-yang-panjang-42"}, follow=True)
    assert "Kata sandi baru Anda sudah disimpan. Silakan masuk." in response.content.decode()

    client.logout()
    response = client.post("/akun/masuk/", {"username": "sari", "password": persona_password})
    assert "Nama pengguna atau kata sandi salah." in response.content.decode()
    response = client.post("/akun/masuk/", {"username": "sari", "password": "sandi-baru-yang-panjang-42"})
    assert response.status_code == 302

    # the link works once only
    response = client.get(link, follow=True)
    assert ("Tautan ini tidak berlaku lagi, mungkin karena sudah dipakai atau kedaluwarsa. "
            "Mintalah tautan baru.") in response.content.decode()


def test_unknown_address_sends_nothing_and_says_the_same(client, employee, smtp):
    response = client.post("/akun/sandi/reset/", {"email": "siapa@contoh.go.id"}, follow=True)
    assert "Periksa e-mail Anda" in response.content.decode()
    time.sleep(0.3)
    assert smtp.messages == []
