"""The engine's fast paths change nothing but speed (issue 10: speed within 20% of the first
wave). Each fast path is checked against the plain computation it replaces; the digest of every
report over a fixed corpus (``scripts/engine_digest.py``) is the end-to-end check."""

from __future__ import annotations

import gc

import pytest

from bijak.engine import Pipeline


def test_bulk_mode_pauses_the_cyclic_collector_and_restores_it(pipeline: Pipeline) -> None:
    texts = ["Vaksin mengandung chip 5G, sebarkan!", "NIK saya 3201231508850003", ""]
    assert gc.isenabled()
    reports = pipeline.analyze_batch(texts)
    assert gc.isenabled()
    assert [r.to_json() for r in reports] == [
        pipeline.analyze(t, explain=False).to_json() for t in texts
    ]
    # nothing the engine builds is cyclic: a batch leaves no garbage for the collector
    gc.collect()
    gc.disable()
    try:
        del reports
        pipeline.analyze_batch(texts * 20)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_bulk_mode_leaves_a_disabled_collector_disabled_and_restores_it_on_error(
    pipeline: Pipeline,
) -> None:
    gc.disable()
    try:
        pipeline.analyze_batch(["halo"])
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        pipeline.analyze_batch(["halo", 3])  # type: ignore[list-item]
    assert gc.isenabled()


def test_claim_prefilters_agree_with_the_tests_they_stand_for() -> None:
    """``could_match`` / ``window_could_match`` count shared stems only up to the first
    paraphrase that passes; the answers are those of the plain tests over every paraphrase."""
    import random

    from bijak.engine.claims import MIN_COVERAGE, MIN_SHARED, load_default_kb

    kb = load_default_kb()
    paras = kb._paras
    pool = [*sorted(kb.stems), "zzzzz", "qwert", "12345"]
    rng = random.Random(5)

    seen = {True: 0, False: 0}
    for _ in range(3000):
        near = sorted(rng.choice(paras).stems)  # part of one paraphrase, plus others
        stems = set(rng.sample(near, rng.randint(0, len(near))))
        stems |= set(rng.sample(pool, rng.randint(0, 8)))
        shared = {k: len(p.stems & stems) for k, p in enumerate(paras)}
        post = any(
            c >= MIN_SHARED and c >= MIN_COVERAGE * len(paras[k].stems) for k, c in shared.items()
        )
        window = any(
            c >= MIN_SHARED and not c / max(len(paras[k].stems), 1) < MIN_COVERAGE
            for k, c in shared.items()
        )
        assert kb.could_match(stems) is post
        assert kb.window_could_match(stems) is window
        seen[post] += 1
    assert seen[True] > 50 and seen[False] > 50  # both answers were exercised


def test_content_stems_are_the_stems_of_the_content_words() -> None:
    from bijak.engine.claims import _content, _stem, content_stems
    from bijak.engine.normalize import normalize

    for text in [
        "Vaksin itu mengandung chip 5G dan babi, jangan mau divaksin!!",
        "yg 12 di ke dari 2024 covid19 a b cd efg #hoaks @kemenkes https://x.co",
        "",
    ]:
        words = [t.text for t in normalize(text).tokens]
        assert content_stems(words) == {_stem(w) for w in _content(words)}


@pytest.mark.parametrize(
    ("regex", "needs"),
    [
        (r"[0-9]{6}", True),
        (r"RT\.?\s*[0-9]{1,3}", True),
        (r"\d+", True),
        (r"(?:a[0-9]|[0-9]b)", True),
        (r"(?i)npwp\s*([0-9]{15})", True),
        (r"(?:^|[^0-9])", False),
        (r"[0-9]*x", False),
        (r"a|[0-9]", False),
        (r"[0-9a]", False),
        (r"x[0-9]?", False),
        (r"\pN+", False),  # RE2 syntax Python cannot read: no prefilter
        (r"[[:digit:]]", False),
        (r"(", False),
    ],
)
def test_requires_digit(regex: str, needs: bool) -> None:
    from bijak.engine.recognizers._prefilter import requires_digit

    assert requires_digit(regex) is needs


def test_patterns_that_need_a_digit_never_match_a_text_without_one() -> None:
    """The shipped patterns marked ``needs_digit`` run by RE2 on texts without a digit."""
    import json
    from pathlib import Path

    from bijak.engine.recognizers.pattern import load_pattern_spec, pattern_data

    root = Path(__file__).resolve().parents[2]
    lines = (root / "benchmarks" / "challenge" / "train.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in lines.splitlines() if line.strip()]
    texts = [t for t in texts if not any(ch in t for ch in "0123456789")][:3000]
    texts += ["RT / RW", "Ibu Siti (tahun)", "Jl. Mawar No. X", "No RM: -", "NPWP nomor"]
    marked = 0
    for raw in pattern_data()["recognizers"]:
        for pat in load_pattern_spec(raw["name"]).patterns:
            if pat.needs_digit:
                marked += 1
                assert not any(pat.regex.search(t) for t in texts), (raw["name"], pat.id)
    assert marked >= 10


def test_claim_vectors_and_cosines_are_bit_identical_to_the_plain_loops() -> None:
    import math
    from collections import Counter

    from bijak.engine.claims import _content, _ngrams, _word_grams, load_default_kb
    from bijak.engine.normalize import normalize

    kb = load_default_kb()
    for entry in kb.entries[:60]:
        for claim in entry.claims:
            words = _content([t.text for t in normalize(f"katanya {claim} benarkah").tokens])
            plain: Counter[str] = Counter()
            for w in words:
                plain.update(_word_grams(w))
            grams = _ngrams(words)
            assert list(grams.items()) == list(plain.items())
            raw = {g: c * kb._idf.get(g, kb._default_idf) for g, c in plain.items()}
            norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
            vec = kb._vec(grams)
            assert list(vec.items()) == [(g, v / norm) for g, v in raw.items()]
            for para in kb._paras[:40]:
                pv = para.vector
                small, other = (vec, pv) if len(vec) < len(pv) else (pv, vec)
                want = sum(v * other.get(g, 0.0) for g, v in small.items())
                got = kb.cosine(vec, pv)
                assert got == want
