"""The one sentence rule every recognizer shares (``bijak.engine.sentences``)."""

from __future__ import annotations

import pytest

from bijak.engine.sentences import ends_between, spans


def _gap(text: str, left: str, right: str) -> bool:
    """Whether a sentence ends between the word ``left`` and the later word ``right``."""
    a = text.index(left) + len(left)
    return ends_between(text, a, text.index(right, a))


@pytest.mark.parametrize(
    ("text", "left", "right"),
    [
        ("Saya sudah periksa. Dokternya ramah", "periksa", "Dokternya"),
        ("Kenapa begini? Tolong dijawab", "begini", "Tolong"),
        ("Antre lama!!! Petugas cuek", "lama", "Petugas"),
        ("baris satu\nbaris dua", "satu", "baris dua"),
        ("Sudah ditangani... Terima kasih", "ditangani", "Terima"),
        ("Terima kasih pak. Besok saya datang", "pak", "Besok"),
    ],
)
def test_a_sentence_ends(text: str, left: str, right: str) -> None:
    assert _gap(text, left, right)


@pytest.mark.parametrize(
    ("text", "left", "right"),
    [
        ("Pasien dr. Rina sudah pulang", "Pasien", "Rina"),
        ("Rumahnya di Jl. Melati No. 12 RT 03", "di", "Melati"),
        ("Ny. S. dirawat di bangsal", "Ny", "dirawat"),
        ("Harganya Rp 1.500 per tablet", "Rp", "per"),
        ("Info di kemkes.go.id ya", "di", "ya"),
    ],
)
def test_an_abbreviation_a_number_or_a_domain_does_not_end_one(
    text: str, left: str, right: str
) -> None:
    assert not _gap(text, left, right)


def test_a_quotation_closing_mark_ends_a_sentence_only_when_asked() -> None:
    text = '"Dasar bodoh!" teriak pelaku'
    a, b = text.index("bodoh") + 5, text.index("teriak")
    assert ends_between(text, a, b)
    assert not ends_between(text, a, b, closing_quote=True)


def test_a_lower_case_word_after_a_stop_continues_only_when_asked() -> None:
    text = "Pasien an. siti, kamar no. 9. Besok pulang."
    assert [text[a:b].strip() for a, b in spans(text, lower_continues=True)] == [
        "Pasien an. siti, kamar no. 9.",
        "Besok pulang.",
    ]
    text = "Sudah sembuh. tapi masih lemas"
    assert len(spans(text)) == 2
    assert len(spans(text, lower_continues=True)) == 1


def test_spans_cover_the_text_without_gaps() -> None:
    text = "Satu. Dua?! Tiga\nEmpat dr. Lima"
    parts = spans(text)
    assert "".join(text[a:b] for a, b in parts) == text
    assert [text[a:b].strip() for a, b in parts] == ["Satu.", "Dua?!", "Tiga", "Empat dr. Lima"]
