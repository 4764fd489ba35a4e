"""Versioned word lists, one YAML file per category, written by the bijak authors.

Every file carries ``name``, ``version``, ``category`` and ``provenance`` and a comment header
saying who wrote it. Sections (all optional, ``phrase: weight`` with weight in [0, 1]):

- ``terms``    evidence on its own (a single weak word gives a low score, strong ones high);
  weight 0 marks a literal phrase that reports nothing and stops a ``cue`` inside it from
  counting ("membuang sampah", "tempat sampah");
- ``targets``  evidence only when a ``cue`` of the same file is within ``window`` tokens
  (e.g. a health programme named next to a complaint word);
- ``cues``     the other half of such a pair;
- ``suffixes`` word endings that mark a term (e.g. gambling-site names ending in ``toto``);
- ``sources``  (tanpa_sumber only) phrases that name a source and cancel a claim;
- ``pairs_across_sentences: true`` lets a target and its cue stand in two sentences (a group
  named, then judged: "pasti wong Madura kae. Bangsane ancen ngono."); by default a pair
  stays inside one sentence ("... susah lahir. Sa su tanya bidan puskesmas" is no complaint);
- ``piles`` (with ``pile_min`` and ``pile_weight``) words that are weak one by one but tell
  the category when ``pile_min`` different ones (none negated) stand in one post: a list of
  failures ("mess bocor, air mati, BBI telat") is a complaint although no word of it is;
- ``hashtag_targets`` (``target phrase: weight``) makes those targets evidence on their own
  when written inside a hashtag: nobody tags a post ``#Nomor3UntukBelu`` or
  ``#Paslon2Menang`` except to promote it, while the same words in a sentence need a cue
  (``#Pilkada2024`` is news: ``pilkada`` is not listed);
- ``counters`` phrases that speak AGAINST the category ("stop judi", "bahaya narkoba"): a
  weak term (weight <= ``counter_max``) within ``window`` tokens of one is not reported.

``styled`` scores a word written in decorative Unicode letters (𝗕𝗢𝗟𝗗, ｆｕｌｌｗｉｄｔｈ,
🅴🅽🅲🅻🅾🆂🅴🅳, l̲i̲n̲e̲d̲) — the usual disguise of spam site names — once per text.
``glued_digits`` scores a word shaped like ``name17`` / ``name188`` (minus ``glued_stoplist``).
``exclamations`` (``word: weight``) gives a one-word term that weight when it stands as an
exclamation: alone between punctuation ("Anjing betul, ..." / "Setan, setan, setan."), with only
``exclamation_words`` (intensifiers, particles, "kau") or its own repetitions beside it. The
bare word may be literal ("anjing" the animal); as an interjection it is the swear word.
``upper_bonus`` raises a term's weight when it is written in capitals in the original
(``RAHASIA`` as a marking vs. ``rahasia`` in a sentence).
``spelling_variants: true`` also matches the spellings posts give a one-word term to stress it
or to get past filters (see :func:`spelling_variants`): "guoblok", "govlok", "goblog",
"bangsad" for "goblok" and "bangsat".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

LEXICON_FILES: tuple[str, ...] = (
    "perjudian",
    "narkoba",
    "pornografi",
    "sara",
    "ujaran_kebencian",
    "politik",
    "agama_sensitif",
    "pamer",
    "keluhan_layanan",
    "penghinaan",
    "kata_kasar",
    "penipuan",
    "provokasi",
    "radikalisme",
    "terorisme",
    "fitnah",
    "hoaks",
    "rahasia",
)
"""Lexicons matched by ``bijak.lexicon.v1``, all in one pass."""


class LexiconError(ValueError):
    """A lexicon file that does not follow the format above."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    name: str
    version: str
    category: str
    provenance: str
    terms: MappingProxyType[str, float]
    targets: MappingProxyType[str, float]
    cues: MappingProxyType[str, float]
    suffixes: MappingProxyType[str, float]
    sources: MappingProxyType[str, float]
    counters: MappingProxyType[str, float]
    window: int
    upper_bonus: float
    styled: float = 0.0
    glued_digits: float = 0.0
    glued_stoplist: frozenset[str] = frozenset()
    counter_max: float = 0.5
    spelling_variants: bool = False
    exclamations: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType({}))
    exclamation_words: frozenset[str] = frozenset()
    pairs_across_sentences: bool = False
    piles: MappingProxyType[str, float] = field(default_factory=lambda: MappingProxyType({}))
    pile_min: int = 3
    pile_weight: float = 0.6
    hashtag_targets: MappingProxyType[str, float] = field(
        default_factory=lambda: MappingProxyType({})
    )


VARIANT_MIN_LENGTH = 5
"""Words shorter than this get no generated spellings (too many real words look alike)."""
VARIANT_MIN_WEIGHT = 0.3
"""Only terms at least this strong get generated spellings."""
_VOWELS = frozenset("aeiou")
_FINAL_SWAPS = {"k": ("g", "q"), "g": ("k",), "t": ("d",), "d": ("t",)}


