"""The shipped model (bijak.model.v2, registry name bijak.model.v1): the artifact (numbers
only, provenance recorded) and its findings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from bijak.engine.models import linear
from bijak.engine.models.linear import DEFAULT_ARTIFACT, LinearModel
from bijak.engine.normalize import normalize
from bijak.engine.recognizers import model as model_module
from bijak.engine.recognizers.model import ModelRecognizer

CATEGORIES = {
    "narkoba",  # learnt again since session 4 (medicine and enforcement negatives)
    "perjudian",
    "penipuan",
    "pornografi",
    "radikalisme",
    "sara",
    "fitnah",
    "hoaks",
    "ujaran_kebencian",
    "kata_kasar",
    "keluhan_layanan",
    "politik",
    # learnt from the challenge set's train families only
    "terorisme",
    "agama_sensitif",
    "pamer",
    "tanpa_sumber",
    "provokasi",
    "penghinaan",
    "rahasia",
}


@pytest.fixture(scope="module")
def rec() -> ModelRecognizer:
    loaded = ModelRecognizer.load_default()
    assert loaded is not None
    return loaded


def test_artifact_is_small_and_loads() -> None:
    """Its size is checked here; how fast it loads is measured by `bijak benchmark`, not
    asserted in a unit test (wall-clock time depends on the machine)."""
    npz = DEFAULT_ARTIFACT.with_suffix(".npz")
    assert npz.stat().st_size < 5 * 2**20
    assert ModelRecognizer.load_default() is not None


def test_artifact_holds_numbers_only() -> None:
    with np.load(DEFAULT_ARTIFACT.with_suffix(".npz"), allow_pickle=False) as z:
        for key in z.files:
            assert z[key].dtype.kind in "iuf", key


def test_metadata_records_data_code_and_metrics() -> None:
    meta = json.loads(DEFAULT_ARTIFACT.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["name"] == "bijak.model.v2"
    assert set(meta["categories"]) == CATEGORIES
    # a tuned verdict cut-off and its anchor (the policy's breach threshold) per category
    assert set(meta["verdict_cutoffs"]) == CATEGORIES == set(meta["verdict_anchors"])
    assert all(0 < v < 1 for v in meta["verdict_cutoffs"].values())
    assert meta["datasets"] and meta["files"]
    for path, digest in meta["files"].items():
        assert path.split("/")[0] in meta["datasets"]
        assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert re.fullmatch(r"[0-9a-f]{40}(-dirty)?", meta["code_version"])
    # the seed the artifact was trained with is the one its training configuration names
    config = Path(__file__).resolve().parents[2] / "configs" / "model-v1.yaml"
    assert meta["hyperparameters"]["random_state"] == yaml.safe_load(config.read_text())["seed"]
    assert meta["metrics"]["in_domain"] and meta["metrics"]["false_alarm_rate"]

    # no raw text: no string value in the metadata is longer than a file path or a note
    def strings(o: object) -> list[str]:
        if isinstance(o, str):
            return [o]
        if isinstance(o, dict):
            return [s for k, v in o.items() for s in strings(k) + strings(v)]
        if isinstance(o, list):
            return [s for v in o for s in strings(v)]
        return []

    assert max(len(s) for s in strings(meta)) < 120


def test_one_document_level_finding_per_category_over_threshold(rec: ModelRecognizer) -> None:
    text = "Daftar sekarang di situs slot gacor, maxwin tiap hari, deposit pulsa 10rb!"
    found = rec.analyze(normalize(text))
    cats = [f.category for f in found]
    assert "perjudian" in cats
    assert len(cats) == len(set(cats))
    for f in found:
        assert (f.start, f.end) == (0, len(text))
        assert f.recognizer == "bijak.model.v1"
        assert 0.5 <= f.score <= 1.0


def test_ordinary_post_has_no_finding(rec: ModelRecognizer) -> None:
    assert rec.analyze(normalize("Selamat pagi, jangan lupa sarapan dan minum air putih ya")) == []
    assert rec.analyze(normalize("")) == []


def test_thresholds_come_from_the_caller(rec: ModelRecognizer) -> None:
    doc = normalize("Daftar sekarang di situs slot gacor, maxwin tiap hari, deposit pulsa 10rb!")
    p = rec.scores([doc])[0][rec.categories.index("perjudian")]
    strict = ModelRecognizer(rec.model, thresholds={"perjudian": min(1.0, p + 0.01)})
    assert "perjudian" not in [f.category for f in strict.analyze(doc)]
    assert [
        f.category for f in ModelRecognizer(rec.model, default_threshold=0.0).analyze(doc)
    ] == list(rec.categories)


def test_batch_equals_one_by_one(rec: ModelRecognizer) -> None:
    docs = [normalize(t) for t in ("dasar goblok", "halo semua", "slot gacor maxwin", "")]
    assert rec.analyze_batch(docs) == [rec.analyze(d) for d in docs]
    bare = rec.analyze_batch(docs, top_words=False)
    assert [[(f.category, f.score) for f in fs] for fs in bare] == [
        [(f.category, f.score) for f in rec.analyze(d)] for d in docs
    ]
    assert all("top_words" not in f.meta for fs in bare for f in fs)


def test_no_artifact_means_no_recognizer(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(model_module, "DEFAULT_ARTIFACT", tmp_path / "absent")
    assert ModelRecognizer.load_default() is None


def test_saved_model_round_trips(rec: ModelRecognizer, tmp_path) -> None:
    rec.model.save(tmp_path / "m")
    again = LinearModel.load(tmp_path / "m")
    texts = ["kata kasar", "promo pulsa", "vaksin gratis"]
    assert np.allclose(again.predict_proba(texts), rec.model.predict_proba(texts), atol=1e-6)
    assert linear.NAME == "bijak.model.v1"


def test_top_words_are_slices_of_the_original_without_numbers(rec: ModelRecognizer) -> None:
    text = "Daftar sekarang di situs SLOT gacor, maxwin! hubungi 081234567890"
    (f,) = [x for x in rec.analyze(normalize(text)) if x.category == "perjudian"]
    assert f.evidence == text  # the finding's span is the whole post
    words = f.meta["top_words"].split(" | ")
    assert 1 <= len(words) <= 3
    for w in words:
        assert w in text
        assert not any(ch.isdigit() for ch in w)
    # named in the finding's own explanation too (issue 10, item 9)
    assert all(f"'{w}'" in f.explanation for w in words)


def test_top_words_are_the_largest_contributions(rec: ModelRecognizer) -> None:
    """The words named are those whose own features add most to the category's score; the
    strongest gambling words of a gambling post come before filler words."""
    text = "halo teman teman yuk main slot gacor maxwin hari ini"
    (f,) = [x for x in rec.analyze(normalize(text)) if x.category == "perjudian"]
    words = f.meta["top_words"].split(" | ")
    j = rec.categories.index("perjudian")
    own = rec.model.decision_function(text.split())[:, j] - rec.model.intercepts[j]
    ranked = [w for _, w in sorted(zip(-own, text.split(), strict=True)) if len(w) >= 3]
    assert words == [w for w in ranked if w in words][: len(words)]
    assert words[0] == ranked[0]
    assert {"halo", "teman", "hari", "ini"}.isdisjoint(words)


def test_top_words_skip_names_inside_a_sentence(rec: ModelRecognizer) -> None:
    """A capitalised word inside a sentence may be a person's name: never named."""
    text = "Kata dokter Sarmin Wijaya slot gacor maxwin itu pasti jackpot, daftar sekarang"
    (f,) = [x for x in rec.analyze(normalize(text)) if x.category == "perjudian"]
    words = f.meta["top_words"].split(" | ")
    assert words and "Sarmin" not in words and "Wijaya" not in words


def test_categories_learnt_from_the_challenge_families(rec: ModelRecognizer) -> None:
    """terorisme and pamer are learnt from the challenge set's train families alone: praise of
    a suicide bomber and a civil servant's flexing score high, police news and an official
    health message do not (posts written for this test, in none of the families)."""
    texts = [
        "Pelaku bom bunuh diri kemarin itu mati syahid, semoga kita bisa menyusul jadi pengantin",
        "Polisi menangkap terduga pelaku bom bunuh diri, korban luka dirawat di rumah sakit",
        "Flexing dulu, tas Hermes baru dari gaji PNS hehe, liburan ke Paris minggu depan",
        "Menurut Kemenkes, imunisasi lengkap melindungi anak dari campak (sumber: kemkes.go.id)",
    ]
    s = rec.scores([normalize(t) for t in texts])
    teror, pamer = rec.categories.index("terorisme"), rec.categories.index("pamer")
    assert s[0, teror] >= 0.8 > s[1, teror]
    assert s[2, pamer] >= 0.8 > s[3, pamer]
    assert s[3].max() < 0.5
