"""Writes to the organisation: keyword-only, typed, one transaction each, each audited."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bijak.site.audit.services import audit_record
from bijak.site.columns import check_columns
from bijak.site.org.importing import (
    COLUMNS,
    STATUS_NEW,
    STATUS_REJECTED,
    STATUS_UNCHANGED,
    STATUS_UPDATE,
    check_rows,
    read_employee_file,
    row_values,
)
from bijak.site.org.models import (
    ORG_WIDE_ROLES,
    Employee,
    ImportBatch,
    Level,
    OrgUnit,
    Role,
    RoleAssignment,
)
from bijak.site.org.nip import nip_check

LEVEL_ORDER = [Level.ESELON_1, Level.ESELON_2, Level.ESELON_3, Level.ESELON_4]


def _check_unit_placement(
    *, level: str, parent: OrgUnit | None, unit: OrgUnit | None = None
) -> None:
    if level not in Level.values:
        raise ValidationError(_("Tingkat unit tidak dikenal."))
    if parent is None:
        return
    if LEVEL_ORDER.index(Level(level)) <= LEVEL_ORDER.index(Level(parent.level)):
        raise ValidationError(_("Unit induk harus berada pada eselon yang lebih tinggi."))
    if unit is not None:
        node: OrgUnit | None = parent
        while node is not None:
            if node.pk == unit.pk:
                raise ValidationError(_("Unit tidak boleh menjadi induk bagi dirinya sendiri."))
            node = node.parent


@transaction.atomic
def orgunit_create(
    *, actor: Any | None, code: str, name: str, level: str, parent: OrgUnit | None = None
) -> OrgUnit:
    code = code.strip()
    if not code or not name.strip():
        raise ValidationError(_("Kode dan nama unit wajib diisi."))
    check_columns(OrgUnit, code=code, name=name.strip())
    taken = OrgUnit.objects.filter(code__iexact=code).first()
    if taken is not None:
        raise ValidationError(
            _(
                "Kode unit %(code)s sudah dipakai oleh %(unit)s (huruf besar dan kecil dianggap sama)."
            )
            % {"code": code, "unit": f"{taken.code} — {taken.name}"}
        )
    _check_unit_placement(level=level, parent=parent)
    unit = OrgUnit.objects.create(code=code, name=name.strip(), level=level, parent=parent)
    audit_record(
        actor=actor,
        action="orgunit.create",
        target_type="org.OrgUnit",
        target_id=unit.pk,
        data={
            "code": code,
            "name": unit.name,
            "level": level,
            "parent": parent.code if parent else None,
        },
    )
    return unit


@transaction.atomic
def orgunit_update(
    *, actor: Any | None, unit: OrgUnit, name: str, level: str, parent: OrgUnit | None
) -> OrgUnit:
    if not name.strip():
        raise ValidationError(_("Kode dan nama unit wajib diisi."))
    check_columns(OrgUnit, name=name.strip())
    _check_unit_placement(level=level, parent=parent, unit=unit)
    before = {
        "name": unit.name,
        "level": unit.level,
        "parent": unit.parent.code if unit.parent else None,
    }
    unit.name, unit.level, unit.parent = name.strip(), level, parent
    unit.save(update_fields=["name", "level", "parent"])
    audit_record(
        actor=actor,
        action="orgunit.update",
        target_type="org.OrgUnit",
        target_id=unit.pk,
        data={
            "code": unit.code,
            "before": before,
            "after": {"name": unit.name, "level": level, "parent": parent.code if parent else None},
        },
    )
    return unit


@transaction.atomic
def employee_create(
    *,
    actor: Any | None,
    nip: str,
    name: str,
    unit: OrgUnit,
    position: str = "",
    email: str = "",
    user: Any | None = None,
) -> Employee:
    _parts, errors = nip_check(nip)
    if errors:
        raise ValidationError(errors)
    check_columns(Employee, name=name, position=position, email=email)
    if Employee.objects.filter(nip=nip).exists():
        raise ValidationError(_("NIP %(nip)s sudah terdaftar.") % {"nip": nip})
    employee = Employee.objects.create(
        nip=nip, name=name, unit=unit, position=position, email=email, user=user
    )
    audit_record(
        actor=actor,
        action="employee.create",
        target_type="org.Employee",
        target_id=employee.pk,
        data={"nip": nip, "unit": unit.code, "user": getattr(user, "username", None)},
    )
    return employee


@transaction.atomic
def employee_update(
    *,
    actor: Any | None,
    employee: Employee,
    name: str,
    unit: OrgUnit,
    position: str = "",
    email: str = "",
) -> Employee:
    if not name.strip():
        raise ValidationError(_("Nama pegawai wajib diisi."))
    check_columns(Employee, name=name.strip(), position=position.strip(), email=email.strip())
    before = {
        "nama": employee.name,
        "kode_unit": employee.unit.code,
        "jabatan": employee.position,
        "email": employee.email,
    }
    employee.name, employee.unit = name.strip(), unit
    employee.position, employee.email = position.strip(), email.strip()
    employee.save(update_fields=["name", "unit", "position", "email"])
    after = {
        "nama": employee.name,
        "kode_unit": unit.code,
        "jabatan": employee.position,
        "email": employee.email,
    }
    changed = {k: {"before": before[k], "after": after[k]} for k in before if before[k] != after[k]}
    audit_record(
        actor=actor,
        action="employee.update",
        target_type="org.Employee",
        target_id=employee.pk,
        data={"nip": employee.nip, "changes": changed},
    )
    return employee


@transaction.atomic
def role_assign(
    *, actor: Any | None, user: Any, role: str, unit: OrgUnit | None = None
) -> RoleAssignment:
    if role not in Role.values:
        raise ValidationError(_("Peran tidak dikenal."))
    if unit is None and role not in ORG_WIDE_ROLES:
        raise ValidationError(_("Peran ini harus diberikan untuk sebuah unit."))
    assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
    if created:
        audit_record(
            actor=actor,
            action="role.assign",
            target_type="org.RoleAssignment",
            target_id=assignment.pk,
            data={"user": user.username, "role": role, "unit": unit.code if unit else None},
        )
    if hasattr(user, "_bijak_grants"):
        del user._bijak_grants
    return assignment


@transaction.atomic
def role_revoke(*, actor: Any | None, assignment: RoleAssignment) -> None:
    data = {
        "user": assignment.user.username,
        "role": assignment.role,
        "unit": assignment.unit.code if assignment.unit else None,
    }
    target_id = assignment.pk
    assignment.delete()
    audit_record(
        actor=actor,
        action="role.revoke",
        target_type="org.RoleAssignment",
        target_id=target_id,
        data=data,
    )


# --- employee import -----------------------------------------------------------------------

IMPORT_MODE_VALID_ONLY = "valid_only"
IMPORT_MODE_ALL_OR_NOTHING = "all_or_nothing"
IMPORT_READ_CHUNK = 1000  # NIPs per `IN (...)` lookup while previewing


def _employee_values(employee: Employee) -> dict[str, str]:
    return {
        "nip": employee.nip,
        "nama": employee.name,
        "kode_unit": employee.unit.code,
        "jabatan": employee.position,
        "email": employee.email,
    }


def employee_import_preview(*, actor: Any, filename: str, content: bytes) -> ImportBatch:
    """Parse an uploaded file into a pending ImportBatch; writes no employee.

    Parsing and checking run outside any transaction (on SQLite a transaction holds the write
    lock, so a large file would block every other writer); only the batch row and its audit
    entry are written, in one short transaction. Raises ImportFileError for problems of the
    whole file.
    """
    from django.conf import settings

    from bijak.site.org.access import units_changeable_by

    rows = read_employee_file(
        filename=filename, content=content, max_bytes=settings.BIJAK_IMPORT_MAX_BYTES
    )
    unit_codes = set(units_changeable_by(actor).values_list("code", flat=True))
    check_rows(rows, unit_codes=unit_codes)
    nips = [r.cells["nip"] for r in rows if r.cells.get("nip")]
    existing: dict[str, Employee] = {}
    for start in range(0, len(nips), IMPORT_READ_CHUNK):  # bounded IN (...) lists
        existing.update(
            (e.nip, e)
            for e in Employee.objects.select_related("unit").filter(
                nip__in=nips[start : start + IMPORT_READ_CHUNK]
            )
        )
    stored = []
    for row in rows:
        values = row_values(row.cells)
        changes: list[str] = []
        before: dict[str, str] = {}
        if row.errors:
            status = STATUS_REJECTED
        elif values["nip"] in existing:
            if existing[values["nip"]].unit.code not in unit_codes:
                row.errors.append(
                    _("NIP %(nip)s milik pegawai di unit di luar wewenang Anda.")
                    % {"nip": values["nip"]}
                )
                status = STATUS_REJECTED
            else:
                stored_values = _employee_values(existing[values["nip"]])
                changes = [c for c in COLUMNS if stored_values[c] != values[c]]
                before = {c: stored_values[c] for c in changes}
                status = STATUS_UPDATE if changes else STATUS_UNCHANGED
        else:
            status = STATUS_NEW
        stored.append(
            {
                "line": row.line,
                "data": values,
                "status": status,
                "errors": row.errors,
                "changes": changes,
                "before": before,
            }
        )
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            created_by=actor,
            filename=filename[:255],
            sha256=hashlib.sha256(content).hexdigest(),
            rows=stored,
        )
        audit_record(
            actor=actor,
            action="employee.import_preview",
            target_type="org.ImportBatch",
            target_id=batch.pk,
            data={
                "filename": batch.filename,
                "sha256": batch.sha256,
                "counts": import_counts(batch),
            },
        )
    return batch


def import_counts(batch: ImportBatch) -> dict[str, int]:
    counts = {STATUS_NEW: 0, STATUS_UPDATE: 0, STATUS_UNCHANGED: 0, STATUS_REJECTED: 0}
    for row in batch.rows:
        counts[row["status"]] += 1
    return counts


class ImportRefused(Exception):
    """All-or-nothing was asked and the file has rejected rows: nothing was written."""


def employee_import_confirm(
    *, actor: Any, batch: ImportBatch, mode: str = IMPORT_MODE_VALID_ONLY
) -> dict[str, int]:
    """Write every valid row of a pending batch; match employees on NIP.

    mode "valid_only": rejected rows are skipped (they stay listed on the batch);
    mode "all_or_nothing": if any row was rejected, raise ImportRefused and write nothing.

    The batch is first claimed (pending -> applying) in a short transaction, so it is applied
    once; the rows are then written in transactions of at most `BIJAK_IMPORT_WRITE_BATCH` rows,
    each with its own audit entry, so other users' writes go in between. Each chunk re-reads
    the employees it touches, so if a chunk fails the batch goes back to pending and confirming
    it again finishes the job without writing anything twice.
    """
    from django.conf import settings

    from bijak.site.org.access import units_changeable_by

    if mode not in (IMPORT_MODE_VALID_ONLY, IMPORT_MODE_ALL_OR_NOTHING):
        raise ValidationError(_("Cara impor tidak dikenal."))
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportBatch.Status.PENDING:
            raise ValidationError(_("Impor ini sudah diproses; unggah berkasnya lagi bila perlu."))
        counts = import_counts(batch)
        if mode == IMPORT_MODE_ALL_OR_NOTHING and counts[STATUS_REJECTED]:
            raise ImportRefused(
                _(
                    "Tidak ada yang diimpor: %(count)d baris ditolak dan Anda memilih semua atau "
                    "tidak sama sekali. Perbaiki berkasnya lalu unggah lagi."
                )
                % {"count": counts[STATUS_REJECTED]}
            )
        units = {u.code: u for u in units_changeable_by(actor)}
        valid = [r for r in batch.rows if r["status"] != STATUS_REJECTED]
        for row in valid:  # the unit was removed or moved out of reach since the preview
            if row["data"]["kode_unit"] not in units:
                raise ValidationError(
                    _("Kode unit %(code)s tidak dikenal.") % {"code": row["data"]["kode_unit"]}
                )
        ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.APPLYING)
    size = max(1, int(settings.BIJAK_IMPORT_WRITE_BATCH))
    created: list[str] = []
    updated: list[str] = []
    unchanged = 0
    try:
        for start in range(0, len(valid), size):
            chunk_created, chunk_updated, chunk_unchanged = _import_write_chunk(
                actor=actor, batch=batch, rows=valid[start : start + size], units=units
            )
            created += chunk_created
            updated += chunk_updated
            unchanged += chunk_unchanged
    except BaseException:
        ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.PENDING)
        raise
    result = {
        "created": len(created),
        "updated": len(updated),
        "unchanged": unchanged,
        "rejected": counts[STATUS_REJECTED],
    }
    with transaction.atomic():
        batch.status = ImportBatch.Status.APPLIED
        batch.applied_at = timezone.now()
        batch.result = result
        batch.save(update_fields=["status", "applied_at", "result"])
        audit_record(
            actor=actor,
            action="employee.import",
            target_type="org.ImportBatch",
            target_id=batch.pk,
            data={
                "filename": batch.filename,
                "sha256": batch.sha256,
                "mode": mode,
                **result,
                "created_nips": created,
                "updated_nips": updated,
            },
        )
    return result


@transaction.atomic
def _import_write_chunk(
    *, actor: Any, batch: ImportBatch, rows: list[dict[str, Any]], units: dict[str, OrgUnit]
) -> tuple[list[str], list[str], int]:
    """Write one bounded chunk of import rows in one transaction, with its audit entry."""
    existing = {
        e.nip: e
        for e in Employee.objects.select_for_update()
        .select_related("unit")
        .filter(nip__in=[r["data"]["nip"] for r in rows])
    }
    new: list[Employee] = []
    changed: list[Employee] = []
    unchanged = 0
    for row in rows:
        data = row["data"]
        unit = units[data["kode_unit"]]
        employee = existing.get(data["nip"])
        if employee is None:
            employee = Employee(
                nip=data["nip"],
                name=data["nama"],
                unit=unit,
                position=data["jabatan"],
                email=data["email"],
            )
            existing[data["nip"]] = employee
            new.append(employee)
            continue
        if _employee_values(employee) == data:
            unchanged += 1
            continue
        employee.name, employee.unit = data["nama"], unit
        employee.position, employee.email = data["jabatan"], data["email"]
        changed.append(employee)
    Employee.objects.bulk_create(new)
    Employee.objects.bulk_update(changed, ["name", "unit", "position", "email"])
    created_nips, updated_nips = [e.nip for e in new], [e.nip for e in changed]
    if created_nips or updated_nips:
        audit_record(
            actor=actor,
            action="employee.import_rows",
            target_type="org.ImportBatch",
            target_id=batch.pk,
            data={"created_nips": created_nips, "updated_nips": updated_nips},
        )
    return created_nips, updated_nips, unchanged
