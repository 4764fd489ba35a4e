"""Administrators upload templates (checked, versioned) and extra days off (written by the
bijak authors)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cases_helpers import open_case, step
from django.test import Client

from bijak.site.audit.models import AuditEntry
from bijak.site.cases.models import DayOff, DocumentTemplate
from bijak.site.cases.services import calendar


@pytest.fixture
def admin_client_(client_as: Any, admin: Any) -> Client:
    """The administrator persona with access to the Django admin (staff, superuser)."""
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    return client_as(admin)


def test_a_template_missing_a_field_is_refused_at_upload(admin_client_: Client) -> None:
    response = admin_client_.post(
        "/admin/cases/documenttemplate/add/",
        {"kind": "summons_1", "body": "Panggilan untuk {employee_name}"},
    )
    assert response.status_code == 200
    assert (
        "Templat summons_1 tidak memuat isian wajib: case_number, document_number, "
        "employee_nip, examination_date"
    ) in response.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_an_uploaded_template_is_used_for_the_next_document(
    admin_client_: Client, officer: Any, employee: Any, unit_head: Any
) -> None:
    body = (
        "PANGGILAN {document_number} {case_number} {employee_name} {employee_nip} "
        "{examination_date}"
    )
    case = open_case(officer, employee)
    step(case, officer, "summon_1", examination_date=dt.date(2026, 6, 18))
    response = admin_client_.post(
        "/admin/cases/documenttemplate/add/", {"kind": "summons_2", "body": body}
    )
    assert response.status_code == 302
    uploaded = DocumentTemplate.objects.get(kind="summons_2")
    step(
        case, officer, "summon_2", today=dt.date(2026, 6, 18), examination_date=dt.date(2026, 6, 29)
    )
    assert case.documents.get(kind="summons_2").template_id == uploaded.pk
    assert (
        AuditEntry.objects.filter(action="case.template.register", data__kind="summons_2").count()
        == 1
    )


def test_an_extra_day_off_from_the_admin_moves_deadlines(admin_client_: Client) -> None:
    before = calendar().add_working_days(dt.date(2026, 6, 8), 1)
    response = admin_client_.post(
        "/admin/cases/dayoff/add/", {"date": "2026-06-09", "reason": "HUT daerah"}
    )
    assert response.status_code == 302
    assert DayOff.objects.count() == 1
    assert (before, calendar().add_working_days(dt.date(2026, 6, 8), 1)) == (
        dt.date(2026, 6, 9),
        dt.date(2026, 6, 10),
    )
    bad = admin_client_.post("/admin/cases/dayoff/add/", {"date": "2026-02-30", "reason": "x"})
    assert bad.status_code == 200 and DayOff.objects.count() == 1
