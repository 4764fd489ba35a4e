"""Session 8: a health service's published contact points are not personal data, and a few
ordinary senses that the word rules took for harm. Every post is written by the bijak authors
for this test; names and numbers are invented."""

from __future__ import annotations

import pytest
from fa_checks import verdict

from bijak.engine import Pipeline


def _data(full: Pipeline, text: str) -> list[tuple[str, float]]:
    return [
        (str(f.meta.get("kind")), f.score)
        for f in full.analyze(text).findings
        if f.category == "data_pribadi"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nomor ambulans Puskesmas Wonorejo 24 jam: 0812-0000-4411. Simpan ya bapak ibu.",
        "Pengaduan layanan RSUD Sekar Arum bisa lewat WA 0813-0000-2290 atau kotak saran di lobi.",
        "Informasi: WA admin layanan 0811-0000-7070 (chat saja), Senin-Jumat.",
        # session 9: emergency lines, a number kept for the job, several lines in one post
        "Nomor darurat ambulans PSC 119 Kabupaten Tanjung Sari: 119 atau WA 0812-0000-5501. "
        "Simpan ya bapak ibu.",
        "Bidan desa Mekarsari sekarang punya nomor dinas: 0813-0000-2211, aktif 24 jam.",
        "Pendaftaran via WA 0857-0000-1101. Konsultasi gizi: 0857-0000-1102.",
    ],
)
def test_a_service_number_is_a_contact_point_kept_masked(full: Pipeline, text: str) -> None:
    report = full.analyze(text)
    assert verdict(report, "data_pribadi") == "aman"
    phones = [f for f in report.findings if f.meta.get("kind") == "kontak_layanan"]
    assert phones and all("0000" not in f.evidence for f in phones)  # still masked
    assert "0000" not in report.masked_text


def test_a_persons_number_is_still_personal_data(full: Pipeline) -> None:
    text = "Ini nomor HP pasien yang kabur dari bangsal, Pak Darmo: 0812-3456-7788. Telpon aja."
    assert verdict(full.analyze(text), "data_pribadi") != "aman"


def test_a_role_mailbox_is_not_personal_but_a_personal_one_is(full: Pipeline) -> None:
    assert _data(full, "Kirim aduan ke pengaduan@rsud-sekararum.example ya.") == []
    assert _data(full, "Kirim hasil labnya ke sinta.permata88@example.com aja.") == [
        ("email", 0.55)
    ]


def test_an_institutions_own_address_is_not_where_a_person_lives(full: Pipeline) -> None:
    text = "Tes HIV gratis di Puskesmas Kebon Jati, Jl. Kenari No. 5, setiap Senin-Jumat."
    assert _data(full, text) == []
    person = "Rumah Bu Sumini di Jl. Kenari No. 5 RT 02 RW 03, anaknya yang positif TB itu."
    assert verdict(full.analyze(person), "data_pribadi") == "langgar"


def test_a_phishing_warning_that_names_the_fields_is_not_a_leak(full: Pipeline) -> None:
    text = (
        "Beredar link yang meminta NIK, nama ibu kandung dan foto selfie dengan KTP untuk "
        "pemutakhiran data vaksin. Puskesmas tidak pernah meminta data lewat link."
    )
    assert _data(full, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Info slot praktik: dr. Nadia Larasati di poli anak cuma buka 20 slot per hari.",
        "Dapet slot operasi katarak buat bapak minggu depan, berasa menang jackpot wkwk.",
    ],
)
def test_a_slot_in_a_service_schedule_is_not_gambling(full: Pipeline, text: str) -> None:
    assert verdict(full.analyze(text), "perjudian") == "aman"


def test_a_slot_machine_is_still_gambling(full: Pipeline) -> None:
    text = "Slot dokter jaga penuh, tapi slot gacor di situs kami selalu ada, depo 10rb."
    assert verdict(full.analyze(text), "perjudian") != "aman"


def test_a_forward_answered_in_the_family_group_is_not_spreading_it(full: Pipeline) -> None:
    text = (
        "Ibu saya forward 'rebusan daun sirsak bisa menyembuhkan kanker, tidak perlu kemo'. "
        "Aku balas: bu, kemoterapi tetap harus lanjut sesuai jadwal dokter ya."
    )
    assert verdict(full.analyze(text), "hoaks") == "aman"


def test_advice_on_what_an_asn_should_not_show_off_is_not_flexing(full: Pipeline) -> None:
    text = "Buat teman ASN: pamer prestasi boleh, pamer tas mewah dan mobil baru mending jangan ya."
    assert verdict(full.analyze(text), "pamer") == "aman"


@pytest.mark.parametrize(
    "text",
    [
        "Tadi di poli VCT ketemu teman SMA, namanya Bayu, hasilnya reaktif. Sedih banget.",
        "Ada anak SMP datang ke poli KIA, namanya Ayu dari Kampung Legok, tespek positif.",
    ],
)
def test_a_name_given_with_namanya_next_to_a_result_is_patient_data(
    full: Pipeline, text: str
) -> None:
    report = full.analyze(text)
    assert verdict(report, "data_pribadi") == "langgar"
    assert "Bayu" not in report.masked_text and "Ayu " not in report.masked_text
