"""The draft is shown escaped, with merged <mark> spans and personal data masked."""

from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bijak.site.checks.present import highlight, mask, merged_spans


def f(category, start, end, recognizer="bijak.lexicon.v1"):
    return {"category": category, "start": start, "end": end, "recognizer": recognizer}


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        ("halo semua", [], "halo semua"),
        (
            "dasar bodoh kau",
            [f("kata_kasar", 6, 11)],
            'dasar <mark data-categories="kata_kasar" title="kata_kasar">bodoh</mark> kau',
        ),
        # overlapping and touching spans merge, categories are joined
        (
            "abcdefghij",
            [f("a", 0, 4), f("b", 2, 6), f("c", 6, 8)],
            '<mark data-categories="a b c" title="a, b, c">abcdefgh</mark>ij',
        ),
        # spans out of range are clipped; empty spans ignored
        ("abc", [f("a", 2, 99), f("b", 1, 1)], 'ab<mark data-categories="a" title="a">c</mark>'),
        # a model's whole-text finding is not a word to mark
        ("teks utuh", [f("hoaks", 0, 9, "bijak.model.v1")], "teks utuh"),
    ],
)
def test_highlight_table(text, findings, expected):
    assert str(highlight(text, findings, {})) == expected


def test_highlight_escapes_html_and_script():
    text = '<script>alert("x")</script> <b>bodoh</b>'
    start = text.index("bodoh")
    html = str(highlight(text, [f("kata_kasar", start, start + 5)], {"kata_kasar": "Kata kasar"}))
    assert "<script>" not in html and "<b>" not in html
    assert html.startswith("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;")
    assert '<mark data-categories="kata_kasar" title="Kata kasar">bodoh</mark>&lt;/b&gt;' in html


def test_personal_data_is_masked_from_the_engine_masked_text():
    text = "NIK saya 3201234567890003 ya"
    masked = "NIK saya 3201********0003 ya"
    html = str(highlight(text, [f("data_pribadi", 9, 25)], {}, masked))
    assert "3201234567890003" not in html
    assert (
        '<mark data-categories="data_pribadi" title="data_pribadi">3201********0003</mark>' in html
    )


def test_personal_data_is_masked_here_without_masked_text():
    text = "hubungi 081234567890"
    html = str(highlight(text, [f("data_pribadi", 8, 20)], {}))
    assert "081234567890" not in html
    assert ">••••••••7890</mark>" in html
    assert mask("12-34") == "••-••" and mask("123-4567") == "•••-4567"


def test_merged_spans_are_sorted():
    spans = merged_spans("0123456789", [f("b", 6, 8), f("a", 0, 2)])
    assert [(s.start, s.end) for s in spans] == [(0, 2), (6, 8)]


@st.composite
def text_and_findings(draw):
    text = draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
    n = len(text)
    spans = draw(
        st.lists(
            st.tuples(
                st.integers(-3, n + 3),
                st.integers(-3, n + 3),
                st.sampled_from(["kata_kasar", "sara", "hoaks"]),
            ),
            max_size=6,
        )
    )
    return text, [f(cat, a, b) for a, b, cat in spans]


@given(text_and_findings())
@settings(max_examples=300, deadline=None)
def test_highlight_keeps_the_text_and_only_adds_marks(case):
    text, findings = case
    html = str(highlight(text, findings, {}))
    without_marks = re.sub(r'<mark data-categories="[^"]*" title="[^"]*">|</mark>', "", html)
    assert "<" not in without_marks and ">" not in without_marks
    assert unescape(without_marks) == text
    assert html.count("<mark") == html.count("</mark>") == len(merged_spans(text, findings))
