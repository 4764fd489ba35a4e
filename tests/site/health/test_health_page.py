"""`/sehat/`: whether the database, the worker (its heartbeat) and the mail server are alive;
JSON for monitors, a readable page for administrators."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from bijak.site.health.models import Heartbeat
from bijak.site.health.services import worker_heartbeat
from bijak.site.health.tasks import worker_heartbeat_task

pytestmark = pytest.mark.django_db


def test_without_a_worker_heartbeat_the_site_is_not_healthy(client):
    response = client.get("/sehat/?format=json")
    assert response.status_code == 503
    assert response.json() == {
        "ok": False,
        "database": {"ok": True, "age_s": None},
        "worker": {"ok": False, "age_s": None},
        "mail": {"ok": False, "age_s": None},
    }


def test_heartbeat_task_with_a_live_mail_server_makes_it_healthy(client, smtp_server):
    worker_heartbeat_task.call()
    response = client.get("/sehat/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["worker"]["ok"] and body["mail"]["ok"]
    assert 0 <= body["worker"]["age_s"] <= 60


def test_mail_server_down_is_reported(client, smtp_server, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = probe.getsockname()[1]
    worker_heartbeat()
    body = client.get("/sehat/?format=json").json()
    assert body["worker"]["ok"] is True and body["mail"]["ok"] is False and body["ok"] is False
    assert "Connection refused" in Heartbeat.objects.get(name="mail").detail


def test_a_stale_heartbeat_means_the_worker_is_down(client):
    worker_heartbeat()
    Heartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/sehat/?format=json")
    assert response.status_code == 503
    worker = response.json()["worker"]
    assert worker["ok"] is False and worker["age_s"] >= 300


def test_administrators_read_the_page_others_get_404(
    admin_client_, employee_client, client, employee
):
    from bijak.site.notifications.services import notification_enqueue

    notification_enqueue(recipient=employee, template="notifications/test", context={})
    worker_heartbeat()
    response = admin_client_.get("/sehat/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Semua bagian berjalan." in html
    assert "1 antre, 0 terkirim, 0 gagal." in html
    assert "sari@contoh.go.id" in html  # the message not yet sent is listed
    assert "<code>notifications/test</code>" in html
    assert employee_client.get("/sehat/").status_code == 404
    assert client.get("/sehat/").status_code == 404


def test_the_page_in_english(admin_client_):
    from django.conf import settings

    admin_client_.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client_.get("/sehat/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Some part is not running; see below." in html
    assert "Background worker" in html
