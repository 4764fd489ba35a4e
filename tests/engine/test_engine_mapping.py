"""Policy mapping: findings -> categories -> clauses -> verdict, one rule per test row."""

from __future__ import annotations

import pytest

from bijak.engine.findings import Finding
from bijak.engine.mapping import PolicyMapper, aggregate
from bijak.policy import load_policy


@pytest.fixture(scope="module")
def mapper():
    return PolicyMapper(load_policy())


def f(category, score, term="w", start=0, end=1, evidence="w", **meta):
    return Finding(
        category, start, end, score, "bijak.lexicon.v1", evidence, meta={"term": term, **meta}
    )


RULES = [
    # (findings, overall verdict, {clause id: clause verdict})
    ([], "aman", {}),
    ([f("perjudian", 0.3)], "aman", {}),  # one weak word stays below review
    ([f("perjudian", 0.55)], "tinjau", {"D": "tinjau"}),
    ([f("perjudian", 0.9)], "langgar", {"D": "langgar"}),
    # several weak pieces add up (noisy-or: 1 - 0.6 * 0.6 = 0.64)
    ([f("perjudian", 0.4, "a"), f("perjudian", 0.4, "b")], "tinjau", {"D": "tinjau"}),
    # the same piece repeated counts once
    ([f("perjudian", 0.4, "a"), f("perjudian", 0.4, "a")], "aman", {}),
    # caution is capped at tinjau, even with a very high score
    ([f("tanpa_sumber", 0.99)], "tinjau", {"A.5": "tinjau", "C.1": "tinjau", "C.2": "tinjau"}),
    # positive never raises the verdict; its clauses are listed as "aman"
    ([f("konten_resmi", 0.9)], "aman", {"A.6": "aman", "A.10": "aman", "A.11": "aman"}),
    (
        [f("konten_resmi", 0.9), f("kata_kasar", 0.85)],
        "langgar",
        {"B.3": "langgar", "B.8": "langgar", "A.6": "aman", "A.10": "aman", "A.11": "aman"},
    ),
    # a clause takes the worst of its categories
    ([f("kata_kasar", 0.6), f("penghinaan", 0.9)], "langgar", {"B.8": "langgar", "B.3": "tinjau"}),
    # per-category thresholds from the policy: radikalisme reviews from 0.45
    ([f("radikalisme", 0.46)], "tinjau", {"B.1": "tinjau", "D": "tinjau"}),
    ([f("pamer", 0.52)], "aman", {}),  # pamer reviews only from 0.55
    # a category the policy does not know never raises the verdict
    ([f("tidak_dikenal", 0.99)], "aman", {}),
]


@pytest.mark.parametrize(("findings", "verdict", "clauses"), RULES)
def test_mapping_rules(mapper, findings, verdict, clauses):
    got_verdict, _, got_clauses = mapper.map(findings)
    assert got_verdict == verdict
    assert {c.id: c.verdict for c in got_clauses} == clauses


def test_aggregate_is_max_per_piece_then_noisy_or():
    scores = aggregate([f("sara", 0.2, "a"), f("sara", 0.5, "a"), f("sara", 0.5, "b")])
    assert scores == {"sara": pytest.approx(0.75)}


def test_clauses_are_ordered_worst_first(mapper):
    _, _, clauses = mapper.map([f("politik", 0.6), f("perjudian", 0.95)])
    assert [c.id for c in clauses] == ["D", "B.4"]


def test_clauses_with_the_same_verdict_are_ordered_by_severity_then_policy_order(mapper):
    """B.6 is rendah, B.7 sedang, B.2 and D tinggi (B.2 before D in the circular): whatever
    order the findings come in, the reader sees the gravest point first."""
    findings = [f("pamer", 0.6, "a"), f("keluhan_layanan", 0.6, "b"), f("sara", 0.6, "c")]
    for order in (findings, findings[::-1], [findings[1], findings[2], findings[0]]):
        _, _, clauses = mapper.map(order)
        assert {c.verdict for c in clauses} == {"tinjau"}
        assert [c.id for c in clauses] == ["B.2", "D", "B.7", "B.6"]


def test_explanation_names_the_evidence_words_in_indonesian(mapper):
    findings = [
        f("perjudian", 0.6, "gacor", 0, 5, "g4c0r"),
        f("perjudian", 0.75, "maxwin", 6, 12, "maxwin"),
    ]
    _, _, (clause,) = mapper.map(findings)
    assert clause.explanation == "Kata 'maxwin' dan 'g4c0r' menunjukkan promosi judi online."
    assert clause.advice == load_policy().clause("D").advice_id
    assert clause.text == load_policy().clause("D").text_id
    assert [(e.start, e.end) for e in clause.evidence] == [(0, 5), (6, 12)]


def test_explanation_in_english(mapper):
    findings = [
        f(
            "keluhan_layanan",
            0.9,
            "bpjs",
            0,
            10,
            "BPJS ribet",
            kind="pair",
            target_text="BPJS",
            cue_text="ribet",
        )
    ]
    _, _, (clause,) = mapper.map(findings, lang="en")
    assert (
        clause.explanation == "A complaint about a health programme or service: 'BPJS' and 'ribet'."
    )
    policy = load_policy()
    assert clause.advice == policy.clause("B.7").advice_en
    assert clause.text == policy.clause("B.7").text_en


def test_explain_false_skips_the_sentences(mapper):
    _, _, (clause,) = mapper.map([f("narkoba", 0.9)], explain_text=False)
    assert clause.explanation == ""
    assert clause.advice


def test_checklist_is_c1_to_c6(mapper):
    items = mapper.checklist("id")
    assert [i.id for i in items] == ["C.1", "C.2", "C.3", "C.4", "C.5", "C.6"]
    assert items[1].text == "Konten/informasi yang baik belum tentu benar;"
    assert mapper.checklist("en")[1].text == load_policy().clause("C.2").text_en


def model_finding(category, score, text="seluruh teks"):
    return Finding(category, 0, len(text), score, "bijak.model.v1", text)


def test_mapping_model_only_evidence_is_explained_as_the_models_view(mapper):
    _, _, (clause,) = mapper.map([model_finding("politik", 0.9)])
    assert clause.verdict == "tinjau"
    assert clause.explanation == (
        "Model bijak menilai teks ini mengarah ke kategori Isu politik (netralitas ASN) (skor 0.90)."
    )
    assert [(e.start, e.end) for e in clause.evidence] == [(0, 12)]


def test_mapping_model_alone_is_one_step_milder_and_never_a_breach(mapper):
    verdict, cats, _ = mapper.map([model_finding("hoaks", 0.99)])
    assert verdict == "tinjau"
    assert cats[0].score == pytest.approx(0.99)
    verdict, cats, clauses = mapper.map([model_finding("hoaks", 0.7)])  # review 0.5, breach 0.8
    assert (verdict, clauses) == ("aman", ())
    assert cats[0].score == pytest.approx(0.7)
    words = f("hoaks", 0.55, "plandemi", 0, 8, "plandemi")
    verdict, _, _ = mapper.map([words, model_finding("hoaks", 0.9)])
    assert verdict == "langgar"


def test_mapping_model_agreeing_with_words_adds_a_sentence_and_keeps_word_spans(mapper):
    words = f("politik", 0.6, "coblos", 3, 9, "coblos")
    _, _, (clause,) = mapper.map([words, model_finding("politik", 0.8)], lang="en")
    assert clause.explanation == (
        "Political or campaign wording (civil-service neutrality): 'coblos'. "
        "The bijak model agrees (score 0.80)."
    )
    assert [(e.start, e.end) for e in clause.evidence] == [(3, 9)]
