"""Unit codes are unique whatever their case (issue 9: `setjen` was accepted beside `SETJEN`)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bijak.site.org.models import OrgUnit
from bijak.site.org.services import orgunit_create


def test_service_refuses_a_code_that_differs_only_in_case(org_tree):
    with pytest.raises(ValidationError) as caught:
        orgunit_create(
            actor=None, code="sj.keu", name="Biro lain", level="eselon_2", parent=org_tree.root
        )
    assert caught.value.messages == [
        "Kode unit sj.keu sudah dipakai oleh SJ.KEU — Biro Keuangan dan Barang Milik Negara "
        "(huruf besar dan kecil dianggap sama)."
    ]


def test_database_refuses_it_too(org_tree):
    with pytest.raises(IntegrityError), transaction.atomic():
        OrgUnit.objects.create(
            code="sj.kpp", name="Biro lain", level="eselon_2", parent=org_tree.root
        )


def test_manage_page_shows_the_error_and_keeps_the_input(admin_client_, org_tree):
    response = admin_client_.post(
        "/organisasi/kelola/",
        {
            "action": "unit",
            "unit-code": "sj.keu",
            "unit-name": "Biro lain",
            "unit-level": "eselon_2",
            "unit-parent": str(org_tree.root.pk),
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kode unit sj.keu sudah dipakai oleh SJ.KEU" in html
    assert 'value="Biro lain"' in html
