"""The model gate (bijak.engine.gate): word findings the trained model does not support are
set aside, with the reason; explicit words, validated data and posts the model finds harmful
in another category are left alone. Texts written by the bijak authors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from engine_helpers import span_of

from bijak.engine.findings import Finding
from bijak.engine.gate import GATE_ID, ModelGate
from bijak.engine.pipeline import Pipeline, default_pipeline

CATS = ("narkoba", "provokasi", "radikalisme", "pamer")
GATE = ModelGate.from_config(
    {
        "floor": 0.05,
        "explicit": 0.8,
        "other": 0.8,
        "recognizers": ["bijak.lexicon.v1", "bijak.claims.v1"],
    },
    CATS,
)


def _f(category: str, score: float, recognizer: str = "bijak.lexicon.v1") -> Finding:
    return Finding(category, 0, 5, score, recognizer, "words")


def _row(**scores: float) -> list[float]:
    return [scores.get(c, 0.0) for c in CATS]


def test_a_weak_word_the_model_does_not_support_is_set_aside_with_the_reason() -> None:
    out = GATE.apply([_f("provokasi", 0.6)], _row(provokasi=0.01))
    assert out[0].score == 0.0
    assert out[0].meta["context"] == GATE_ID
    assert out[0].meta["score_before_context"] == "0.6000"
    assert "model" in out[0].meta["context_reason_id"]
    assert "1%" in out[0].meta["context_reason_en"]


def test_the_model_above_the_floor_keeps_the_word() -> None:
    findings = [_f("provokasi", 0.6)]
    assert GATE.apply(findings, _row(provokasi=0.06)) == findings


def test_an_explicit_word_is_never_set_aside() -> None:
    findings = [_f("narkoba", 0.85)]
    assert GATE.apply(findings, _row()) == findings
    # one explicit word keeps the weaker words of its category too
    both = [_f("narkoba", 0.4), _f("narkoba", 0.9)]
    assert GATE.apply(both, _row()) == both


def test_a_finding_of_a_recognizer_outside_the_gate_keeps_its_category() -> None:
    findings = [_f("narkoba", 0.4), _f("narkoba", 0.5, "bijak.nik.v1")]
    assert GATE.apply(findings, _row()) == findings


def test_a_category_the_model_does_not_score_is_left_alone() -> None:
    findings = [_f("data_pribadi", 0.5)]
    assert GATE.apply(findings, _row()) == findings


def test_harm_the_model_sees_in_another_category_stops_the_gate() -> None:
    # a provokasi word in a post the model reads as radikalisme: not an ordinary post
    findings = [_f("provokasi", 0.6)]
    assert GATE.apply(findings, _row(radikalisme=0.82)) == findings
    assert GATE.apply(findings, _row(radikalisme=0.79))[0].score == 0.0


def test_only_the_unsupported_category_is_set_aside() -> None:
    out = GATE.apply([_f("provokasi", 0.6), _f("pamer", 0.6)], _row(pamer=0.5))
    assert [f.score for f in out] == [0.0, 0.6]


def test_floor_zero_turns_it_off_and_bad_config_is_refused() -> None:
    off = ModelGate.from_config({"floor": 0.0, "recognizers": ["bijak.lexicon.v1"]}, CATS)
    findings = [_f("provokasi", 0.6)]
    assert off.apply(findings, _row()) == findings
    with pytest.raises(ValueError):
        ModelGate.from_config({"floor": 1.5}, CATS)
    with pytest.raises(ValueError):
        ModelGate.from_config({"floor": 0.1, "recognizers": "bijak.lexicon.v1"}, CATS)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    pipe = default_pipeline()
    if pipe.gate is None:  # pragma: no cover - the model artifact ships with bijak
        pytest.fail("the default pipeline has no model gate")
    return pipe


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Sebelum membuang fotokopi berkas pasien, hancurkan dulu ya teman-teman.", "provokasi"),
        (
            "Konten flexing bikin anak muda stres. Ajari anak kita hidup cukup dan bersyukur.",
            "pamer",
        ),
    ],
)
def test_the_pipeline_sets_aside_an_ordinary_sense_and_says_why(
    pipe: Pipeline, text: str, category: str
) -> None:
    report = pipe.analyze(text)
    assert report.verdict == "aman"
    gated = [f for f in report.findings if f.category == category]
    assert gated and all(f.score == 0.0 and f.meta["context"] == GATE_ID for f in gated)
    assert "model" in gated[0].explanation
    en = pipe.analyze(text, lang="en")
    assert "model" in next(f for f in en.findings if f.category == category).explanation


def test_the_pipeline_keeps_real_breaches(pipe: Pipeline) -> None:
    for text, category in [
        ("Kita turun ke jalan besok, bakar kantor dinas itu, jangan diam saja!", "provokasi"),
        ("Baru pulang dari butik, tas Hermes ketiga tahun ini, gaji ASN cukup kok 😎", "pamer"),
    ]:
        report = pipe.analyze(text)
        verdicts = {c.id: c.verdict for c in report.categories}
        assert verdicts.get(category, "aman") != "aman", (text, verdicts)


def test_single_and_batch_agree_with_the_gate(pipe: Pipeline) -> None:
    texts = [
        "Sebelum membuang fotokopi berkas pasien, hancurkan dulu ya teman-teman.",
        "Kita turun ke jalan besok, bakar kantor dinas itu, jangan diam saja!",
        "Jadwal posyandu bulan ini hari Selasa, bawa buku KIA.",
    ]
    batch = pipe.analyze_batch(texts, explain=True)
    for text, report in zip(texts, batch, strict=True):
        assert pipe.analyze(text).to_dict() == report.to_dict()


def test_pipeline_config_reads_the_gate(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parents[2] / "src/bijak/engine/pipeline.yaml"
    data = yaml.safe_load(shipped.read_text(encoding="utf-8"))
    data["model_gate"] = {"floor": 0.0}
    path = tmp_path / "pipeline.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    off = Pipeline.from_config(path)
    text = "Sebelum membuang fotokopi berkas pasien, hancurkan dulu ya teman-teman."
    assert off.analyze(text).verdict != "aman"  # the word rule alone flags it
    data["model_gate"] = ["floor"]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="model_gate"):
        Pipeline.from_config(path)


# ---------------------------------------------------------------- the model overrules a frame

SURE = ModelGate.from_config({"floor": 0.05, "overrule": 0.9}, CATS)


def test_sure_lists_the_categories_the_model_scores_at_overrule_or_more() -> None:
    assert SURE.sure(_row(narkoba=0.95, pamer=0.9, provokasi=0.89)) == {"narkoba", "pamer"}
    assert SURE.sure(_row(narkoba=0.5)) == frozenset()
    assert GATE.sure(_row(narkoba=1.0)) == frozenset()  # no overrule given: off
    with pytest.raises(ValueError, match="overrule"):
        ModelGate.from_config({"floor": 0.5, "overrule": 0.4}, CATS)
    with pytest.raises(ValueError, match="overrule"):
        ModelGate.from_config({"floor": 0.05, "overrule": 1.5}, CATS)


def _word(text: str, word: str, category: str, score: float = 0.75) -> Finding:
    return Finding(category, *span_of(text, word), score, "bijak.lexicon.v1", word)


def test_a_text_wide_frame_leaves_a_category_the_model_is_sure_of() -> None:
    from bijak.engine.context import ContextFilter
    from bijak.engine.normalize import normalize

    text = "Lembaga sensor isinya orang goblok semua, sinetron sampah dibiarin tayang."
    doc = normalize(text)
    (withdrawn,) = ContextFilter().apply(doc, [_word(text, "goblok", "kata_kasar")])
    assert withdrawn.score == 0.0 and withdrawn.meta["context"] == "fiksi_pertunjukan"
    (kept,) = ContextFilter().apply(
        doc, [_word(text, "goblok", "kata_kasar")], sure=frozenset({"kata_kasar"})
    )
    assert kept.score == 0.75 and "context" not in kept.meta
    # another category is not helped by the model being sure of kata_kasar
    (other,) = ContextFilter().apply(
        doc, [_word(text, "goblok", "penghinaan")], sure=frozenset({"kata_kasar"})
    )
    assert other.score == 0.0


def test_a_word_sense_applies_however_sure_the_model_is() -> None:
    from bijak.engine.context import ContextFilter
    from bijak.engine.normalize import normalize

    text = "Stok serum anti bisa ular (sabu) di IGD tinggal dua vial, mohon segera diajukan."
    (out,) = ContextFilter().apply(
        normalize(text), [_word(text, "sabu", "narkoba", 0.9)], sure=frozenset({"narkoba"})
    )
    assert out.score == 0.0 and out.meta["context"] == "serum_anti_bisa"


def test_the_pipeline_keeps_swearing_at_people_in_a_post_that_names_a_show(
    pipe: Pipeline,
) -> None:
    assert pipe.gate is not None and pipe.gate.overrule <= 1.0
    report = pipe.analyze(
        "Lah KPI isinya orang goblok semua, sinetron sampah kayak gitu dibiarin tayang, "
        "bangsat emang"
    )
    assert {c.id: c.verdict for c in report.categories}["kata_kasar"] == "langgar"
