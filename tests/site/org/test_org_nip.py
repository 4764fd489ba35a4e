"""NIP decoding: table of (nip, expected messages)."""

import datetime as dt

import pytest

from bijak.site.org.nip import nip_check

TODAY = dt.date(2026, 11, 24)


def test_valid_nip_is_decoded():
    parts, errors = nip_check("198503152010121001", today=TODAY)
    assert errors == []
    assert parts is not None
    assert parts.birth_date == dt.date(1985, 3, 15)
    assert parts.appointed == (2010, 12)
    assert parts.sex == "L"
    assert parts.sequence == 1


@pytest.mark.parametrize(
    ("nip", "messages"),
    [
        ("", ["NIP wajib diisi."]),
        ("19850315201012100", ["NIP harus terdiri atas 18 digit angka (tertulis 17 karakter)."]),
        ("19850315201012100A", ["NIP harus terdiri atas 18 digit angka (tertulis 18 karakter)."]),
        ("198502302010121001", ["Tanggal lahir pada NIP (19850230) bukan tanggal yang sah."]),
        ("183503152010121001", ["Tahun lahir pada NIP (1835) tidak wajar: harus antara 1940 dan 2008."]),
        ("198503152010131001", ["Bulan pengangkatan pada NIP (13) tidak sah: harus 01 sampai 12."]),
        ("198503152030011001", ["Tanggal pengangkatan pada NIP (01/2030) ada di masa depan."]),
        ("198503152002121001",
         ["Pengangkatan pada NIP (12/2002) terjadi sebelum pegawai berumur 18 tahun."]),
        ("198503152010123001",
         ["Kode jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan), bukan 3."]),
        ("198503152010121000", ["Nomor urut pada NIP tidak boleh 000."]),
        ("198513452010005000", [
            "Tanggal lahir pada NIP (19851345) bukan tanggal yang sah.",
            "Bulan pengangkatan pada NIP (00) tidak sah: harus 01 sampai 12.",
            "Kode jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan), bukan 5.",
            "Nomor urut pada NIP tidak boleh 000.",
        ]),
    ],
)
def test_invalid_nip_gives_every_reason(nip, messages):
    parts, errors = nip_check(nip, today=TODAY)
    assert parts is None
    assert errors == messages


def test_female_and_spaces_allowed():
    parts, errors = nip_check("19900412 201503 2 001", today=TODAY)
    assert errors == []
    assert parts.sex == "P"
