"""Table-driven tests of the normaliser's rules: normalised text and exact original spans."""

from __future__ import annotations

import pytest

from bijak.engine.normalize import NORMALIZER_VERSION, NormalizedText, Token, fold, normalize

# (input, expected normalised text, expected tokens as (token text, ostart, oend))
Case = tuple[str, str, list[tuple[str, int, int]]]


def _check(text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]) -> None:
    doc = normalize(text)
    assert doc.original == text
    assert doc.text == expected_text
    assert [(t.text, t.ostart, t.oend) for t in doc.tokens] == expected_tokens
    for tok in doc.tokens:
        # the token's span in the normalised text holds its text, and maps back to its origin
        assert doc.text[tok.start : tok.end] == tok.text
        assert doc.to_original(tok.start, tok.end) == (tok.ostart, tok.oend)


CASE_FOLDING: list[Case] = [
    ("Slot GACOR", "slot gacor", [("slot", 0, 4), ("gacor", 5, 10)]),
    ("ｇａｃｏｒ", "gacor", [("gacor", 0, 5)]),  # full-width
    ("𝐠𝐚𝐜𝐨𝐫 𝓼𝓵𝓸𝓽", "gacor slot", [("gacor", 0, 5), ("slot", 6, 10)]),  # math bold, script
    ("ⓖⓐⓒⓞⓡ", "gacor", [("gacor", 0, 5)]),  # circled
    ("🅶🅰🅲🅾🆁", "gacor", [("gacor", 0, 5)]),  # negative squared
    ("🄶🄰🄲🄾🅁", "gacor", [("gacor", 0, 5)]),  # squared
    ("ᴍᴀxᴡɪɴ", "maxwin", [("maxwin", 0, 6)]),  # small capitals
    ("ѕlоt", "slot", [("slot", 0, 4)]),  # Cyrillic dze and o
    ("ρüℓAυ777", "pulau777", [("pulau777", 0, 8)]),  # Greek rho/upsilon, accent, script l
    ("ğacor", "gacor", [("gacor", 0, 5)]),  # accent stripped
    ("ΤΟΤΟ 𝟰𝗗", "toto 4d", [("toto", 0, 4), ("4d", 5, 7)]),  # Greek capitals, math digit
    ("ᑭᑌᒪᗩᑌᗯᎥᑎ", "pulauwin", [("pulauwin", 0, 8)]),  # Canadian syllabics, Cherokee
    ("ꓑꓴꓡꓮꓴ λxl", "pulau axl", [("pulau", 0, 5), ("axl", 6, 9)]),  # Lisu, Greek lambda
    ("AEЯO88", "aero88", [("aero88", 0, 6)]),  # Cyrillic ya as a reversed R
    ("𝐏𝐑0𝐁𝐄𐊗 mᥲᥒtᥲp", "probet mantap", [("probet", 0, 6), ("mantap", 7, 13)]),  # Lycian, Tai Le
    ("＠ｕｓｅｒ！", "@user!", [("@user", 0, 5)]),  # full-width punctuation too
]

INVISIBLE: list[Case] = [
    ("sl\u200bot", "slot", [("slot", 0, 5)]),
    ("ga\u00adc\u2060or", "gacor", [("gacor", 0, 7)]),
    ("\ufeffjudi", "judi", [("judi", 1, 5)]),
    ("P\u034eU\u034eL\u034eA\u034eU\u034e", "pulau", [("pulau", 0, 10)]),  # decorating marks
    ("ma\u0336x\u0336win", "maxwin", [("maxwin", 0, 8)]),  # strike-through marks
    ("4\ufe0f\u20e3D", "4d", [("4d", 0, 4)]),  # keycap digit
    ("a\u200d\u200cb", "ab", [("ab", 0, 4)]),
]

LEETSPEAK: list[Case] = [
    ("g4c0r", "gacor", [("gacor", 0, 5)]),
    ("m4xw1n", "maxwin", [("maxwin", 0, 6)]),
    ("sl0t", "slot", [("slot", 0, 4)]),
    ("H0K1 p3t1r", "hoki petir", [("hoki", 0, 4), ("petir", 5, 10)]),
    ("J4ckP0t", "jackpot", [("jackpot", 0, 7)]),
    ("4nj1ng", "anjing", [("anjing", 0, 6)]),
    ("m@xwin b!s4", "maxwin bisa", [("maxwin", 0, 6), ("bisa", 7, 11)]),
    ("sl0t88", "slot88", [("slot88", 0, 6)]),  # trailing number of a brand kept
    ("t0t04d visi4D", "toto4d visi4d", [("toto4d", 0, 6), ("visi4d", 7, 13)]),  # togel "4d" kept
]

