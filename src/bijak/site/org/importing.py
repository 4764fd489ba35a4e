"""Reading an employee file (CSV or XLSX) into checked rows. Pure reading: writes nothing.

Columns (header row required, any order, case-insensitive):
    nip, nama, kode_unit, jabatan, email      (jabatan may be empty)

`read_employee_file` raises `ImportFileError` for problems of the whole file (empty, too
large, not CSV/XLSX, not UTF-8, header missing or wrong) and otherwise returns every data row
with its own problems; `classify_rows` then marks each row new / update / unchanged / rejected.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from bijak.site.org.nip import nip_check

COLUMNS = ("nip", "nama", "kode_unit", "jabatan", "email")
REQUIRED = ("nip", "nama", "kode_unit", "email")
ALIASES = {
    "name": "nama",
    "nama_pegawai": "nama",
    "nama_lengkap": "nama",
    "unit": "kode_unit",
    "kode": "kode_unit",
    "unit_code": "kode_unit",
    "position": "jabatan",
    "e_mail": "email",
    "surel": "email",
    "alamat_email": "email",
}

STATUS_NEW = "new"
STATUS_UPDATE = "update"
STATUS_UNCHANGED = "unchanged"
STATUS_REJECTED = "rejected"


class ImportFileError(Exception):
    """A problem with the whole file; `message` is what the user reads (Indonesian source)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class RawRow:
    line: int
    cells: dict[str, str]
    errors: list[str] = field(default_factory=list)
    lossy: set[str] = field(default_factory=set)  # columns whose number lost digits in Excel


def _column_name(header: str) -> str:
    name = re.sub(r"[\s\-]+", "_", header.strip().lower())
    return ALIASES.get(name, name)


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return _("%(size).1f MB") % {"size": size / (1024 * 1024)}
    return _("%(size)d KB") % {"size": max(1, round(size / 1024))}


