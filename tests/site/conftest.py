"""Personas shared by every site test (healthchecks' Alice/Bob/Charlie, for a ministry).

`org_tree`: an invented organisation
    SJ          Sekretariat Jenderal (Eselon I)
    SJ.KPP      Biro Komunikasi dan Pelayanan Publik (Eselon II)
    SJ.KPP.HM   Bagian Hubungan Media (Eselon III)
    SJ.KPP.HM.1 Subbagian Pemantauan Media (Eselon IV)
    SJ.KEU      Biro Keuangan dan Barang Milik Negara (Eselon II)
    SJ.KEU.AG   Bagian Anggaran (Eselon III)
    SJ.KEU.AG.1 Subbagian Penyusunan Anggaran (Eselon IV)

Personas (all with the password `PASSWORD`, "bijak-test-pass"):
- `employee`   pegawai in SJ.KEU.AG.1 (Employee record, role employee)
- `unit_head`  head of SJ.KEU (Eselon II): sees SJ.KEU and below, not SJ.KPP
- `colleague`  pegawai in SJ.KPP.HM.1: NOT visible to `unit_head`
- `officer`    compliance officer of Biro Komunikasi dan Pelayanan Publik, organisation-wide
- `auditor`    organisation-wide auditor (Employee in SJ)
- `admin`      organisation-wide administrator (Employee in SJ)
- `outsider`   a logged-in user with no Employee record and no role

Clients: `employee_client`, `unit_head_client`, `officer_client`, `auditor_client`,
`admin_client_`, `outsider_client` (note the trailing underscore: pytest-django owns
`admin_client`), or `client_as(user)` for any user (force_login), or the `login` fixture:
`login(client, user)` logs a given client in through the real login form.
`persona_password` gives the password. `smtp_server`: a real aiosmtpd server on loopback that
Django's SMTP backend sends to; `smtp_server.wait(n)` then `smtp_server.messages`. Test modules here have no __init__.py, so give test
files unique basenames (e.g. test_org_pages.py, not test_pages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

PASSWORD = "bijak-test-pass"


@dataclass
class OrgTree:
    root: Any  # SJ, Eselon I
    kpp: Any  # Biro Komunikasi dan Pelayanan Publik, Eselon II
    kpp_media: Any  # Eselon III under kpp
    kpp_media_monitoring: Any  # Eselon IV under kpp_media
    keu: Any  # Biro Keuangan dan BMN, Eselon II
    keu_budget: Any  # Eselon III under keu
    keu_budget_planning: Any  # Eselon IV under keu_budget

    def all(self) -> list[Any]:
        return [
            self.root,
            self.kpp,
            self.kpp_media,
            self.kpp_media_monitoring,
            self.keu,
            self.keu_budget,
            self.keu_budget_planning,
        ]


@pytest.fixture
def org_tree(db: Any) -> OrgTree:
    from bijak.site.org.services import orgunit_create

    def unit(code: str, name: str, level: str, parent: Any = None) -> Any:
        return orgunit_create(actor=None, code=code, name=name, level=level, parent=parent)

    root = unit("SJ", "Sekretariat Jenderal", "eselon_1")
    kpp = unit("SJ.KPP", "Biro Komunikasi dan Pelayanan Publik", "eselon_2", root)
    kpp_media = unit("SJ.KPP.HM", "Bagian Hubungan Media", "eselon_3", kpp)
    kpp_mon = unit("SJ.KPP.HM.1", "Subbagian Pemantauan Media", "eselon_4", kpp_media)
    keu = unit("SJ.KEU", "Biro Keuangan dan Barang Milik Negara", "eselon_2", root)
    keu_budget = unit("SJ.KEU.AG", "Bagian Anggaran", "eselon_3", keu)
    keu_plan = unit("SJ.KEU.AG.1", "Subbagian Penyusunan Anggaran", "eselon_4", keu_budget)
    return OrgTree(root, kpp, kpp_media, kpp_mon, keu, keu_budget, keu_plan)


def make_person(
    *,
    username: str,
    full_name: str,
    unit: Any = None,
    nip: str | None = None,
    position: str = "",
    roles: tuple[tuple[str, Any], ...] = (),
) -> Any:
    """A real User (password PASSWORD), with an Employee record when `unit` is given."""
    from bijak.site.accounts.models import User
    from bijak.site.org.services import employee_create, role_assign

    user = User.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@contoh.go.id", full_name=full_name
    )
    if unit is not None:
        assert nip is not None
        employee_create(
            actor=None,
            nip=nip,
            name=full_name,
            unit=unit,
            position=position,
            email=user.email,
            user=user,
        )
    for role, role_unit in roles:
        role_assign(actor=None, user=user, role=role, unit=role_unit)
    return user


@pytest.fixture
def employee(org_tree: OrgTree) -> Any:
    return make_person(
        username="sari",
        full_name="Sari Wulandari",
        unit=org_tree.keu_budget_planning,
        nip="199004122015032001",
        position="Analis Anggaran",
        roles=(("employee", org_tree.keu_budget_planning),),
    )


@pytest.fixture
def unit_head(org_tree: OrgTree) -> Any:
    return make_person(
        username="bambang",
        full_name="Bambang Hartono",
        unit=org_tree.keu,
        nip="197508202000121002",
        position="Kepala Biro Keuangan dan BMN",
        roles=(("unit_head", org_tree.keu),),
    )


@pytest.fixture
def colleague(org_tree: OrgTree) -> Any:
    return make_person(
        username="dewi",
        full_name="Dewi Anggraini",
        unit=org_tree.kpp_media_monitoring,
        nip="199211052019022003",
        position="Pranata Humas",
    )


@pytest.fixture
def officer(org_tree: OrgTree) -> Any:
    return make_person(
        username="rina",
        full_name="Rina Kusumawati",
        unit=org_tree.kpp,
        nip="198607142010122004",
        position="Petugas Kepatuhan Media Sosial",
        roles=(("officer", None),),
    )


@pytest.fixture
def auditor(org_tree: OrgTree) -> Any:
    return make_person(
        username="agus",
        full_name="Agus Prasetyo",
        unit=org_tree.root,
        nip="198001012005011005",
        position="Auditor Internal",
        roles=(("auditor", None),),
    )


@pytest.fixture
def admin(org_tree: OrgTree) -> Any:
    return make_person(
        username="admin-bijak",
        full_name="Yusuf Ramadhan",
        unit=org_tree.root,
        nip="198312252008011006",
        position="Pengelola Sistem",
        roles=(("admin", None),),
    )


@pytest.fixture
def ppk(org_tree: OrgTree) -> Any:
    """The Pejabat Pembina Kepegawaian (the appointed official), for the whole organisation."""
    return make_person(
        username="hendro",
        full_name="Hendro Saputra",
        unit=org_tree.root,
        nip="197011151996031002",
        position="Sekretaris Jenderal",
        roles=(("ppk", None),),
    )


@pytest.fixture
def outsider(db: Any) -> Any:
    return make_person(username="tamu", full_name="Tamu Luar")


@pytest.fixture
def client_as(db: Any) -> Callable[[Any], Client]:
    def make(user: Any) -> Client:
        c = Client()
        c.force_login(user)
        return c

    return make


def _login(client: Client, user: Any) -> None:
    response = client.post("/akun/masuk/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]


@pytest.fixture
def login() -> Callable[[Client, Any], None]:
    """`login(client, user)` logs `client` in through the real login form (asserts it worked)."""
    return _login


@pytest.fixture
def employee_client(client_as: Callable[[Any], Client], employee: Any) -> Client:
    return client_as(employee)


@pytest.fixture
def unit_head_client(client_as: Callable[[Any], Client], unit_head: Any) -> Client:
    return client_as(unit_head)


@pytest.fixture
def officer_client(client_as: Callable[[Any], Client], officer: Any) -> Client:
    return client_as(officer)


@pytest.fixture
def auditor_client(client_as: Callable[[Any], Client], auditor: Any) -> Client:
    return client_as(auditor)


@pytest.fixture
def admin_client_(client_as: Callable[[Any], Client], admin: Any) -> Client:
    return client_as(admin)


@pytest.fixture
def outsider_client(client_as: Callable[[Any], Client], outsider: Any) -> Client:
    return client_as(outsider)


@pytest.fixture
def persona_password() -> str:
    """The password every persona logs in with."""
    return PASSWORD


class Inbox:
    """What a real SMTP server on loopback received: `messages` as (recipients, email.Message)."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Any]] = []
        self.port = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from email import message_from_bytes, policy

        self.messages.append(
            (list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 OK"

    def wait(self, count: int = 1, timeout: float = 10.0) -> None:
        import time

        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) >= count, f"expected {count} mail(s), got {len(self.messages)}"


@pytest.fixture
def smtp_server(settings: Any) -> Any:
    """A real aiosmtpd server on 127.0.0.1 (free port); Django's SMTP backend points at it."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.port = controller.port
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


@pytest.fixture(autouse=True)
def _indonesian_by_default() -> Any:
    """Each test starts in Indonesian: a request in English leaves its language active in the
    thread, which would leak into the next test's service messages."""
    from django.utils import translation

    translation.activate("id")
    yield
    translation.activate("id")


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    """Background tasks run at once, in the enqueuing thread (django-tasks' ImmediateBackend),
    so that a notification enqueued on commit is sent before the request returns."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
