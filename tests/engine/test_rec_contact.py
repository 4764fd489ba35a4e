"""bijak.phone.v1, bijak.email.v1, bijak.npwp.v1, bijak.bpjs_card.v1: spans and masking."""

from __future__ import annotations

import pytest
from engine_helpers import run, span_of

from bijak.engine.recognizers.bpjs_card import BARE_SCORE, CONTEXT_SCORE
from bijak.engine.recognizers.bpjs_card import make_bpjs_card_recognizer as BpjsCardRecognizer
from bijak.engine.recognizers.email import make_email_recognizer as EmailRecognizer
from bijak.engine.recognizers.npwp import make_npwp_recognizer as NpwpRecognizer
from bijak.engine.recognizers.phone import make_phone_recognizer as PhoneRecognizer

PHONES = [
    ("hubungi 081234567890 ya", "081234567890", "0812*****890"),
    ("WA +62 812-3456-7890", "+62 812-3456-7890", "+62 81*-****-*890"),
    ("nomor 6281234567890.", "6281234567890", "6281******890"),
    ("telp 0812 3456 789", "0812 3456 789", "0812 **** 789"),
]


@pytest.mark.parametrize(("text", "piece", "masked"), PHONES)
def test_phone_numbers(text, piece, masked):
    (f,) = run(PhoneRecognizer(), text)
    assert (f.start, f.end) == span_of(text, piece)
    assert f.evidence == masked
    assert f.category == "data_pribadi"


@pytest.mark.parametrize(
    "text",
    ["harga 0812", "tahun 2024 bulan 08", "kode 08123", "nomor 021-5201590", "08123456789012345"],
)
def test_not_phone_numbers(text):
    assert run(PhoneRecognizer(), text) == []


def test_policy_channel_numbers_are_allowed():
    rec = PhoneRecognizer(allow=["0811-9224-545"])
    assert run(rec, "lapor ke WA 0811-9224-545") == []
    assert len(run(rec, "lapor ke WA 0811-9224-546")) == 1


def test_the_circulars_own_whatsapp_line_is_not_personal_data(pipeline):
    report = pipeline.analyze("Lapor hoaks ke WhatsApp 0811-9224-545 ya")
    assert [f for f in report.findings if f.category == "data_pribadi"] == []


EMAILS = [
    ("kirim ke budi.santoso@gmail.com ya", "budi.santoso@gmail.com", "b***********@gmail.com"),
    ("email: a_b+c@mail.co.id", "a_b+c@mail.co.id", "a****@mail.co.id"),
]


@pytest.mark.parametrize(("text", "piece", "masked"), EMAILS)
def test_emails(text, piece, masked):
    (f,) = run(EmailRecognizer(), text)
    assert (f.start, f.end) == span_of(text, piece)
    assert f.evidence == masked


@pytest.mark.parametrize("text", ["aduan ke aduankonten@mail.kominfo.go.id", "@kemenkes_ri", "a@b"])
def test_institutional_addresses_and_handles_are_not_personal_emails(text):
    assert run(EmailRecognizer(), text) == []


NPWPS = [
    ("NPWP 01.234.567.8-901.234", "01.234.567.8-901.234", "01.***.***.*-***.234"),
    ("npwp: 012345678901234", "012345678901234", "01**********234"),
]


@pytest.mark.parametrize(("text", "piece", "masked"), NPWPS)
def test_npwp(text, piece, masked):
    (f,) = run(NpwpRecognizer(), text)
    assert (f.start, f.end) == span_of(text, piece)
    assert f.evidence == masked


def test_bare_15_digits_without_the_word_npwp_are_not_npwp():
    assert run(NpwpRecognizer(), "kode 012345678901234") == []


BPJS = [
    ("no kartu BPJS 0001234567890", "0001234567890", CONTEXT_SCORE),
    ("KIS saya 0001234567890", "0001234567890", CONTEXT_SCORE),
    ("angka 0001234567890 ini apa", "0001234567890", BARE_SCORE),
]


@pytest.mark.parametrize(("text", "piece", "score"), BPJS)
def test_bpjs_card(text, piece, score):
    (f,) = run(BpjsCardRecognizer(), text)
    assert (f.start, f.end) == span_of(text, piece)
    assert f.score == score
    assert f.evidence == "000*******890"


@pytest.mark.parametrize("text", ["BPJS 1001234567890", "BPJS 00012345678901", "BPJS itu 000"])
def test_not_bpjs_card(text):
    assert run(BpjsCardRecognizer(), text) == []


def test_masks_keep_the_length_and_hide_letters_and_digits():
    """`bijak.engine.masking` directly: what each mask shows and hides (offsets in a masked
    text stay those of the original)."""
    from bijak.engine.masking import mask_digits, mask_email, mask_value

    assert mask_value("3201234567890003") == "3201********0003"
    assert mask_value("0812-3456-7890") == "0812-****-7890"
    # too short to show four at each end: a quarter of the characters at each end
    assert mask_value("12345678") == "12****78"
    assert mask_value("abc") == "***"
    assert mask_value("3201234567890003", 0, 0) == "*" * 16
    assert mask_digits("RT 03/RW 05") == "RT **/RW **"
    assert mask_email("budi.santoso@mail.com") == "b***********@mail.com"
    # no @: the first character shows, the rest is hidden
    assert mask_email("budisantoso") == "b**********"
