"""Issue 10, item 9: a model-only finding names its top words (the words with the largest
contribution to the model's score for that text) in its explanation, in both languages."""

from __future__ import annotations

import pytest

from bijak.engine.pipeline import Pipeline, default_pipeline

# gambling words only the model knows in this spelling-free form; no lexicon word for hoaks
TEXT = "halo teman teman yuk main slot gacor maxwin hari ini"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.mark.parametrize(("lang", "lead"), [("id", "Kata yang paling"), ("en", "Words that")])
def test_model_finding_names_its_top_words(pipeline: Pipeline, lang: str, lead: str) -> None:
    report = pipeline.analyze(TEXT, lang=lang)
    model = [f for f in report.findings if f.recognizer.startswith("bijak.model")]
    assert model, "the model finds gambling in this post"
    for f in model:
        words = f.meta["top_words"].split(" | ")
        assert words and all(w in TEXT for w in words)
        assert lead in f.explanation
        assert all(f"'{w}'" in f.explanation for w in words)
    # the clause the category maps to says it too
    found = {f.category for f in model}
    clauses = [c for c in report.clauses if found & set(c.categories)]
    assert clauses and all(lead in c.explanation for c in clauses)


def test_bulk_reports_keep_the_top_words(pipeline: Pipeline) -> None:
    """Bulk mode (no explanation sentences) still carries the words in the finding's meta,
    and single and batch analysis agree."""
    bulk = pipeline.analyze_batch([TEXT, "selamat pagi semua"], explain=False)[0]
    single = pipeline.analyze(TEXT, explain=False)
    assert [f.meta.get("top_words") for f in bulk.findings] == [
        f.meta.get("top_words") for f in single.findings
    ]
    assert any(f.meta.get("top_words") for f in bulk.findings)