NUMBERS_UNTOUCHED: list[Case] = [
    ("3201234567890001", "3201234567890001", [("3201234567890001", 0, 16)]),
    ("0811-9224-545", "0811-9224-545", [("0811-9224-545", 0, 13)]),
    ("24 jam", "24 jam", [("24", 0, 2), ("jam", 3, 6)]),
    ("tahun 2024", "tahun 2024", [("tahun", 0, 5), ("2024", 6, 10)]),
    ("Rp 1.500.000", "rp 1.500.000", [("rp", 0, 2), ("1.500.000", 3, 12)]),
    (
        "rp50rb 2.5jt 24jam",
        "rp50rb 2.5jt 24jam",
        [("rp50rb", 0, 6), ("2.5jt", 7, 12), ("24jam", 13, 18)],
    ),
    (
        "Rp1.000.000,- Rp.50.000 $100",
        "rp1.000.000,- rp.50.000 $100",
        [("rp1.000.000", 0, 11), ("rp.50.000", 14, 23), ("$100", 24, 28)],
    ),
    ("covid19 mp3 4d", "covid19 mp3 4d", [("covid19", 0, 7), ("mp3", 8, 11), ("4d", 12, 14)]),
    ("weton88", "weton88", [("weton88", 0, 7)]),
    ("x9f ff0a0a", "x9f ff0a0a", [("x9f", 0, 3), ("ff0a0a", 4, 10)]),  # hex, not leetspeak
]

REPEATED_LETTERS: list[Case] = [
    ("bangeeeet", "banget", [("banget", 0, 9)]),
    ("gacoooor", "gacor", [("gacor", 0, 8)]),
    ("maaaaf", "maaf", [("maaf", 0, 6)]),
    ("tinggggi", "tinggi", [("tinggi", 0, 8)]),
    ("saat taat maaf", "saat taat maaf", [("saat", 0, 4), ("taat", 5, 9), ("maaf", 10, 14)]),
    ("zeusss", "zeus", [("zeus", 0, 6)]),
    ("gkkkk", "tidak", [("tidak", 0, 5)]),  # collapse, then slang
    ("bangett mantapp", "banget mantap", [("banget", 0, 7), ("mantap", 8, 15)]),  # final double
    (
        "boss mall password",
        "boss mall password",
        [("boss", 0, 4), ("mall", 5, 9), ("password", 10, 18)],
    ),
    (
        "princess pppk xxx www",  # English -ss ending; acronyms keep their tripled letter
        "princess pppk xxx www",
        [("princess", 0, 8), ("pppk", 9, 13), ("xxx", 14, 17), ("www", 18, 21)],
    ),
]

SPACED_LETTERS: list[Case] = [
    ("s l o t", "slot", [("slot", 0, 7)]),
    ("s.l.o.t", "slot", [("slot", 0, 7)]),
    ("g-a-c-o-r", "gacor", [("gacor", 0, 9)]),
    ("s_l_o_t", "slot", [("slot", 0, 7)]),
    ("s l o t g a c o r", "slotgacor", [("slotgacor", 0, 17)]),
    ("s.l.o.t g-a-c-o-r", "slot gacor", [("slot", 0, 7), ("gacor", 8, 17)]),
    ("main ⭐ A L E X I S 1 7 ⭐", "main   alexis17  ", [("main", 0, 4), ("alexis17", 7, 22)]),
    ("[P][U][L][A][U]", "[pulau]", [("pulau", 1, 14)]),
    ("S . L . O . T", "slot", [("slot", 0, 13)]),
    ("░P░U░L░A░U░", " pulau ", [("pulau", 1, 10)]),  # block elements as separators
    ("【P】【U】【L】", "[pul]", [("pul", 1, 8)]),  # lenticular brackets
    ("sl 0 t", "sl 0 t", [("sl", 0, 2), ("0", 3, 4), ("t", 5, 6)]),  # not single letters
    ("x 5 0 0", "x 5 0 0", [("x", 0, 1), ("5", 2, 3), ("0", 4, 5), ("0", 6, 7)]),
    ("B 0 S S", "boss", [("boss", 0, 7)]),  # digits inside a spelled word are leetspeak
]

