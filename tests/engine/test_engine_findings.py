from __future__ import annotations

import dataclasses

import pytest

from bijak.engine.findings import Finding, noisy_or
from bijak.engine.registry import Registry, UnknownRecognizerError, recognizers


def test_finding_is_frozen_and_meta_is_read_only():
    f = Finding("perjudian", 0, 5, 0.5, "bijak.lexicon.v1", "gacor", meta={"term": "gacor"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.score = 0.9  # type: ignore[misc]
    with pytest.raises(TypeError):
        f.meta["term"] = "x"  # type: ignore[index]
    assert f.to_dict()["meta"] == {"term": "gacor"}


@pytest.mark.parametrize(
    ("start", "end", "score", "message"),
    [
        (-1, 2, 0.5, "bad span -1..2"),
        (3, 2, 0.5, "bad span 3..2"),
        (0, 1, 1.5, "score 1.5 outside [0, 1]"),
    ],
)
def test_finding_rejects_bad_values(start, end, score, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Finding("x", start, end, score, "bijak.test.v1", "")


@pytest.mark.parametrize(
    ("scores", "expected"),
    [((), 0.0), ((0.5,), 0.5), ((0.5, 0.5), 0.75), ((0.2, 0.2, 0.2), 0.488), ((1.0, 0.1), 1.0)],
)
def test_noisy_or(scores, expected):
    assert noisy_or(scores) == pytest.approx(expected)


def test_default_registry_lists_versioned_names():
    import bijak.engine.recognizers  # noqa: F401  (registers)

    names = recognizers.names()
    for name in (
        "bijak.lexicon.v1",
        "bijak.nik.v1",
        "bijak.phone.v1",
        "bijak.email.v1",
        "bijak.npwp.v1",
        "bijak.bpjs_card.v1",
        "bijak.medical_record.v1",
        "bijak.nota_dinas.v1",
        "bijak.health_claim.v1",
        "bijak.official.v1",
        "bijak.claims.v1",
        "bijak.model.v1",
    ):
        assert name in names
    assert all(n.rsplit(".", 1)[-1].startswith("v") for n in names)


def test_registry_create_drops_none_and_rejects_unknown():
    reg = Registry()
    reg.register("bijak.none.v1")(lambda *args, **params: None)
    assert reg.create(["bijak.none.v1"]) == []
    with pytest.raises(UnknownRecognizerError):
        reg.create(["bijak.missing.v1"])


def test_registry_refuses_a_second_factory_under_one_name():
    reg = Registry()
    reg.register("bijak.x.v1")(lambda: None)
    with pytest.raises(ValueError, match="registered twice"):
        reg.register("bijak.x.v1")(lambda: None)


def test_pipeline_with_chosen_recognizers_only(pipeline):
    from bijak.engine import Pipeline

    only_nik = Pipeline(recognizers=["bijak.nik.v1"])
    assert only_nik.versions.recognizers == ("bijak.nik.v1",)
    report = only_nik.analyze("slot gacor maxwin, NIK 3201231508850003")
    assert {f.recognizer for f in report.findings} == {"bijak.nik.v1"}


def test_quick_builders_make_ordinary_equal_immutable_values():
    from bijak.engine._frozen import builder
    from bijak.engine.findings import new_finding
    from bijak.engine.report import EvidenceSpan

    fast = new_finding("perjudian", 0, 5, 0.5, "bijak.lexicon.v1", "gacor", {"term": "gacor"})
    slow = Finding("perjudian", 0, 5, 0.5, "bijak.lexicon.v1", "gacor", meta={"term": "gacor"})
    assert fast == slow
    assert repr(fast) == repr(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.start = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        fast.meta["term"] = "x"  # type: ignore[index]
    span = builder(EvidenceSpan)(1, 2, "x", "sara", 0.5)
    assert span == EvidenceSpan(1, 2, "x", "sara", 0.5)
    with pytest.raises(TypeError, match="missing 3 required positional arguments"):
        builder(EvidenceSpan)(1, 2)  # every field is required
