"""NIP decoding: table of (nip, expected messages)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
        (
            "183503152010121001",
            ["Tahun lahir pada NIP (1835) tidak wajar: harus antara 1940 dan 2008."],
        ),
        ("198503152010131001", ["Bulan pengangkatan pada NIP (13) tidak sah: harus 01 sampai 12."]),
        ("198503152030011001", ["Tanggal pengangkatan pada NIP (01/2030) ada di masa depan."]),
        (
            "198503152002121001",
            ["Pengangkatan pada NIP (12/2002) terjadi sebelum pegawai berumur 18 tahun."],
        ),
        (
            "198503152010123001",
            ["Kode jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan), bukan 3."],
        ),
        ("198503152010121000", ["Nomor urut pada NIP tidak boleh 000."]),
        (
            "198513452010005000",
            [
                "Tanggal lahir pada NIP (19851345) bukan tanggal yang sah.",
                "Bulan pengangkatan pada NIP (00) tidak sah: harus 01 sampai 12.",
                "Kode jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan), bukan 5.",
                "Nomor urut pada NIP tidak boleh 000.",
            ],
        ),
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


@given(st.text(max_size=30))
def test_nip_check_never_raises(value):
    parts, errors = nip_check(value, today=TODAY)
    assert (parts is None) == bool(errors)


@given(
    st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(1985, 12, 31)),
    st.integers(min_value=18, max_value=35),
    st.integers(min_value=1, max_value=12),
    st.sampled_from("12"),
    st.integers(min_value=1, max_value=999),
)
def test_well_formed_nips_decode_to_their_parts(birth, age, month, sex, seq):
    year = birth.year + age + 1
    nip = f"{birth:%Y%m%d}{year:04d}{month:02d}{sex}{seq:03d}"
    parts, errors = nip_check(nip, today=TODAY)
    assert errors == []
    assert (parts.birth_date, parts.appointed, parts.sequence) == (birth, (year, month), seq)
    assert parts.sex == ("L" if sex == "1" else "P")