SLANG: list[Case] = [
    ("gk", "tidak", [("tidak", 0, 2)]),
    ("yg", "yang", [("yang", 0, 2)]),
    (
        "sy gk tau krn blm",
        "saya tidak tahu karena belum",
        [("saya", 0, 2), ("tidak", 3, 5), ("tahu", 6, 9), ("karena", 10, 13), ("belum", 14, 17)],
    ),
    (
        "Udh bgt dgn org",
        "sudah banget dengan orang",
        [("sudah", 0, 3), ("banget", 4, 7), ("dengan", 8, 11), ("orang", 12, 15)],
    ),
    (
        "klo jd bs gmn",
        "kalau jadi bisa bagaimana",
        [("kalau", 0, 3), ("jadi", 4, 6), ("bisa", 7, 9), ("bagaimana", 10, 13)],
    ),
    ("gpp", "tidak apa-apa", [("tidak", 0, 3), ("apa", 0, 3), ("apa", 0, 3)]),
    ("anak2", "anak-anak", [("anak", 0, 5), ("anak", 0, 5)]),
    (
        "nyokap2 orang²",
        "ibu-ibu orang-orang",  # same length as the original: still one edit
        [("ibu", 0, 7), ("ibu", 0, 7), ("orang", 8, 14), ("orang", 8, 14)],
    ),
    ("wkwkwk hahaha", "haha haha", [("haha", 0, 6), ("haha", 7, 13)]),  # laughter
    (
        "gatau tbtb",
        "tidak tahu tiba-tiba",
        [("tidak", 0, 5), ("tahu", 0, 5), ("tiba", 6, 10), ("tiba", 6, 10)],
    ),
    ("G4K", "tidak", [("tidak", 0, 3)]),  # leetspeak is only inside a word: g4k -> gak -> tidak
]

EMOJI: list[Case] = [
    ("🎰", "emoji_slot", [("emoji_slot", 0, 1)]),
    (
        "main🎰gacor💰",
        "main emoji_slot gacor emoji_uang",
        [("main", 0, 4), ("emoji_slot", 4, 5), ("gacor", 5, 10), ("emoji_uang", 10, 11)],
    ),
    (
        "obat 💊 🔞",
        "obat emoji_pil emoji_18",
        [("obat", 0, 4), ("emoji_pil", 5, 6), ("emoji_18", 7, 8)],
    ),
    ("lucu 😂😂 ya", "lucu    ya", [("lucu", 0, 4), ("ya", 8, 10)]),  # others dropped
    ("👍🏽 sip", "  oke", [("oke", 3, 6)]),  # skin tone deleted, emoji dropped
    ("❄️ ada", "emoji_salju ada", [("emoji_salju", 0, 2), ("ada", 3, 6)]),
    # normalising the normalised text again gives the same tokens
    (
        "emoji_slot emoji_jari_tengah",
        "emoji_slot emoji_jari_tengah",
        [("emoji_slot", 0, 10), ("emoji_jari_tengah", 11, 28)],
    ),
]

