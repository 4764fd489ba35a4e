"""Properties that hold for any input: normalize never raises and its offsets stay in bounds."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from bijak.engine.normalize import NormalizedText, normalize

# Any code point, lone surrogates and control characters included, biased towards the
# characters the normaliser treats specially.
_SPECIAL = (
    "gacorslot 4301579@$!.-_ \u200b\u200d\u00ad\ufe0f\u20e3\u0336🎰💰😂🏽#@ｇ𝐠ⓖ🅶ᴍаορ\n\t\x00\ud800"
)
_ANY_CHAR = st.one_of(
    st.characters(codec=None, categories=None),
    st.sampled_from(_SPECIAL),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
)
# Pieces that exercise each rule, glued by random separators.
_PIECES = [
    "gpp",
    "anak2",
    "nyokap2",
    "gk",
    "yg",
    "s l o t",
    "s.l.o.t",
    "g4c0r",
    "sl0t88",
    "bangeeet",
    "maaaf",
    "wkwkwk",
    "🎰",
    "💰",
    "😂",
    "❤️",
    "#SlotGacor",
    "#judol",
    "@user",
    "a@b.co",
    "https://x.co/a",
    "bit.ly/x",
    "Rp1.000",
    "0811-9224-545",
    "24",
    "jam",
    "ｇａｃｏｒ",
    "𝐠𝐚𝐜𝐨𝐫",
    "\u200b",
    "\u0336",
    "P͎U͎L͎",
    "emoji_slot",
    "x",
    "5",
    "░",
    "【a】",
]
_GLUE = st.sampled_from(["", " ", "  ", ".", "-", "_", "\u200b", ",", "\n"])
_PIECED = st.lists(st.tuples(st.sampled_from(_PIECES), _GLUE), max_size=12).map(
    lambda parts: "".join(p + g for p, g in parts)
)
_TEXTS = st.one_of(
    st.text(_ANY_CHAR, max_size=80), st.text(st.sampled_from(_SPECIAL), max_size=80), _PIECED
)


def _assert_consistent(doc: NormalizedText, text: str) -> None:
    n, on = len(doc.text), len(text)
    assert doc.original is text or doc.original == text
    prev_start = 0
    for tok in doc.tokens:
        assert 0 <= tok.start <= tok.end <= n
        assert 0 <= tok.ostart <= tok.oend <= on
        assert tok.ostart >= prev_start
        prev_start = tok.ostart
        assert tok.text
        assert doc.text[tok.start : tok.end] == tok.text
        assert doc.to_original(tok.start, tok.end) == (tok.ostart, tok.oend)
    for s, e in ((0, n), (0, 0), (n, n), (n // 3, n // 2), (-1, n + 5)):
        os_, oe = doc.to_original(s, e)
        assert 0 <= os_ <= oe <= on


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_normalize_never_raises_and_offsets_stay_in_bounds(text: str) -> None:
    _assert_consistent(normalize(text), text)


@settings(max_examples=100, deadline=None)
@given(_TEXTS, st.integers(-3, 100), st.integers(-3, 100))
def test_to_original_of_any_span_is_in_bounds_and_ordered(text: str, a: int, b: int) -> None:
    doc = normalize(text)
    s, e = doc.to_original(a, b)
    assert 0 <= s <= e <= len(text)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_to_original_is_monotone(text: str) -> None:
    doc = normalize(text)
    ends = [doc.to_original(0, i)[1] for i in range(len(doc.text) + 1)]
    assert ends == sorted(ends)


def test_one_megabyte_of_mixed_text() -> None:
    chunk = "G4C0R bgt!! s l o t 🎰 \u200b 3201234567890001 https://x.co/a #SlotGacor ｇａｃｏｒ\ud800\x00 "
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    doc = normalize(text)
    _assert_consistent(doc, text)
    assert len(doc.tokens) > 100_000


def test_one_megabyte_of_digits_and_of_single_letters() -> None:
    for text in ("7" * 1_000_000, "a " * 500_000, "a." * 500_000, "\u200b" * 1_000_000):
        _assert_consistent(normalize(text), text)


ADVERSARIAL_UNITS = ["ab.", "ab-", "a1.", "ab+", "ab%", "1.", "1.1x", " ", " !", "ab@", "@a.", "#a"]
ADVERSARIAL_UNITS += ["a_", "ab/", "www.", "a:", "ab 1.1x1 ", "1-1a", "a b ", "aaab", "s.l0t "]


def test_tokenizer_stays_linear_on_adversarial_runs() -> None:
    # A guard against regex backtracking that grows with the square of the input: each of
    # these 60 kB texts once took minutes; linear scanning takes well under a second each.
    # The bound is loose on purpose (a shared CI machine), it only catches a blow-up.
    start = time.process_time()
    for unit in ADVERSARIAL_UNITS:
        text = unit * (60_000 // len(unit)) + "!"
        _assert_consistent(normalize(text), text)
    assert time.process_time() - start < 60
