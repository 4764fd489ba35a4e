"""Every input is checked against the column it goes to (issue 8, defects 7 and 10): an
over-long value or a NUL character gets a translated message, never a 500 on PostgreSQL, and
never a value stored past its model limit on SQLite."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from bijak.site.org.models import Employee, ImportBatch

pytestmark = pytest.mark.django_db

LONG_EMAIL = "a" * 250 + "@contoh.go.id"  # 263 characters; the column holds 254


def test_employee_form_refuses_an_email_longer_than_its_column(officer_client, employee):
    own = employee.employee
    response = officer_client.post(
        f"/organisasi/pegawai/{own.pk}/ubah/",
        {"name": "Sari Wulandari", "unit": own.unit_id, "position": "", "email": LONG_EMAIL},
    )
    assert response.status_code == 400
    assert (
        "Pastikan nilai ini mengandung paling banyak 254 karakter (sekarang 263 karakter)."
        in response.content.decode()
    )
    own.refresh_from_db()
    assert own.email == "sari@contoh.go.id"


def test_services_refuse_what_does_not_fit_their_columns(org_tree, employee):
    from bijak.site.org.services import employee_create, employee_update, orgunit_create

    with pytest.raises(ValidationError) as error:
        employee_update(
            actor=None,
            employee=employee.employee,
            name="N" * 201,
            unit=org_tree.keu,
            email=LONG_EMAIL,
        )
    assert error.value.messages == [
        "Kolom nama terlalu panjang: paling banyak 200 karakter, diisi 201.",
        "Kolom e-mail terlalu panjang: paling banyak 254 karakter, diisi 263.",
    ]
    with pytest.raises(ValidationError) as error:
        employee_create(actor=None, nip="199001012015011001", name="Budi\x00", unit=org_tree.keu)
    assert error.value.messages == ["Kolom nama berisi karakter NUL yang tidak diizinkan."]
    with pytest.raises(ValidationError):
        orgunit_create(
            actor=None, code="X" * 51, name="Unit", level="eselon_2", parent=org_tree.root
        )
    assert not Employee.objects.filter(nip="199001012015011001").exists()


def test_import_rows_too_long_or_with_nul_are_rejected_with_a_reason(officer):
    from bijak.site.org.services import employee_import_preview

    content = (
        "nip,nama,kode_unit,jabatan,email\n"
        f"199001012015011001,{'N' * 300},SJ.KPP,,a@contoh.go.id\n"
        f"199001012015011002,Budi,SJ.KPP,{'J' * 201},{LONG_EMAIL}\n"
        "199001012015011004,Dewi,SJ.KPP,,d@contoh.go.id\n"
    ).encode()
    batch = employee_import_preview(actor=officer, filename="p.csv", content=content)
    assert [(r["status"], r["errors"]) for r in batch.rows] == [
        ("rejected", ["Kolom nama terlalu panjang: paling banyak 200 karakter, diisi 300."]),
        (
            "rejected",
            [
                "Kolom jabatan terlalu panjang: paling banyak 200 karakter, diisi 201.",
                "Kolom e-mail terlalu panjang: paling banyak 254 karakter, diisi 263.",
            ],
        ),
        ("new", []),
    ]
    assert ImportBatch.objects.get(pk=batch.pk).rows[0]["data"]["nama"] == "N" * 300


def test_english_messages_for_column_limits(org_tree):
    from django.utils import translation

    from bijak.site.columns import column_problems

    with translation.override("en"):
        assert column_problems(Employee, name="N" * 201, position="\x00") == [
            "The field name is too long: at most 200 characters, 201 given.",
            "The field position contains a NUL character, which is not allowed.",
        ]


def test_a_nul_in_the_query_string_is_a_400_not_a_500(client_as, org_tree):
    from bijak.site.accounts.models import User

    boss = User.objects.create_superuser(username="root", password="x-unused-x", email="r@x.id")
    client = client_as(boss)
    assert client.get("/admin/policies/policyversion/?policy_id=%00").status_code == 400
    assert client.get("/admin/policies/policyversion/?policy_id=se-2438").status_code == 200
    assert client.get("/admin/policies/policyversion/?q=%00").status_code == 400