SPECIAL_TOKENS: list[Case] = [
    (
        "cek https://x.co/Ab?c=1.",
        "cek https://x.co/ab?c=1.",
        [("cek", 0, 3), ("https://x.co/ab?c=1", 4, 23)],
    ),
    ("www.situs.com/daftar", "www.situs.com/daftar", [("www.situs.com/daftar", 0, 20)]),
    (
        "ke bit.ly/g4c0r, ok",
        "ke bit.ly/g4c0r, oke",
        [("ke", 0, 2), ("bit.ly/g4c0r", 3, 15), ("oke", 17, 19)],
    ),
    (
        "mail Budi.S@kemkes.go.id",
        "mail budi.s@kemkes.go.id",
        [("mail", 0, 4), ("budi.s@kemkes.go.id", 5, 24)],
    ),
    ("@Admin_1 hai", "@admin_1 hai", [("@admin_1", 0, 8), ("hai", 9, 12)]),
    ("#SlotGacor", "#slotgacor", [("#slotgacor", 0, 10), ("slot", 1, 5), ("gacor", 5, 10)]),
    ("#sehat", "#sehat", [("#sehat", 0, 6), ("sehat", 1, 6)]),
    ("#𝐒𝐥𝐨𝐭𝐆𝐚𝐜𝐨𝐫", "#slotgacor", [("#slotgacor", 0, 10), ("slot", 1, 5), ("gacor", 5, 10)]),
    (
        "❤️ #Slot_Gacor88",
        "  #slot_gacor88",
        [("#slot_gacor88", 3, 16), ("slot", 4, 8), ("gacor", 9, 14), ("88", 14, 16)],
    ),
]


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), CASE_FOLDING)
def test_case_and_look_alike_letters_are_folded(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), INVISIBLE)
def test_invisible_characters_are_removed(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), LEETSPEAK)
def test_leetspeak_inside_words_becomes_letters(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), NUMBERS_UNTOUCHED)
def test_numbers_stay_untouched(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), REPEATED_LETTERS)
def test_stretched_letters_collapse(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), SPACED_LETTERS)
def test_spaced_out_letters_are_joined(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), SLANG)
def test_slang_becomes_formal(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), EMOJI)
def test_listed_emoji_become_named_tokens(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


@pytest.mark.parametrize(("text", "expected_text", "expected_tokens"), SPECIAL_TOKENS)
def test_urls_mentions_hashtags_emails_stay_whole(
    text: str, expected_text: str, expected_tokens: list[tuple[str, int, int]]
) -> None:
    _check(text, expected_text, expected_tokens)


def test_result_carries_the_version_and_is_frozen() -> None:
    doc = normalize("Halo")
    assert isinstance(doc, NormalizedText)
    assert doc.version == NORMALIZER_VERSION == "bijak.normalize.v1"
    assert doc.tokens == (Token("halo", 0, 4, 0, 4),)
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.tokens[0].text = "x"  # type: ignore[misc]


def test_empty_text() -> None:
    doc = normalize("")
    assert (doc.text, doc.tokens, doc.to_original(0, 0)) == ("", (), (0, 0))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("gk mau", (0, 5), (0, 2)),  # the whole expansion -> the slang word
        ("gk mau", (1, 3), (0, 2)),  # part of an expansion widens to the whole word
        ("gk mau", (6, 9), (3, 6)),  # after an expansion: shifted
        ("gk mau", (0, 9), (0, 6)),
        ("sl\u200bot gacor", (0, 4), (0, 5)),
        ("sl\u200bot gacor", (5, 10), (6, 11)),
        ("sl\u200bot gacor", (1, 3), (1, 4)),
        ("abc", (-5, 99), (0, 3)),  # clamped
        ("abc", (2, 1), (2, 2)),  # reversed -> empty
        ("\u200b\u200b", (0, 0), (2, 2)),  # all deleted
    ],
)
def test_to_original_maps_spans_back(
    text: str, span: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert normalize(text).to_original(*span) == expected


def test_text_outside_tokens_is_kept() -> None:
    doc = normalize("Gk, yg BENER aja!")
    assert doc.text == "tidak, yang benar saja!"
    assert doc.to_original(5, 6) == (2, 3)  # the comma


def test_the_module_docstring_example_holds() -> None:
    import doctest

    import bijak.engine.normalize as module

    result = doctest.testmod(module)
    assert result.attempted >= 2
    assert result.failed == 0


def test_result_survives_pickling_for_worker_processes() -> None:
    import pickle

    doc = normalize("gk\u200b mau 🎰")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc
    assert again.to_original(0, 5) == doc.to_original(0, 5) == (0, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JP", "jp"),  # no slang: normalize gives "jackpot"
        ("𝐒𝐎𝐑𝐉𝐏", "sorjp"),
        ("g4c0r", "g4c0r"),  # no leetspeak
        ("s\u200bl\u00adot", "slot"),
        ("x\x00y", "x y"),
    ],
)
def test_fold_does_only_the_character_step(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize("word", ["dak", "idak", "sonde", "nyanda", "indak", "tra", "ora", "teu"])
def test_regional_not_reads_as_tidak(word: str) -> None:
    doc = normalize(f"obat {word} ada")
    assert [t.text for t in doc.tokens] == ["obat", "tidak", "ada"]
    assert doc.tokens[1].ostart == 5 and doc.tokens[1].oend == 5 + len(word)


@pytest.mark.parametrize("text", ["atap seng bocor", "Tara sudah pulang", "hana sakit"])
def test_words_that_are_also_names_or_things_stay(text: str) -> None:
    assert "tidak" not in [t.text for t in normalize(text).tokens]


@pytest.mark.parametrize("quote", ["'", "\u2019"])
def test_a_word_written_with_its_glottal_stop_reads_as_its_own_word(quote: str) -> None:
    # Toraja "tae'" is "tidak"; without the glottal stop "tae" stays the swear word
    doc = normalize(f"tae{quote} perlu malu")
    assert [t.text for t in doc.tokens] == ["tidak", "perlu", "malu"]
    assert (doc.tokens[0].ostart, doc.tokens[0].oend) == (0, 3)
    assert [t.text for t in normalize("dasar tae").tokens] == ["dasar", "tahi"]
    assert [t.text for t in normalize("andiang begitu").tokens] == ["tidak", "begitu"]
