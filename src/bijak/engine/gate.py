"""The model gate: word rules that the trained model does not support are set aside.

A word rule sees a word; the trained model sees the whole post. On posts nobody tuned the
engine on (the blind batches of the challenge set), most false alarms of the word rules came
from words in an ordinary sense that no context frame foresaw: "lawan DBD", "jackpot" for a
free breakfast, "flexing" in a post that criticises it, an ordinary health statement close to
a debunked claim. On those posts the model's score for the category was almost always near
zero, while on the posts that really break the category it was high.

So a category whose every word finding comes from a *gated* recognizer (the word lists, the
claim matcher, the accusation, unsourced-claim and chain-message patterns), none of them
*explicit* (a score of ``explicit`` or more: an unambiguous slur, a gambling site, an explicit
term), is set aside when the model's score for it is below ``floor`` and the model sees no
other harm in the post (no category at ``other`` or more). The findings stay in the report
with score 0 and a reason, like a finding that a context frame withdrew, so the explanation
says why. Categories the model does not score (data_pribadi) and recognizers that validate
what they find (NIK, phone numbers, patient data) are never gated.

The floor is on the model's rescaled score (its tuned verdict cut-off maps onto the policy's
breach threshold), so one floor means the same for every category. It was chosen on the
development batches 11, 13 and 15 of the challenge set, never on a test part.

The gate also works the other way (``overrule``): a context frame that reads the whole post
(scope ``text``: "film", "sinetron", "BNN", "waspada penipuan" anywhere in it) does not set
aside a category that the model scores at ``overrule`` or more. Such a frame is a guess from
one cue word; the model read the whole post and was trained on the frame's ordinary posts
too. On labelled posts it had not read this often decided it: a news comment that swears at
the censors while naming a film, a hoax that cites a fake official source, a real scam post
that says "waspada". Frames tied to the words that fired (a word sense, a quotation, the same
sentence) still apply whatever the model says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bijak.engine import explain
from bijak.engine.context import lowered
from bijak.engine.findings import Finding

GATE_ID = "model"


@dataclass(frozen=True, slots=True)
class ModelGate:
    """``floor``: model score under which the model disagrees; ``explicit``: a word finding
    this strong is never gated; ``other``: no gate on a post the model scores this high in
    any category (a neighbour of the rule's category, e.g. radikalisme for a call to topple
    the government that a provokasi word found); ``recognizers``: the recognizers whose findings may be set
    aside; ``columns``: category -> column of the model's score row."""

    floor: float
    explicit: float
    other: float
    recognizers: frozenset[str]
    columns: Mapping[str, int]
    overrule: float = 1.01

    @classmethod
    def from_config(cls, data: Mapping[str, object], categories: Sequence[str]) -> ModelGate:
        floor = float(data.get("floor", 0.0))  # type: ignore[arg-type]
        explicit = float(data.get("explicit", 1.01))  # type: ignore[arg-type]
        other = float(data.get("other", 1.01))  # type: ignore[arg-type]
        overrule = float(data.get("overrule", 1.01))  # type: ignore[arg-type]
        names = data.get("recognizers") or ()
        if not isinstance(names, list | tuple):
            raise ValueError("model_gate.recognizers must be a list of recognizer names")
        if not 0.0 <= floor < 1.0 or not 0.0 < explicit <= 1.01:
            raise ValueError("model_gate: floor must be in [0, 1) and explicit in (0, 1.01]")
        if not floor < overrule <= 1.01:
            raise ValueError("model_gate: overrule must be above floor and at most 1.01 (off)")
        return cls(
            floor=floor,
            explicit=explicit,
            other=other,
            overrule=overrule,
            recognizers=frozenset(str(n) for n in names),
            columns={c: i for i, c in enumerate(categories)},
        )

    def sure(self, scores: Sequence[float]) -> frozenset[str]:
        """The categories the model scores at ``overrule`` or more: no text-wide context
        frame sets them aside."""
        if self.overrule > 1.0 or max(scores, default=0.0) < self.overrule:
            return frozenset()
        return frozenset(c for c, i in self.columns.items() if scores[i] >= self.overrule)

    def apply(self, findings: list[Finding], scores: Sequence[float]) -> list[Finding]:
        """``findings`` of one post, with the gated categories' word findings set aside;
        ``scores``: the model's rescaled score per category (its columns)."""
        if self.floor <= 0.0 or not findings or max(scores, default=0.0) >= self.other:
            return findings
        gated: dict[str, bool] = {}
        for f in findings:
            if explain.is_model(f) or f.score <= 0.0:  # a word finding not yet set aside
                continue
            col = self.columns.get(f.category)
            ok = (
                col is not None
                and f.recognizer in self.recognizers
                and f.score < self.explicit
                and scores[col] < self.floor
            )
            gated[f.category] = gated.get(f.category, True) and ok
        if not any(gated.values()):
            return findings
        out: list[Finding] = []
        for f in findings:
            if gated.get(f.category) and not explain.is_model(f) and f.score > 0.0:
                f = _set_aside(f, scores[self.columns[f.category]])
            out.append(f)
        return out


def _set_aside(f: Finding, score: float) -> Finding:
    """``f`` withdrawn (score 0) the way a context frame withdraws a finding, with the reason."""
    return lowered(
        f,
        0.0,
        GATE_ID,
        "",
        "model yang membaca seluruh unggahan hampir tidak melihat tanda kategori ini "
        f"di sini (skor {score:.0%})",
        "the model that reads the whole post sees almost no sign of this category here "
        f"(score {score:.0%})",
        "",
    )
