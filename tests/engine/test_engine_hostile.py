"""Hostile input: linear-time regexes only, no crash on any text, spans always inside it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import SimpleNamespace

import re2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bijak.engine.recognizers as recognizers_pkg
from bijak.engine import Pipeline, analyze
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.recognizers.pattern import load_pattern_spec, pattern_data

RE2_TYPE = type(re2.compile("a"))
ENGINE_MODULES = [
    "bijak.engine.findings",
    "bijak.engine.matcher",
    "bijak.engine.masking",
    "bijak.engine.mapping",
    "bijak.engine.explain",
    "bijak.engine.pipeline",
    "bijak.engine.report",
    *(
        f"bijak.engine.recognizers.{m.name}"
        for m in pkgutil.iter_modules(recognizers_pkg.__path__)
        if m.name != "model"  # the trained model's own module, tested with the model
    ),
]


def test_every_pattern_in_the_engine_is_re2_so_matching_is_linear_time():
    patterns = 0
    for name in ENGINE_MODULES:
        module = importlib.import_module(name)
        assert getattr(module, "re", None) is not re, f"{name} imports the backtracking 're'"
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                raise AssertionError(f"{name} holds a backtracking pattern {value.pattern!r}")
            if isinstance(value, RE2_TYPE):
                patterns += 1
    for raw in pattern_data()["recognizers"]:  # the pattern recognizers' data
        for pattern in load_pattern_spec(raw["name"]).patterns:
            assert isinstance(pattern.regex, RE2_TYPE), raw["name"]
            patterns += 1
    assert patterns >= 10


def _doc(text: str) -> SimpleNamespace:
    """A document without tokens: the pattern recognizers only read ``original``/``text``."""
    return SimpleNamespace(original=text, text=text.lower(), tokens=(), words=())


HOSTILE = [
    "a" * 100_000 + "!",
    "0" * 1_000_000,
    "1" * 999_999 + "x",
    ("0812" + " " * 3) * 50_000,
    "@" * 200_000 + "a@b.co",
    "pasien " * 50_000 + "didiagnosa",
    "no. RM " + "1-" * 100_000,
    "ND." + "1." * 100_000 + "/III/1/2024",
    "#" * 100_000,
    "kemkes.go.id/" * 20_000,
]


def test_pattern_recognizers_survive_hostile_input():
    pipe = Pipeline()
    pattern_recs = [
        r for r in pipe.recognizers if r.name not in ("bijak.lexicon.v1", "bijak.health_claim.v1")
    ]
    for text in HOSTILE:
        doc = _doc(text)
        for rec in pattern_recs:
            if rec.name.startswith("bijak.model"):
                continue
            for f in rec.analyze(doc):  # type: ignore[arg-type]
                assert 0 <= f.start <= f.end <= len(text)


def test_full_pipeline_on_one_megabyte_of_digits_is_truncated_not_crashed():
    report = analyze("7" * 1_000_000)
    assert report.truncated is True
    assert report.verdict in ("aman", "tinjau", "langgar")


CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F)
ANY_TEXT = st.text(alphabet=st.one_of(st.characters(), CONTROL), max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_gives_a_report_with_spans_inside_it(text):
    report = analyze(text)
    assert report.verdict in ("aman", "tinjau", "langgar")
    assert len(report.masked_text) == len(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert 0.0 <= f.score <= 1.0
    for c in report.clauses:
        for e in c.evidence:
            assert 0 <= e.start <= e.end <= len(text)


WORDS = st.sampled_from(
    [
        "slot",
        "g4c0r",
        "maxwin",
        "NIK",
        "3201231508850003",
        "0812-3456-7890",
        "BPJS",
        "ribet",
        "dokter",
        "goblok",
        "RAHASIA",
        "𝗩𝗜𝗦𝗜𝟰𝗗",
        "s l o t",
        "\x00",
        "\u200b",
        "é",
        "🎰",
        "",
        " ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_mixed_signal_text_keeps_spans_on_the_original(text):
    report = analyze(text, explain=True)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        # evidence is the original slice with any personal data in it masked
        if f.category != "data_pribadi":
            assert f.evidence == report.masked_text[f.start : f.end]
        else:
            assert len(f.evidence) == f.end - f.start


def test_lone_surrogates_are_replaced_not_crashed_on():
    report = analyze("slot \ud800 gacor 0812\udfff3456789 maxwin")
    assert report.verdict == "langgar"
    assert "\ud800" not in report.masked_text
    assert report.masked_text.startswith("slot \ufffd gacor")
    report.to_json().encode("utf-8")


def test_recognizer_list_is_the_documented_default():
    assert DEFAULT_RECOGNIZERS[0] == "bijak.lexicon.v1"
    assert "bijak.model.v1" in DEFAULT_RECOGNIZERS
    assert "bijak.claims.v1" in DEFAULT_RECOGNIZERS