def spelling_variants(word: str) -> frozenset[str]:
    """Spellings of an abusive word that are not in the normaliser's slang table, made by
    up to three regular changes together: the stressed ``u`` after the first consonant
    (Javanese-style emphasis: "goblok" -> "guoblok", "bangsat" -> "buangsat"), a swapped
    final consonant ("goblog", "gobloq", "bangsad"), and ``v`` for ``b`` ("govlok"; not ``f``
    for ``p``, which turns "sarap" into "saraf", a nerve). The word itself is not included."""
    if len(word) < VARIANT_MIN_LENGTH or not word.isalpha():
        return frozenset()
    stems = {word}
    if word[0] not in _VOWELS and word[1] in _VOWELS and word[1] != "u":
        stems.add(word[0] + "u" + word[1:])
    out = set(stems)
    for w in stems:
        for end in _FINAL_SWAPS.get(w[-1], ()):
            out.add(w[:-1] + end)
    out |= {w.replace("b", "v") for w in list(out) if "b" in w}
    out.discard(word)
    return frozenset(out)


class _UniqueKeyLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses a key given twice in one mapping: plain YAML keeps
    the last one silently, so a phrase listed twice in a table would lose its first weight
    without a word."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise LexiconError(f"line {key_node.start_mark.line + 1}: {key!r} listed twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_unique_yaml(text: str) -> Any:
    """``yaml.safe_load`` that refuses a key given twice in one mapping (:class:`LexiconError`)."""
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass


def _weights(data: dict[str, Any], key: str, file: str) -> MappingProxyType[str, float]:
    raw = data.get(key) or {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{file}: '{key}' must be a mapping phrase -> weight")
    out: dict[str, float] = {}
    for phrase, weight in raw.items():
        w = float(weight)
        if not 0.0 <= w <= 1.0:
            raise LexiconError(f"{file}: weight of {phrase!r} outside [0, 1]")
        phrase = str(phrase).strip().lower()
        if phrase in out:
            raise LexiconError(f"{file}: {phrase!r} listed twice in '{key}'")
        out[phrase] = w
    return MappingProxyType(out)


def _with_groups(
    targets: MappingProxyType[str, float], groups: Any, file: str
) -> MappingProxyType[str, float]:
    """``targets`` with every ``prefix name`` of each ``target_groups`` entry added at its
    weight ("orang" x "sumba" -> "orang sumba"): a group named with any of the usual words,
    kept as two short lists instead of their product. A phrase also listed in ``targets``
    keeps the weight given there."""
    if not groups:
        return targets
    if not isinstance(groups, list):
        raise LexiconError(f"{file}: 'target_groups' must be a list")
    out = dict(targets)
    for g in groups:
        if not isinstance(g, dict) or not g.get("prefixes") or not g.get("names"):
            raise LexiconError(f"{file}: a target group needs 'prefixes', 'names' and 'weight'")
        w = float(g.get("weight", -1))
        if not 0.0 <= w <= 1.0:
            raise LexiconError(f"{file}: target group weight outside [0, 1]")
        for prefix in g["prefixes"]:
            for name in g["names"]:
                out.setdefault(f"{str(prefix).strip().lower()} {str(name).strip().lower()}", w)
    return MappingProxyType(out)


def parse_lexicon(text: str, file: str = "<string>") -> Lexicon:
    try:
        data = load_unique_yaml(text)
    except LexiconError as e:
        raise LexiconError(f"{file}: {e}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{file}: not a mapping")
    if "written by the bijak authors" not in text.lower():
        raise LexiconError(f"{file}: header must say it was written by the bijak authors")
    for key in ("name", "version", "category", "provenance"):
        if not data.get(key):
            raise LexiconError(f"{file}: missing '{key}'")
    return Lexicon(
        name=str(data["name"]),
        version=str(data["version"]),
        category=str(data["category"]),
        provenance=str(data["provenance"]).strip(),
        terms=_weights(data, "terms", file),
        targets=_with_groups(_weights(data, "targets", file), data.get("target_groups"), file),
        cues=_weights(data, "cues", file),
        suffixes=_weights(data, "suffixes", file),
        sources=_weights(data, "sources", file),
        counters=_weights(data, "counters", file),
        window=int(data.get("window", 8)),
        upper_bonus=float(data.get("upper_bonus", 0.0)),
        styled=float(data.get("styled", 0.0)),
        glued_digits=float(data.get("glued_digits", 0.0)),
        glued_stoplist=frozenset(str(w).lower() for w in data.get("glued_stoplist") or ()),
        counter_max=float(data.get("counter_max", 0.5)),
        spelling_variants=bool(data.get("spelling_variants", False)),
        exclamations=_weights(data, "exclamations", file),
        exclamation_words=frozenset(str(w).lower() for w in data.get("exclamation_words") or ()),
        pairs_across_sentences=bool(data.get("pairs_across_sentences", False)),
        piles=_weights(data, "piles", file),
        pile_min=int(data.get("pile_min", 3)),
        pile_weight=float(data.get("pile_weight", 0.6)),
        hashtag_targets=_weights(data, "hashtag_targets", file),
    )


@cache
def load_lexicon(name: str) -> Lexicon:
    """Load ``<name>.yaml`` shipped in this package (cached)."""
    path = resources.files(__name__).joinpath(f"{name}.yaml")
    return parse_lexicon(path.read_text(encoding="utf-8"), f"{name}.yaml")


def lexicon_versions() -> dict[str, str]:
    """``name -> version`` of every shipped lexicon (recorded in each report)."""
    return {load_lexicon(n).name: load_lexicon(n).version for n in LEXICON_FILES}
