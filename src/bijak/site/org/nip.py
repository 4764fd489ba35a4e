"""NIP (Nomor Induk Pegawai) of a civil servant: 18 digits.

    yyyymmdd  birth date
    yyyymm    appointment (TMT CPNS) year and month
    s         sex: 1 male, 2 female
    nnn       sequence number, never 000

`nip_check` answers the decoded parts, or the list of every problem found, in Indonesian.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

MIN_BIRTH_YEAR = 1940
MIN_AGE_AT_APPOINTMENT = 18


@dataclass(frozen=True)
class NipParts:
    nip: str
    birth_date: dt.date
    appointed: tuple[int, int]  # (year, month)
    sex: str  # "L" or "P"
    sequence: int


def nip_check(value: str, *, today: dt.date | None = None) -> tuple[NipParts | None, list[str]]:
    """Decode a NIP. Returns (parts, []) when valid, else (None, [reasons in Indonesian])."""
    today = today or timezone.localdate()
    nip = (value or "").strip().replace(" ", "")
    if not nip:
        return None, [_("NIP wajib diisi.")]
    if len(nip) != 18 or not nip.isascii() or not nip.isdigit():
        return None, [
            _("NIP harus terdiri atas 18 digit angka (tertulis %(count)d karakter).")
            % {"count": len(nip)}
        ]
    errors: list[str] = []
    birth: dt.date | None = None
    b_year, b_month, b_day = int(nip[0:4]), int(nip[4:6]), int(nip[6:8])
    try:
        birth = dt.date(b_year, b_month, b_day)
    except ValueError:
        errors.append(
            _("Tanggal lahir pada NIP (%(value)s) bukan tanggal yang sah.") % {"value": nip[0:8]}
        )
    latest_birth_year = today.year - MIN_AGE_AT_APPOINTMENT
    if birth is not None and not (MIN_BIRTH_YEAR <= b_year <= latest_birth_year):
        errors.append(
            _("Tahun lahir pada NIP (%(year)d) tidak wajar: harus antara %(low)d dan %(high)d.")
            % {"year": b_year, "low": MIN_BIRTH_YEAR, "high": latest_birth_year}
        )
        birth = None
    a_year, a_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= a_month <= 12:
        errors.append(
            _("Bulan pengangkatan pada NIP (%(value)s) tidak sah: harus 01 sampai 12.")
            % {"value": nip[12:14]}
        )
    elif (a_year, a_month) > (today.year, today.month):
        errors.append(
            _("Tanggal pengangkatan pada NIP (%(month)s/%(year)d) ada di masa depan.")
            % {"month": nip[12:14], "year": a_year}
        )
    elif birth is not None:
        age_months = (a_year - birth.year) * 12 + (a_month - birth.month)
        if age_months < MIN_AGE_AT_APPOINTMENT * 12:
            errors.append(
                _(
                    "Pengangkatan pada NIP (%(month)s/%(year)d) terjadi sebelum pegawai berumur %(age)d tahun."
                )
                % {"month": nip[12:14], "year": a_year, "age": MIN_AGE_AT_APPOINTMENT}
            )
    sex = nip[14]
    if sex not in "12":
        errors.append(
            _(
                "Kode jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan), bukan %(digit)s."
            )
            % {"digit": sex}
        )
    if nip[15:18] == "000":
        errors.append(_("Nomor urut pada NIP tidak boleh 000."))
    if errors or birth is None:
        return None, errors
    return NipParts(
        nip=nip,
        birth_date=birth,
        appointed=(a_year, a_month),
        sex="L" if sex == "1" else "P",
        sequence=int(nip[15:18]),
    ), []
