"""Case pages for every persona; every read is logged (written by the bijak authors)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cases_helpers import open_case, step
from django.test import Client

from bijak.site.audit.models import AuditEntry
from bijak.site.cases.models import Case, CaseEvent

EXAM = dt.date(2026, 6, 18)


@pytest.fixture
def case(officer: Any, employee: Any, unit_head: Any) -> Any:
    c = open_case(officer, employee)
    step(c, officer, "summon_1", examination_date=EXAM)
    return Case.objects.get(pk=c.pk)


def _urls(case: Any) -> list[str]:
    doc = case.documents.get()
    f = case.files.get()
    return [
        f"/perkara/{case.pk}/",
        f"/perkara/{case.pk}/dokumen/{doc.pk}/",
        f"/perkara/{case.pk}/berkas/{f.pk}/",
    ]


@pytest.mark.parametrize("persona", ["officer", "auditor", "unit_head", "employee", "admin"])
def test_who_may_read_sees_the_case_and_the_read_is_logged(
    case: Any, persona: str, request: Any, client_as: Any
) -> None:
    user = request.getfixturevalue(persona)
    client: Client = client_as(user)
    listing = client.get("/perkara/")
    assert listing.status_code == 200
    assert case.number in listing.content.decode()
    for url in _urls(case):
        assert client.get(url).status_code == 200, url
    reads = AuditEntry.objects.filter(action="case.read", actor_id=user.pk, target_id=str(case.pk))
    assert sorted(reads.values_list("data__what", flat=True)) == ["case", "document", "file"]


@pytest.mark.parametrize("persona", ["colleague", "outsider"])
def test_colleagues_and_outsiders_see_nothing(
    case: Any, persona: str, request: Any, client_as: Any
) -> None:
    client: Client = client_as(request.getfixturevalue(persona))
    assert case.number not in client.get("/perkara/").content.decode()
    for url in _urls(case):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/perkara/{case.pk}/langkah/", {"transition": "examine"}).status_code == 404
    assert client.post(f"/perkara/{case.pk}/tanggapan/", {"text": "x"}).status_code == 404
    assert not AuditEntry.objects.filter(action="case.read").exists()
    assert client.get("/perkara/baru/").status_code == 404


def test_anonymous_is_sent_to_login(case: Any) -> None:
    response = Client().get(f"/perkara/{case.pk}/")
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


def test_auditor_reads_only(case: Any, auditor_client: Client) -> None:
    page = auditor_client.get(f"/perkara/{case.pk}/").content.decode()
    assert 'name="transition"' not in page
    response = auditor_client.post(
        f"/perkara/{case.pk}/langkah/",
        {"transition": "examine", "version": case.version, "record": "x"},
        follow=True,
    )
    assert "Anda tidak berwenang melakukan langkah ini." in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == "summoned_1"


def test_officer_opens_a_case_by_hand_and_records_the_examination(
    officer_client: Client, employee: Any, unit_head: Any, case: Any
) -> None:
    bad = officer_client.post("/perkara/baru/", {"nip": "000", "summary": "x"})
    assert bad.status_code == 400
    assert "Pegawai dengan NIP itu tidak ditemukan." in bad.content.decode()
    opened = officer_client.post(
        "/perkara/baru/",
        {"nip": employee.employee.nip, "clauses": "B.2", "summary": "Unggahan bermasalah."},
    )
    assert opened.status_code == 302
    page = officer_client.get(f"/perkara/{case.pk}/").content.decode()
    assert 'value="examine"' in page
    response = officer_client.post(
        f"/perkara/{case.pk}/langkah/",
        {"transition": "examine", "version": case.version, "record": "Pegawai hadir."},
        follow=True,
    )
    assert "Langkah dicatat." in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == "examined"
    stale = officer_client.post(
        f"/perkara/{case.pk}/langkah/",
        {"transition": "decide_guidance", "version": case.version, "reason": "x"},
        follow=True,
    )
    assert "baru saja diubah oleh orang lain" in stale.content.decode()


def test_superior_sees_subordinate_case_and_may_act(case: Any, unit_head_client: Client) -> None:
    page = unit_head_client.get(f"/perkara/{case.pk}/").content.decode()
    assert 'value="examine"' in page and 'value="summon_2"' in page
    assert "1990**********2001" in page


def test_employee_sees_their_deadline_and_responds_with_a_file(
    case: Any, employee_client: Client
) -> None:
    page = employee_client.get(f"/perkara/{case.pk}/").content.decode()
    assert "2026-06-18" in page and 'name="transition"' not in page
    assert "199004122015032001" in page  # their own NIP in full
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = employee_client.post(
        f"/perkara/{case.pk}/tanggapan/",
        {
            "text": "Saya akan hadir.",
            "file": SimpleUploadedFile(
                "jawaban.txt", b"keterangan saya", content_type="text/plain"
            ),
        },
        follow=True,
    )
    assert "Tanggapan Anda dicatat." in response.content.decode()
    event = CaseEvent.objects.get(case=case, kind="respond")
    assert event.data["text"] == "Saya akan hadir." and event.data["file"]["name"] == "jawaban.txt"
    fake = employee_client.post(
        f"/perkara/{case.pk}/tanggapan/",
        {"text": "x", "file": SimpleUploadedFile("foto.png", b"bukan png")},
        follow=True,
    )
    assert "Isi berkas foto.png tidak sesuai dengan namanya." in fake.content.decode()


def test_dashboard_counts_for_overseers_only(
    case: Any, officer_client: Client, employee_client: Client
) -> None:
    page = officer_client.get("/perkara/dasbor/")
    assert page.status_code == 200 and "Panggilan I dikirim" in page.content.decode()
    assert employee_client.get("/perkara/dasbor/").status_code == 404


def test_home_panels_for_the_officer_and_the_superior(
    case: Any, officer_client: Client, unit_head_client: Client, employee_client: Client
) -> None:
    assert 'data-panel="cases.queue"' in officer_client.get("/").content.decode()
    head = unit_head_client.get("/").content.decode()
    assert 'data-panel="cases.unit"' in head and case.number in head
    assert 'data-panel="cases.' not in employee_client.get("/").content.decode()


def test_pages_and_messages_in_english(case: Any, officer_client: Client) -> None:
    officer_client.cookies["django_language"] = "en"
    page = officer_client.get(f"/perkara/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Documents" in page and "Record of the examination" in page
    response = officer_client.post(
        f"/perkara/{case.pk}/langkah/",
        {"transition": "deliver", "version": case.version},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert (
        "The step “Record delivery of the decision” cannot be taken in the state “Summons I sent”."
    ) in response.content.decode()


# persona -> expected status of: list, dashboard, new case, case page, document, evidence file
PAGES = {
    "officer": (200, 200, 200, 200, 200, 200),
    "admin": (200, 200, 200, 200, 200, 200),
    "ppk": (200, 200, 404, 200, 200, 200),
    "auditor": (200, 200, 404, 200, 200, 200),
    "unit_head": (200, 200, 404, 200, 200, 200),
    "employee": (200, 404, 404, 200, 200, 200),
    "colleague": (200, 404, 404, 404, 404, 404),
    "outsider": (200, 404, 404, 404, 404, 404),
}


def test_every_case_page_and_action_for_every_persona(
    case: Any, request: Any, client_as: Any
) -> None:
    """One table of who gets which page; then each persona tries the examination step and the
    written response: only the superior (or an officer) may take the step, only the employee
    may respond, those who may not see the case get 404, and nothing changes on a refusal."""
    doc, f = case.documents.get(), case.files.get()
    urls = (
        "/perkara/",
        "/perkara/dasbor/",
        "/perkara/baru/",
        f"/perkara/{case.pk}/",
        f"/perkara/{case.pk}/dokumen/{doc.pk}/",
        f"/perkara/{case.pk}/berkas/{f.pk}/",
    )
    clients = {p: client_as(request.getfixturevalue(p)) for p in PAGES}
    for persona, expected in PAGES.items():
        got = tuple(clients[persona].get(url).status_code for url in urls)
        assert got == expected, persona
    examine = {"transition": "examine", "version": case.version, "record": "Hadir."}
    for persona in ("auditor", "admin", "ppk", "employee"):
        page = clients[persona].post(f"/perkara/{case.pk}/langkah/", examine, follow=True)
        assert "Anda tidak berwenang melakukan langkah ini." in page.content.decode(), persona
    for persona in ("colleague", "outsider"):
        assert clients[persona].post(f"/perkara/{case.pk}/langkah/", examine).status_code == 404
        assert (
            clients[persona].post(f"/perkara/{case.pk}/tanggapan/", {"text": "x"}).status_code
            == 404
        )
    for persona in ("officer", "unit_head", "auditor", "admin", "ppk"):
        page = clients[persona].post(f"/perkara/{case.pk}/tanggapan/", {"text": "x"}, follow=True)
        assert "Hanya pegawai yang bersangkutan dapat menanggapi." in page.content.decode()
    assert not CaseEvent.objects.filter(case=case, kind__in=["examine", "respond"]).exists()
    assert Case.objects.get(pk=case.pk).state == "summoned_1"
    page = clients["unit_head"].post(f"/perkara/{case.pk}/langkah/", examine, follow=True)
    assert "Langkah dicatat." in page.content.decode()
    page = clients["employee"].post(f"/perkara/{case.pk}/tanggapan/", {"text": "Saya hadir."})
    assert page.status_code == 302
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds[-2:] == ["examine", "respond"]


def test_the_ppk_home_lists_the_cases_waiting_on_the_ppk(
    case: Any, officer: Any, ppk: Any, admin: Any, client_as: Any
) -> None:
    """After the examination the PPK may form a Tim Pemeriksa: the case is on the PPK's home
    page (not before, and never on an administrator's, who is not the PPK)."""
    assert "Perkara menunggu PPK" not in client_as(ppk).get("/").content.decode()
    step(case, officer, "examine", today=EXAM, record="Pegawai hadir.")
    home = client_as(ppk).get("/").content.decode()
    assert "Perkara menunggu PPK" in home and case.number in home
    assert "1 perkara disiplin menunggu keputusan PPK." in home
    assert "Perkara menunggu PPK" not in client_as(admin).get("/").content.decode()