def _decode_csv(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig reports offsets after the byte-order mark it removed
        start = exc.start + (3 if content.startswith(b"\xef\xbb\xbf") else 0)
        line = content.count(b"\n", 0, start) + 1
        column = start - (content.rfind(b"\n", 0, start) + 1) + 1
        raise ImportFileError(
            _(
                "Berkas CSV bukan UTF-8: byte 0x%(byte)02X pada baris %(line)d, posisi %(column)d "
                'tidak dapat dibaca. Simpan ulang berkas sebagai "CSV UTF-8".'
            )
            % {"byte": content[start], "line": line, "column": column}
        ) from None


def _csv_rows(content: bytes) -> Iterable[tuple[int, list[str], set[int]]]:
    if b"\x00" in content or content.startswith(b"PK\x03\x04"):
        raise ImportFileError(_("Berkas ini bukan CSV teks; isinya data biner."))
    text = _decode_csv(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            yield reader.line_num, cells, set()
    except csv.Error as exc:
        raise ImportFileError(
            _("Berkas CSV rusak di baris %(line)d: %(error)s")
            % {"line": reader.line_num, "error": exc}
        ) from None


def _xlsx_cell(value: Any) -> tuple[str, bool]:
    """Cell text, and whether a number lost digits (Excel keeps only 15 significant digits)."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int):
        return str(value), False
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value)), abs(value) >= 1e15
        return repr(value), False
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10], False
    return str(value), False


XLSX_BROKEN = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    IndexError,
    OSError,
    EOFError,
    ValueError,
    TypeError,
    SyntaxError,
)
"""What openpyxl raises on a damaged workbook (XML parse errors are SyntaxError subclasses)."""
XLSX_UNPACKED_FACTOR = 25
"""An XLSX may unpack to at most this many times the upload limit (a "zip bomb" is refused
before any of it is read)."""


def _xlsx_unpacked_size(content: bytes) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportFileError(
            _("Berkas XLSX tidak dapat dibuka: berkasnya rusak atau bukan XLSX.")
        ) from None


def _xlsx_rows(content: bytes, max_bytes: int) -> Iterable[tuple[int, list[str], set[int]]]:
    import openpyxl

    unpacked, limit = _xlsx_unpacked_size(content), max_bytes * XLSX_UNPACKED_FACTOR
    if unpacked > limit:
        raise ImportFileError(
            _("Isi berkas XLSX terlalu besar setelah dibuka (%(size)s); batasnya %(limit)s.")
            % {"size": _human_size(unpacked), "limit": _human_size(limit)}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except XLSX_BROKEN:
        raise ImportFileError(
            _("Berkas XLSX tidak dapat dibuka: berkasnya rusak atau bukan XLSX.")
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for index, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells, lossy = [], set()
            for position, value in enumerate(values):
                text, lost = _xlsx_cell(value)
                cells.append(text)
                if lost:
                    lossy.add(position)
            while cells and not cells[-1].strip():
                cells.pop()
            rows.append((index, cells, lossy))
    except XLSX_BROKEN:  # a sheet whose XML is cut off or invalid is read lazily, here
        raise ImportFileError(
            _("Berkas XLSX tidak dapat dibuka: berkasnya rusak atau bukan XLSX.")
        ) from None
    finally:
        workbook.close()
    return rows


def too_large_error(*, size: int, limit: int) -> ImportFileError:
    return ImportFileError(
        _("Berkas terlalu besar (%(size)s); batasnya %(limit)s.")
        % {"size": _human_size(size), "limit": _human_size(limit)}
    )


def read_employee_file(*, filename: str, content: bytes, max_bytes: int) -> list[RawRow]:
    """Parse and check the columns of a file; raise ImportFileError for file-level problems."""
    if len(content) > max_bytes:
        raise too_large_error(size=len(content), limit=max_bytes)
    if not content.strip():
        raise ImportFileError(_("Berkas kosong."))
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension == "csv":
        source = _csv_rows(content)
    elif extension == "xlsx":
        source = _xlsx_rows(content, max_bytes)
    elif extension in {"xls", "ods"}:
        raise ImportFileError(
            _('Berkas .%(ext)s tidak didukung; simpan ulang sebagai XLSX atau "CSV UTF-8".')
            % {"ext": extension}
        )
    else:
        raise ImportFileError(_("Berkas harus berformat CSV atau XLSX."))

    header: list[str] | None = None
    rows: list[RawRow] = []
    for line, cells, lossy in source:
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [_column_name(c) for c in cells]
            _check_header(header)
            continue
        row = RawRow(line=line, cells={})
        if len(cells) != len(header):
            row.errors.append(
                _("Baris ini berisi %(found)d kolom, seharusnya %(expected)d.")
                % {"found": len(cells), "expected": len(header)}
            )
        for position, column in enumerate(header):
            row.cells[column] = cells[position].strip() if position < len(cells) else ""
            if position in lossy:
                row.lossy.add(column)
        rows.append(row)
    if header is None:
        raise ImportFileError(_("Berkas kosong."))
    if not rows:
        raise ImportFileError(_("Berkas tidak berisi baris data di bawah judul kolom."))
    return rows


def _check_header(header: list[str]) -> None:
    expected = ", ".join(COLUMNS)
    known = [c for c in header if c in COLUMNS]
    if not known:
        raise ImportFileError(
            _("Baris pertama harus berisi judul kolom: %(columns)s.") % {"columns": expected}
        )
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise ImportFileError(
            _("Kolom tidak dikenal: %(unknown)s. Kolom yang diterima: %(columns)s.")
            % {"unknown": ", ".join(c or _("(kosong)") for c in unknown), "columns": expected}
        )
    seen: set[str] = set()
    for column in header:
        if column in seen:
            raise ImportFileError(
                _("Kolom %(column)s muncul lebih dari sekali.") % {"column": column}
            )
        seen.add(column)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            _("Kolom wajib tidak ada: %(columns)s.") % {"columns": ", ".join(missing)}
        )


def check_rows(rows: list[RawRow], *, unit_codes: set[str]) -> None:
    """Add each row's own problems (empty fields, NIP, duplicates, unit, e-mail, what does not
    fit its database column) to `row.errors`."""
    from bijak.site.columns import column_problems
    from bijak.site.org.models import Employee

    first_line_of: dict[str, int] = {}
    for row in rows:
        data = row.cells
        for column, value in data.items():  # the preview is stored too: no NUL may stay
            if "\x00" in value:
                row.errors.append(
                    _("Kolom %(field)s berisi karakter NUL yang tidak diizinkan.")
                    % {"field": column}
                )
                data[column] = value.replace("\x00", "")
        row.errors.extend(
            column_problems(
                Employee,
                name=data.get("nama", ""),
                position=data.get("jabatan", ""),
                email=data.get("email", ""),
            )
        )
        for column in REQUIRED:
            if not data.get(column, ""):
                row.errors.append(_("Kolom %(column)s wajib diisi.") % {"column": column})
        nip = data.get("nip", "").replace(" ", "")
        data["nip"] = nip
        if nip and "nip" in row.lossy:
            row.errors.append(
                _(
                    "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya "
                    "hilang; format kolom NIP sebagai teks."
                )
            )
        elif nip:
            _parts, nip_errors = nip_check(nip)
            row.errors.extend(nip_errors)
            if nip in first_line_of:
                row.errors.append(
                    _("NIP %(nip)s sudah muncul di baris %(line)d.")
                    % {"nip": nip, "line": first_line_of[nip]}
                )
            else:
                first_line_of[nip] = row.line
        code = data.get("kode_unit", "")
        if code and code not in unit_codes:
            row.errors.append(_("Kode unit %(code)s tidak dikenal.") % {"code": code})
        email = data.get("email", "")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                row.errors.append(_("Alamat e-mail %(email)s tidak sah.") % {"email": email})


def row_values(data: dict[str, str]) -> dict[str, str]:
    return {column: data.get(column, "") for column in COLUMNS}
