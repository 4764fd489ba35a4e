"""The challenge set: realistic Indonesian posts written by the bijak authors, per category.

Hand-written families of posts live in ``benchmarks/challenge/families/*.yaml`` (one file per
category, plus ``issue.yaml`` for the false alarms and misses listed in issue 10). A *family*
is one hand-written seed post or template with its paraphrases; the generator expands it with
slot fillers (``benchmarks/challenge/fillers.yaml``: invented officials and institutions,
places, platforms, slang variants, emoji), platform styles (X, Instagram, Facebook, WhatsApp
forwards, TikTok) and registers (formal, gaul, alay, Javanese- and Sundanese-mixed,
code-mixed English, typos, leetspeak). Every random choice comes from a generator seeded with
``SEED`` and the family id, so the output depends only on the family and never on the order
or number of the other families.

The split is by family: a family is in the test part or in the train part, never both, so no
template or seed sentence of the test part appears in train. The test part is frozen: the
family ids are listed in ``test_families.txt`` and ``test.jsonl`` is committed once and never
regenerated (``generate`` refuses to overwrite it); families added later go to train.

``run_challenge`` scores the full pipeline on the test part at *verdict* level: a category is
predicted positive when the report's verdict for it is not ``aman`` (``tinjau`` or
``langgar``), i.e. what a user sees.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SEED = 20261129
TEST_SHARE = 0.3
# Items each category side (positives, hard negatives) aims at across both splits.
TARGET_PER_SIDE = 360
MIN_PER_FAMILY = 12
MAX_PER_FAMILY = 60
# Families written after the freeze go to train; train aims at this many items per side.
# A second frozen test part (``test_b``): families whose id starts with ``b-``, written after
# the first freeze and frozen before any tuning helper saw them; this many items each.
TEST_B_PREFIX = "b-"
TEST_B_PER_FAMILY = 50
TRAIN_TARGET_PER_SIDE = 960
MAX_PER_TRAIN_FAMILY = 80

CATEGORIES: tuple[str, ...] = (
    "hoaks",
    "fitnah",
    "provokasi",
    "radikalisme",
    "terorisme",
    "pornografi",
    "sara",
    "ujaran_kebencian",
    "kata_kasar",
    "penghinaan",
    "politik",
    "agama_sensitif",
    "pamer",
    "keluhan_layanan",
    "perjudian",
    "narkoba",
    "penipuan",
    "data_pribadi",
    "rahasia",
    "tanpa_sumber",
)
PLATFORMS: tuple[str, ...] = ("x", "instagram", "facebook", "whatsapp", "tiktok")
REGISTERS: tuple[str, ...] = ("formal", "gaul", "alay", "jawa", "sunda", "english", "typo")

CHALLENGE_DIR = Path(os.environ.get("BIJAK_CHALLENGE_DIR", "benchmarks/challenge"))
HEADER = (
    "Written by the bijak authors for the bijak challenge set; no text from any data set. "
    "Names of people, institutions, numbers and accounts are invented."
)


class ChallengeError(ValueError):
    """A malformed family file or a broken freeze; the message names the file and family."""


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    category: str  # the file's category ("issue" for the items listed in issue 10)
    side: str  # "pos" | "neg"
    labels: dict[str, int]
    texts: tuple[str, ...]
    platforms: tuple[str, ...] = PLATFORMS
    registers: tuple[str, ...] = REGISTERS
    count: int | None = None  # items to generate; None = from the category target
    verbatim: bool = False  # no style or register changes (exact items, e.g. from the issue)
    note: str = ""
    # personal data that must not appear anywhere in the report of a line of this family
    must_mask: tuple[str, ...] = ()


@dataclass(slots=True)
class Line:
    id: str
    text: str
    labels: dict[str, int]
    source: str
    family: str
    split: str
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "text": self.text,
                "labels": self.labels,
                "source": self.source,
                "family": self.family,
            },
            ensure_ascii=False,
            sort_keys=False,
        )


# --------------------------------------------------------------------------- loading


def _as_tuple(value: Any, default: tuple[str, ...]) -> tuple[str, ...]:
    if value is None:
        return default
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def load_families(
    directory: Path | None = None, *, folder: str = "families", pattern: str = "*.yaml"
) -> list[Family]:
    """Every family of ``<folder>/<pattern>`` (``families/*.yaml``: the train and test
    families; ``dev_families/`` and ``fa_families/`` for the checks), validated; ids are unique
    across files."""
    root = (directory or CHALLENGE_DIR) / folder
    families: list[Family] = []
    seen: set[str] = set()
    for path in sorted(root.glob(pattern)):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        category = str(data.get("category", path.stem))
        for side in ("pos", "neg"):
            for raw in data.get(side, []) or []:
                fid = str(raw.get("id", ""))
                where = f"{path.name}: keluarga {fid or '?'}"
                if not fid or fid in seen:
                    raise ChallengeError(f"{where}: id kosong atau ganda")
                seen.add(fid)
                labels = raw.get("labels")
                if labels is None and category in CATEGORIES:
                    labels = {category: 1 if side == "pos" else 0}
                if not isinstance(labels, dict) or not labels:
                    raise ChallengeError(f"{where}: 'labels' harus objek yang tidak kosong")
                for cat, val in labels.items():
                    if cat not in CATEGORIES or val not in (0, 1) or isinstance(val, bool):
                        raise ChallengeError(f"{where}: label tidak sah {cat!r}: {val!r}")
                if side == "pos" and not any(labels.values()):
                    raise ChallengeError(f"{where}: keluarga positif tanpa label 1")
                if side == "neg" and any(labels.values()):
                    raise ChallengeError(f"{where}: keluarga negatif dengan label 1")
                texts = _as_tuple(raw.get("texts") or raw.get("text"), ())
                if not texts:
                    raise ChallengeError(f"{where}: tanpa teks")
                platforms = _as_tuple(raw.get("platforms"), PLATFORMS)
                registers = _as_tuple(raw.get("registers"), REGISTERS)
                bad = [p for p in platforms if p not in PLATFORMS] + [
                    r for r in registers if r not in REGISTERS
                ]
                if bad:
                    raise ChallengeError(f"{where}: platform/register tidak dikenal {bad}")
                families.append(
                    Family(
                        id=fid,
                        category=category,
                        side=side,
                        labels={str(k): int(v) for k, v in labels.items()},
                        texts=texts,
                        platforms=platforms,
                        registers=registers,
                        count=int(raw["count"]) if raw.get("count") is not None else None,
                        verbatim=bool(raw.get("verbatim", False)),
                        note=str(raw.get("note", "")),
                        must_mask=_as_tuple(raw.get("must_mask"), ()),
                    )
                )
    return families


def load_fillers(directory: Path | None = None) -> dict[str, list[str]]:
    path = (directory or CHALLENGE_DIR) / "fillers.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, list[str]] = {}
    for key, values in data.items():
        if not isinstance(values, list) or not values:
            raise ChallengeError(f"fillers.yaml: {key!r} harus daftar yang tidak kosong")
        out[str(key)] = [str(v) for v in values]
    return out


# --------------------------------------------------------------------------- slots

_SLOT = re.compile(r"\{([^{}]+)\}")
_PROTECT = "\x00{}\x00"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


_PROVINCES = "11 12 13 14 31 32 33 34 35 36 51 52 61 63 64 71 73 81 91 94".split()
_MONTHS = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()


def _nik(rng: random.Random) -> str:
    prov = rng.choice(_PROVINCES)
    kab = f"{rng.randint(1, 20):02d}"
    kec = f"{rng.randint(1, 25):02d}"
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    month = rng.randint(1, 12)
    year = rng.randint(60, 99) if rng.random() < 0.7 else rng.randint(0, 5)
    serial = f"{rng.randint(1, 2999):04d}"
    return f"{prov}{kab}{kec}{day:02d}{month:02d}{year:02d}{serial}"


def _hp(rng: random.Random) -> str:
    prefix = rng.choice(["0812", "0813", "0821", "0852", "0857", "0878", "0896", "0838", "0819"])
    rest = _digits(rng, rng.choice([7, 8]))
    style = rng.random()
    if style < 0.4:
        return prefix + rest
    if style < 0.7:
        return f"{prefix}-{rest[:4]}-{rest[4:]}"
    if style < 0.85:
        return f"+62 {prefix[1:]} {rest[:4]} {rest[4:]}"
    return f"{prefix} {rest[:4]} {rest[4:]}"


def _rm(rng: random.Random) -> str:
    d = _digits(rng, 8)
    form = rng.random()
    if form < 0.35:
        return f"{d[:2]}-{d[2:4]}-{d[4:6]}-{d[6:]}"
    if form < 0.6:
        return d[:6]
    if form < 0.8:
        return f"RM-{d[:7]}"
    return f"{d[:2]}.{d[2:4]}.{d[4:6]}"


def _nominal(rng: random.Random) -> str:
    value = rng.choice([50, 75, 100, 150, 250, 300, 500, 750, 1_500, 2_500, 5_000])
    form = rng.random()
    if form < 0.4:
        return f"Rp{value * 1000:,}".replace(",", ".")
    if form < 0.7:
        return f"{value}rb" if value < 1000 else f"{value / 1000:g}jt"
    return f"Rp {value * 1000:,}".replace(",", ".")


def _nomor_surat(rng: random.Random) -> str:
    code = rng.choice(["PR", "KP", "HK", "PS", "OT"])
    roman = rng.choice(["I", "II", "III", "IV", "V"])
    return (
        f"{code}.{rng.randint(1, 4):02d}.{rng.randint(1, 9):02d}/{roman}/"
        f"{rng.randint(100, 9999)}/{rng.randint(2024, 2026)}"
    )


_GENERATED: dict[str, Callable[[random.Random], str]] = {
    "nik": _nik,
    "hp": _hp,
    "rm": _rm,
    "nominal": _nominal,
    "angka": lambda rng: str(rng.randint(2, 98)),
    "kecil": lambda rng: str(rng.randint(2, 12)),
    "ratusan": lambda rng: str(rng.randint(120, 980)),
    "persen": lambda rng: f"{rng.choice([60, 70, 80, 85, 90, 95, 97, 99, 100])}%",
    "tanggal": lambda rng: f"{rng.randint(1, 28)} {rng.choice(_MONTHS)}",
    "jam": lambda rng: f"{rng.randint(6, 22):02d}.{rng.choice(['00', '15', '30', '45'])}",
    "tahun": lambda rng: str(rng.randint(2019, 2026)),
    "rt": lambda rng: f"RT {rng.randint(1, 15):02d}/RW {rng.randint(1, 12):02d}",
    "nomor_surat": _nomor_surat,
}
# values that style changes must never touch (numbers a recognizer validates)
_PROTECTED = {"nik", "hp", "rm", "nomor_surat", "rt"}


class _Filler:
    """Fills ``{slot}`` and ``{a|b|c}`` in a template; protected values become placeholders."""

    def __init__(self, fillers: dict[str, list[str]], rng: random.Random, split: str) -> None:
        self.fillers = fillers
        self.rng = rng
        self.split = split
        self.protected: list[str] = []

    def pool(self, key: str) -> list[str]:
        values = self.fillers[key]
        # invented people are split too: test posts name people train posts never name
        if key.startswith("nama") and len(values) >= 4:
            return values[1::2] if self.split == "train" else values[0::2]
        return values

    def fill(self, template: str, depth: int = 0) -> str:
        if depth > 6:
            raise ChallengeError(f"slot terlalu dalam: {template!r}")

        def sub(m: re.Match[str]) -> str:
            body = m.group(1)
            if "|" in body:
                return self.fill(self.rng.choice(body.split("|")), depth + 1)
            key = body.strip()
            if key in _GENERATED:
                value = _GENERATED[key](self.rng)
                if key in _PROTECTED:
                    self.protected.append(value)
                    return _PROTECT.format(len(self.protected) - 1)
                return value
            if key not in self.fillers:
                raise ChallengeError(f"slot tidak dikenal {{{key}}} dalam {template!r}")
            return self.fill(self.rng.choice(self.pool(key)), depth + 1)

        return _SLOT.sub(sub, template)

    def restore(self, text: str) -> str:
        for i, value in enumerate(self.protected):
            text = text.replace(_PROTECT.format(i), value)
        return text


# --------------------------------------------------------------------------- registers

_GAUL = [
    (r"\btidak\b", ["gak", "nggak", "ga", "enggak"]),
    (r"\bTidak\b", ["Gak", "Nggak", "Ga"]),
    (r"\bsaya\b", ["aku", "gue", "gw", "sy"]),
    (r"\bSaya\b", ["Aku", "Gue", "Gw"]),
    (r"\bsudah\b", ["udah", "udh", "dah"]),
    (r"\bsangat\b", ["banget", "bgt"]),
    (r"\bsekali\b", ["banget", "bgt"]),
    (r"\bbenar\b", ["bener"]),
    (r"\bbagaimana\b", ["gimana", "gmn"]),
    (r"\bkarena\b", ["soalnya", "krn", "gara2"]),
    (r"\bkalian\b", ["kalian", "lu pada", "kalean"]),
    (r"\bbelum\b", ["blm", "belom"]),
    (r"\bsaja\b", ["aja", "doang"]),
    (r"\bhanya\b", ["cuma", "cuman"]),
    (r"\bmemang\b", ["emang"]),
    (r"\bbegitu\b", ["gitu"]),
    (r"\bbegini\b", ["gini"]),
    (r"\byang\b", ["yg"]),
    (r"\bdengan\b", ["dgn", "sama"]),
    (r"\buntuk\b", ["buat", "utk"]),
    (r"\bteman-teman\b", ["guys", "gaes", "temen2"]),
]
_JAWA = [
    (r"\btidak\b", ["ora", "gak"]),
    (r"\bsudah\b", ["wis", "uwis"]),
    (r"\bsangat\b", ["tenan", "pol"]),
    (r"\bsekali\b", ["tenan", "pol"]),
    (r"\bsaja\b", ["wae", "ae"]),
    (r"\bsaya\b", ["aku"]),
    (r"\bitu\b", ["kuwi", "iku"]),
    (r"\bbenar\b", ["bener"]),
    (r"\bteman-teman\b", ["rek", "lur", "dulur"]),
]
_SUNDA = [
    (r"\btidak\b", ["teu", "henteu"]),
    (r"\bsangat\b", ["pisan"]),
    (r"\bsekali\b", ["pisan"]),
    (r"\bsaya\b", ["abdi", "urang"]),
    (r"\bsaja\b", ["wae"]),
    (r"\bsudah\b", ["atos", "geus"]),
    (r"\bteman-teman\b", ["baraya", "wargi"]),
]
_ENGLISH = [
    (r"\bsangat\b", ["so", "really"]),
    (r"\btapi\b", ["but"]),
    (r"\bsebenarnya\b", ["actually", "honestly"]),
    (r"\bpokoknya\b", ["basically"]),
    (r"\bsekali\b", ["banget", "so much"]),
    (r"\bteman-teman\b", ["guys"]),
    (r"\bterima kasih\b", ["thank you", "thanks"]),
]
_JAWA_TAGS = [" lho", " rek", " to", " yo", " cah", " ngono lho"]
_SUNDA_TAGS = [" euy", " atuh", " mah", " pisan", " tea", " nya"]
_ENGLISH_TAGS = [" tbh", " btw", " no cap", " literally", " fr", " sih honestly"]
_ALAY_MAP = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "g": "9"}


def _swap_words(text: str, table: list[tuple[str, list[str]]], rng: random.Random, p: float) -> str:
    for pattern, choices in table:

        def pick(m: re.Match[str], choices: list[str] = choices) -> str:
            return rng.choice(choices) if rng.random() < p else m.group(0)

        text = re.sub(pattern, pick, text)
    return text


def _tag_sentences(text: str, tags: list[str], rng: random.Random) -> str:
    parts = re.split(r"(?<=[.!?])(\s+)", text)
    out: list[str] = []
    added = 0
    for part in parts:
        if (
            len(part) > 1
            and part[-1] in ".!?"
            and part[-2].isalpha()  # not after a list number ("1.") or a URL's dot
            and rng.random() < 0.4
            and added < 2
        ):
            part = part[:-1] + rng.choice(tags) + part[-1]
            added += 1
        out.append(part)
    result = "".join(out).rstrip()
    if not added:
        m = re.search(r"[.!?]+$", result)
        cut = m.start() if m else len(result)
        result = result[:cut] + rng.choice(tags) + result[cut:]
    return result


def _alay(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    out = []
    for w in words:
        if "\x00" in w or w.startswith(("http", "@", "#")):
            out.append(w)
            continue
        r = rng.random()
        if r < 0.25:
            w = "".join(_ALAY_MAP.get(ch, ch) if rng.random() < 0.6 else ch for ch in w)
        elif r < 0.4:
            w = "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(w))
        elif r < 0.5 and w and w[-1].isalpha():
            w = w + w[-1] * rng.randint(1, 3)
        out.append(w)
    return " ".join(out)


def _typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    for i in rng.sample(candidates, min(len(candidates), rng.randint(1, 2))):
        w = words[i]
        j = rng.randrange(1, len(w) - 2)
        kind = rng.random()
        if kind < 0.5:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        elif kind < 0.8:
            w = w[:j] + w[j + 1 :]
        else:
            w = w[:j] + w[j] + w[j:]
        words[i] = w
    return " ".join(words)


def apply_register(text: str, register: str, rng: random.Random) -> str:
    if register == "formal":
        return text
    if register == "gaul":
        text = _swap_words(text, _GAUL, rng, 0.8)
        return text.lower() if rng.random() < 0.5 else text
    if register == "alay":
        return _alay(_swap_words(text, _GAUL, rng, 0.8), rng)
    if register == "jawa":
        return _tag_sentences(_swap_words(text, _JAWA, rng, 0.7), _JAWA_TAGS, rng)
    if register == "sunda":
        return _tag_sentences(_swap_words(text, _SUNDA, rng, 0.7), _SUNDA_TAGS, rng)
    if register == "english":
        return _tag_sentences(_swap_words(text, _ENGLISH, rng, 0.7), _ENGLISH_TAGS, rng)
    if register == "typo":
        return _typo(text, rng)
    raise ChallengeError(f"register tidak dikenal {register!r}")


# --------------------------------------------------------------------------- platforms


def apply_platform(text: str, platform: str, side: str, fill: _Filler, rng: random.Random) -> str:
    """Wrap a post as it would appear on ``platform``; the wrappers carry no label of their own
    (chain-message urgency is written into the positive templates, not added here)."""
    r = rng.random()
    if platform == "x":
        if r < 0.35:
            return f"{text} {fill.fill('{hashtag}')}"
        if r < 0.5:
            return f"{fill.fill('{akun}')} {text}"
        return text
    if platform == "instagram":
        emoji = fill.fill("{emoji}")
        tags = " ".join(fill.fill("{hashtag}") for _ in range(rng.randint(1, 4)))
        if r < 0.6:
            return f"{text} {emoji}\n.\n.\n{tags}"
        return f"{emoji} {text} {emoji}"
    if platform == "facebook":
        if r < 0.25:
            return f"{fill.fill('{fb_pembuka}')} {text}"
        if r < 0.45:
            return f"{text}\n\n{fill.fill('{fb_penutup}')}"
        return text
    if platform == "whatsapp":
        if r < 0.3:
            return f"{fill.fill('{wa_pembuka}')}\n{text}"
        if r < 0.5:
            return f"*{text[:1].upper()}{text[1:]}*" if len(text) < 200 else text
        return text
    if platform == "tiktok":
        if r < 0.5:
            return f"{text} {fill.fill('{emoji}')} #fyp #{fill.fill('{tiktok_tag}')}"
        if r < 0.7:
            return f"{fill.fill('{tiktok_pembuka}')} {text}"
        return text
    raise ChallengeError(f"platform tidak dikenal {platform!r}")


# --------------------------------------------------------------------------- generation


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def assign_test_families(families: Sequence[Family]) -> set[str]:
    """The initial test families: per (category, side), the ``TEST_SHARE`` of families with the
    lowest hash of their id (at least one where a side has two or more); all ``issue`` items."""
    groups: dict[tuple[str, str], list[Family]] = {}
    for fam in families:
        groups.setdefault((fam.category, fam.side), []).append(fam)
    chosen: set[str] = set()
    for (category, _side), fams in groups.items():
        if category == "issue":
            chosen.update(f.id for f in fams)
            continue
        if len(fams) < 2:
            continue
        k = max(1, round(len(fams) * TEST_SHARE))
        ranked = sorted(fams, key=lambda f: _hash(f"{SEED}:split:{f.id}"))
        chosen.update(f.id for f in ranked[:k])
    return chosen


def family_count(fam: Family, n_side: int, split: str = "test") -> int:
    """Items to generate for ``fam``; ``n_side`` is the number of families of its category side
    (all of them for test, as when the test part was frozen; the train ones for train)."""
    if fam.count is not None:
        return fam.count
    if split == "test_b":
        return TEST_B_PER_FAMILY
    if split == "train":
        per = math.ceil(TRAIN_TARGET_PER_SIDE / max(1, n_side))
        return max(MIN_PER_FAMILY, min(MAX_PER_TRAIN_FAMILY, per))
    return max(MIN_PER_FAMILY, min(MAX_PER_FAMILY, math.ceil(TARGET_PER_SIDE / max(1, n_side))))


def _clean(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.!?])", r"\1", text)
    return text.strip()


def expand_family(fam: Family, fillers: dict[str, list[str]], n: int, split: str) -> list[Line]:
    """``n`` distinct posts of one family (fewer when its templates cannot make ``n``)."""
    rng = random.Random(f"{SEED}:{fam.id}")
    lines: list[Line] = []
    seen: set[str] = set()
    attempts = 0
    # first pass: every hand-written text once, as written (formal register)
    order = list(range(len(fam.texts)))
    while len(lines) < n and attempts < n * 25:
        attempts += 1
        idx = order.pop(0) if order else rng.randrange(len(fam.texts))
        first = attempts <= len(fam.texts)
        filler = _Filler(fillers, rng, split)
        text = filler.fill(fam.texts[idx])
        platform = rng.choice(fam.platforms)
        register = "formal"
        if not fam.verbatim:
            if not first:
                register = rng.choice(fam.registers)
                text = apply_register(text, register, rng)
            text = apply_platform(text, platform, fam.side, filler, rng)
        text = _clean(filler.restore(text))
        if text in seen:
            continue
        seen.add(text)
        lines.append(
            Line(
                id=f"{fam.id}-{len(lines) + 1:03d}",
                text=text,
                labels=dict(fam.labels),
                source=f"challenge-{platform}",
                family=fam.id,
                split=split,
                meta={"register": register, "template": idx},
            )
        )
    return lines


def generate(directory: Path | None = None) -> dict[str, list[Line]]:
    """All lines by split, from the family files and the frozen test manifest if present."""
    root = directory or CHALLENGE_DIR
    families = load_families(root)
    fillers = load_fillers(root)
    manifest = root / "test_families.txt"
    test_ids = read_manifest(manifest) if manifest.exists() else assign_test_families(families)
    b_manifest = root / "test_b_families.txt"
    b_ids = (
        read_manifest(b_manifest)
        if b_manifest.exists()
        else {f.id for f in families if f.id.startswith(TEST_B_PREFIX)}
    ) - test_ids
    sides = Counter((f.category, f.side) for f in families)
    train_sides = Counter(
        (f.category, f.side) for f in families if f.id not in test_ids and f.id not in b_ids
    )
    out: dict[str, list[Line]] = {"train": [], "test": [], "test_b": []}
    for fam in families:
        split = "test" if fam.id in test_ids else "test_b" if fam.id in b_ids else "train"
        n_side = (train_sides if split == "train" else sides)[(fam.category, fam.side)]
        n = family_count(fam, n_side, split)
        out[split].extend(expand_family(fam, fillers, n, split))
    # exact duplicates across families: keep the test copy, drop the train copy (the frozen
    # files count, not only what the generator makes of them today)
    test_texts = {line.text for line in out["test"] + out["test_b"]}
    for name in ("test.jsonl", "test_b.jsonl"):
        frozen = root / name
        if frozen.exists():
            test_texts |= {item.text for item in read_split(frozen)}
    out["train"] = [line for line in out["train"] if line.text not in test_texts]
    return out


REGISTER_CODES = {
    "formal": "F",
    "gaul": "G",
    "alay": "A",
    "jawa": "J",
    "sunda": "S",
    "english": "E",
    "typo": "T",
}
_REGISTER_NAMES = {code: name for name, code in REGISTER_CODES.items()}


def read_registers(path: Path) -> dict[str, str]:
    """``line id -> register`` from ``registers.tsv`` (``family<TAB>codes``, one code per line
    of the family in order: F formal, G gaul, A alay, J jawa, S sunda, E english, T typo)."""
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        family, codes = raw.split("\t", 1)
        for i, code in enumerate(codes.strip(), start=1):
            if code != "-":
                out[f"{family}-{i:03d}"] = _REGISTER_NAMES[code]
    return out


def write_registers(path: Path, rows: dict[str, str]) -> None:
    """``family -> codes`` rows, sorted, under the provenance header."""
    body = "".join(f"{fam}\t{codes}\n" for fam, codes in sorted(rows.items()))
    path.write_text(
        f"# {HEADER}\n# Register of every generated line: family<TAB>one code per line "
        "(F formal, G gaul, A alay, J jawa, S sunda, E english, T typo).\n" + body,
        encoding="utf-8",
    )


def register_rows(lines: Iterable[Line]) -> dict[str, str]:
    """``family -> codes``, by the number in each line id (``-`` where a line was dropped as a
    duplicate of a test line)."""
    rows: dict[str, dict[int, str]] = {}
    for line in lines:
        number = int(line.id.rsplit("-", 1)[1])
        rows.setdefault(line.family, {})[number] = REGISTER_CODES[str(line.meta["register"])]
    return {
        fam: "".join(codes.get(i, "-") for i in range(1, max(codes) + 1))
        for fam, codes in rows.items()
    }


def read_manifest(path: Path) -> set[str]:
    return {
        ln.strip()
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    }


def write_lines(path: Path, lines: Iterable[Line]) -> str:
    body = "".join(line.to_json() + "\n" for line in lines)
    path.write_text(body, encoding="utf-8")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_corpus(
    directory: Path | None = None, *, freeze_test: bool = False, freeze_test_b: bool = False
) -> dict[str, Any]:
    """Write ``train.jsonl`` (always) and, only with ``freeze_test`` and no manifest yet,
    ``test.jsonl`` with ``test_families.txt`` (likewise ``test_b`` with ``freeze_test_b``).
    Returns counts and digests."""
    root = directory or CHALLENGE_DIR
    b_manifest = root / "test_b_families.txt"
    if freeze_test_b and b_manifest.exists():
        raise ChallengeError(
            "test_b_families.txt sudah ada: bagian uji B dibekukan dan tidak boleh dibuat ulang"
        )
    manifest = root / "test_families.txt"
    test_path = root / "test.jsonl"
    if freeze_test and manifest.exists():
        raise ChallengeError(
            "test_families.txt sudah ada: bagian uji dibekukan dan tidak boleh dibuat ulang"
        )
    if not freeze_test and not manifest.exists():
        raise ChallengeError("bagian uji belum dibekukan: jalankan dengan --freeze-test sekali")
    corpus = generate(root)
    info: dict[str, Any] = {}
    if freeze_test:
        ids = sorted({line.family for line in corpus["test"]})
        manifest.write_text(
            f"# {HEADER}\n# Frozen test families of the bijak challenge set (one id a line).\n"
            + "".join(f"{i}\n" for i in ids),
            encoding="utf-8",
        )
        info["test_sha256"] = write_lines(test_path, corpus["test"])
    if freeze_test_b:
        ids = sorted({line.family for line in corpus["test_b"]})
        b_manifest.write_text(
            f"# {HEADER}\n# Frozen families of the second test part (test_b), one id a line.\n"
            + "".join(f"{i}\n" for i in ids),
            encoding="utf-8",
        )
        info["test_b_sha256"] = write_lines(root / "test_b.jsonl", corpus["test_b"])
    info["train_sha256"] = write_lines(root / "train.jsonl", corpus["train"])
    info["counts"] = count_table(corpus["train"] + corpus["test"])
    readme = root / "README.md"
    # registers: frozen parts keep their rows (written once, when they were frozen)
    reg_path = root / "registers.tsv"
    frozen_ids = read_manifest(manifest) | (
        read_manifest(b_manifest) if b_manifest.exists() else set()
    )
    rows = {}
    if reg_path.exists():
        for raw in reg_path.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                fam, codes = raw.split("\t", 1)
                if fam in frozen_ids:
                    rows[fam] = codes
    new_rows = register_rows(corpus["train"])
    if freeze_test:
        new_rows.update(register_rows(corpus["test"]))
    if freeze_test_b:
        new_rows.update(register_rows(corpus["test_b"]))
    rows.update(new_rows)
    write_registers(reg_path, rows)
    b_path = root / "test_b.jsonl"
    if readme.exists():
        update_readme_counts(
            readme,
            read_split(root / "train.jsonl"),
            read_split(test_path),
            read_split(b_path) if b_path.exists() else [],
        )
    return info


def counts_markdown(
    train: Sequence[ChallengeItem],
    test: Sequence[ChallengeItem],
    test_b: Sequence[ChallengeItem] = (),
) -> str:
    """The README's count table (checked by the tests against the files)."""
    tr, te, tb = count_table(train), count_table(test), count_table(test_b)
    rows = [
        "| category | positives train | positives test | positives test_b "
        "| hard negatives train | hard negatives test | hard negatives test_b |",
        "|---|---|---|---|---|---|---|",
    ]
    rows += [
        f"| `{c}` | {tr[c]['pos']} | {te[c]['pos']} | {tb[c]['pos']} "
        f"| {tr[c]['neg']} | {te[c]['neg']} | {tb[c]['neg']} |"
        for c in CATEGORIES
    ]
    for name, items in (("train", train), ("test", test), ("test_b", test_b)):
        hard = sum(1 for i in items if is_hard_negative(i.labels))
        families = len({i.family for i in items})
        rows.append("")
        rows.append(
            f"- `{name}.jsonl`: {len(items)} lines from {families} families, {hard} hard negatives"
        )
    return "\n".join(rows)


def update_readme_counts(
    readme: Path,
    train: Sequence[ChallengeItem],
    test: Sequence[ChallengeItem],
    test_b: Sequence[ChallengeItem] = (),
) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- COUNTS:START -->", "<!-- COUNTS:END -->"
    if start not in text or end not in text:
        return
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1]
    readme.write_text(
        f"{head}{start}\n{counts_markdown(train, test, test_b)}\n{end}{tail}", encoding="utf-8"
    )


def _trigrams(template: str) -> set[str]:
    words = re.findall(r"\w+", _SLOT.sub(" ", template.lower()))
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def template_overlap(
    families: Sequence[Family], test_ids: set[str]
) -> list[tuple[float, str, str]]:
    """For each test template, the highest word-trigram Jaccard similarity to any train
    template, as ``(similarity, test family, train family)``, highest first."""
    train = [(f.id, _trigrams(t)) for f in families if f.id not in test_ids for t in f.texts]
    out: list[tuple[float, str, str]] = []
    for fam in families:
        if fam.id not in test_ids:
            continue
        for text in fam.texts:
            grams = _trigrams(text)
            best = (0.0, fam.id, "")
            for other, tg in train:
                union = len(grams | tg)
                sim = len(grams & tg) / union if union else 0.0
                if sim > best[0]:
                    best = (sim, fam.id, other)
            out.append(best)
    return sorted(out, reverse=True)


# --------------------------------------------------------------------------- reading and counting


@dataclass(frozen=True, slots=True)
class ChallengeItem:
    id: str
    text: str
    labels: dict[str, int]
    source: str
    family: str


def read_split(path: Path) -> list[ChallengeItem]:
    """The lines of a challenge file; a malformed line raises ``ChallengeError`` naming it.
    ``family`` may be missing (a plain ``bijak eval`` file): the line's id stands for it."""
    items: list[ChallengeItem] = []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise ChallengeError(f"{path}: tidak dapat dibaca ({exc.strerror})") from None
    with fh:
        for no, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            where = f"{path.name} baris {no}"
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise ChallengeError(f"{where}: bukan JSON yang sah ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise ChallengeError(f"{where}: harus objek JSON")
            text, labels = obj.get("text"), obj.get("labels")
            if not isinstance(text, str):
                raise ChallengeError(f"{where}: 'text' harus string")
            if not isinstance(labels, dict) or not labels:
                raise ChallengeError(f"{where}: 'labels' harus objek {{kategori: 0|1}}")
            clean: dict[str, int] = {}
            for cat, val in labels.items():
                if cat not in CATEGORIES:
                    raise ChallengeError(f"{where}: kategori tidak dikenal {cat!r}")
                if val not in (0, 1) or isinstance(val, bool):
                    raise ChallengeError(f"{where}: label {cat!r} harus 0 atau 1, bukan {val!r}")
                clean[cat] = int(val)
            line_id = str(obj.get("id", f"{path.stem}-{no}"))
            items.append(
                ChallengeItem(
                    line_id,
                    text,
                    clean,
                    str(obj.get("source", "")),
                    str(obj.get("family", line_id)),
                )
            )
    return items


def is_hard_negative(labels: dict[str, int]) -> bool:
    return not any(labels.values())


def count_table(items: Iterable[Line | ChallengeItem]) -> dict[str, dict[str, int]]:
    """``category -> {"pos": n, "neg": n}``: lines labelled 1 for the category / hard negatives
    (ordinary posts: every label 0) labelled 0 for it. Positives of another category that carry
    a 0 for this one are scored by ``bijak eval`` but not counted here."""
    table = {c: {"pos": 0, "neg": 0} for c in CATEGORIES}
    for item in items:
        hard = is_hard_negative(item.labels)
        for cat, val in item.labels.items():
            if val:
                table[cat]["pos"] += 1
            elif hard:
                table[cat]["neg"] += 1
    return table


# --------------------------------------------------------------------------- benchmark

Verdicts = Callable[[Sequence[str]], list[dict[str, str]]]


def pipeline_verdicts(policy: Any = None) -> Verdicts:
    """``text -> {category: verdict}`` for every category the report rates (others: aman)."""
    from bijak.engine import default_pipeline

    pipe = default_pipeline(policy)

    def run(texts: Sequence[str]) -> list[dict[str, str]]:
        return [
            {c.id: c.verdict for c in report.categories}
            for report in pipe.analyze_batch(list(texts), explain=False)
        ]

    return run


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score_challenge(
    items: Sequence[ChallengeItem],
    verdicts: Sequence[dict[str, str]],
    registers: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Per-category P/R/F1 at verdict level, the share of hard negatives flagged, and which
    category fired on them."""
    cells = {c: [0, 0, 0, 0] for c in CATEGORIES}  # tp fp fn tn
    neg_total = 0
    neg_flagged = 0
    neg_by_cat: dict[str, list[int]] = {c: [0, 0] for c in CATEGORIES}  # flagged, n
    fired_on_neg: Counter[str] = Counter()
    missed: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    false_alarms: list[dict[str, Any]] = []
    issue: list[dict[str, Any]] = []
    # per platform and per register: positive labels, found, hard negatives, flagged
    platforms: dict[str, list[int]] = {}
    by_register: dict[str, list[int]] = {}
    families: dict[str, list[int]] = {}  # lines, wrong lines
    for item, verdict in zip(items, verdicts, strict=True):
        flagged = {c for c, v in verdict.items() if v != "aman"}
        fam = families.setdefault(item.family, [0, 0])
        fam[0] += 1
        if is_hard_negative(item.labels):
            fam[1] += bool(flagged)
        else:
            fam[1] += any(g and c not in flagged for c, g in item.labels.items())
        slots = [platforms.setdefault(item.source, [0, 0, 0, 0])]
        if registers is not None and item.id in registers:
            slots.append(by_register.setdefault(registers[item.id], [0, 0, 0, 0]))
        for slot in slots:
            for cat, gold in item.labels.items():
                if gold:
                    slot[0] += 1
                    slot[1] += cat in flagged
            if is_hard_negative(item.labels):
                slot[2] += 1
                slot[3] += bool(flagged)
        for cat, gold in item.labels.items():
            pred = cat in flagged
            cells[cat][0 if gold and pred else 1 if pred else 2 if gold else 3] += 1
            if gold and not pred:
                missed[cat].append(item.id)
        if is_hard_negative(item.labels):
            neg_total += 1
            bad = bool(flagged)
            neg_flagged += bad
            for cat in item.labels:
                neg_by_cat[cat][0] += bad
                neg_by_cat[cat][1] += 1
            fired_on_neg.update(flagged)
            if bad:
                false_alarms.append(
                    {"id": item.id, "flagged": {c: verdict[c] for c in sorted(flagged)}}
                )
        if item.family.startswith("issue-"):
            ok = all((c in flagged) == bool(g) for c, g in item.labels.items()) and (
                any(item.labels.values()) or not flagged
            )
            issue.append({"id": item.id, "pass": ok, "flagged": sorted(flagged)})
    per_category: dict[str, Any] = {}
    for cat, (tp, fp, fn, tn) in cells.items():
        p, r, f = _prf(tp, fp, fn)
        flagged_n, n_neg = neg_by_cat[cat]
        per_category[cat] = {
            "n": tp + fp + fn + tn,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "tn": tn,
            "precision": p,
            "recall": r,
            "f1": f,
            "hard_negatives": n_neg,
            "hard_negatives_flagged": round(flagged_n / n_neg, 4) if n_neg else 0.0,
        }
    scored = [v for v in per_category.values() if v["tp"] + v["fn"]]
    return {
        "lines": len(items),
        "per_category": per_category,
        "macro_f1": round(sum(v["f1"] for v in scored) / len(scored), 4) if scored else 0.0,
        "min_recall": min((v["recall"] for v in scored), default=0.0),
        "hard_negatives": neg_total,
        "hard_negatives_flagged": round(neg_flagged / neg_total, 4) if neg_total else 0.0,
        "fired_on_hard_negatives": dict(fired_on_neg.most_common()),
        "per_platform": _group_table(platforms),
        "per_register": _group_table(by_register),
        "issue_items": {
            "n": len(issue),
            "passed": sum(1 for i in issue if i["pass"]),
            "failed": [i for i in issue if not i["pass"]],
        },
        "worst_families": [
            {"family": f, "lines": n, "wrong": bad, "share": round(bad / n, 4)}
            for f, (n, bad) in sorted(
                families.items(), key=lambda kv: (-kv[1][1] / kv[1][0], kv[0])
            )
            if bad
        ][:25],
        "false_alarm_examples": false_alarms[:40],
        "missed_examples": {c: ids[:10] for c, ids in missed.items() if ids},
    }


def _group_table(groups: dict[str, list[int]]) -> dict[str, dict[str, Any]]:
    return {
        key: {
            "positive_labels": pos,
            "recall": round(found / pos, 4) if pos else 0.0,
            "hard_negatives": neg,
            "hard_negatives_flagged": round(bad / neg, 4) if neg else 0.0,
        }
        for key, (pos, found, neg, bad) in sorted(groups.items())
    }


def stratified_slice(items: Sequence[ChallengeItem], limit: int) -> list[ChallengeItem]:
    """At most ``limit`` items, every family represented as evenly as possible (fixed order)."""
    if limit <= 0 or limit >= len(items):
        return list(items)
    by_family: dict[str, list[ChallengeItem]] = {}
    for item in items:
        by_family.setdefault(item.family, []).append(item)
    out: list[ChallengeItem] = []
    depth = 0
    while len(out) < limit:
        added = False
        for fam in sorted(by_family):
            group = by_family[fam]
            if depth < len(group) and len(out) < limit:
                out.append(group[depth])
                added = True
        if not added:
            break
        depth += 1
    return out


_IDENTIFIERS = (
    re.compile(r"(?<!\d)\d{16}(?!\d)"),  # NIK
    re.compile(r"(?<![\d+])(?:\+62 ?|0)8\d{2}[ -]?\d{3,4}[ -]?\d{3,5}(?!\d)"),  # mobile phone
    re.compile(r"(?i)(?:\bRM|rekam medis)\s*:?\s*([\w.-]*\d[\w.-]*\d)"),  # medical record
)


def personal_values(text: str) -> list[str]:
    """The NIK, mobile numbers and medical-record numbers written in ``text`` (as generated
    by the challenge set), to check that none reaches a report unmasked."""
    values: list[str] = []
    for pattern in _IDENTIFIERS:
        for m in pattern.finditer(text):
            values.append(m.group(m.lastindex or 0))
    return values


def privacy_leaks(
    items: Sequence[ChallengeItem],
    must_mask: Mapping[str, Sequence[str]],
    report_json: Callable[[str], str],
) -> dict[str, Any]:
    """For every line labelled ``data_pribadi`` 1 or of a family with ``must_mask`` values,
    whether any of its personal values (``must_mask`` and the NIK, phone and medical-record
    numbers in its text) appears anywhere in the report's JSON (masked text, evidence,
    explanations, findings' meta)."""
    checked = 0
    leaks: list[dict[str, Any]] = []
    for item in items:
        values = [v for v in must_mask.get(item.family, ()) if v in item.text]
        if item.labels.get("data_pribadi") == 1:
            values += [v for v in personal_values(item.text) if v not in values]
        if not values:
            continue
        checked += 1
        out = report_json(item.text)
        leaked = [v for v in values if v in out]
        if leaked:
            leaks.append({"id": item.id, "leaked": leaked})
    return {"checked": checked, "leaking": len(leaks), "leaks": leaks}


def run_challenge(
    *,
    path: Path | None = None,
    limit: int = 0,
    verdicts: Verdicts | None = None,
) -> dict[str, Any]:
    """``bijak benchmark challenge``: the full pipeline on the frozen test part."""
    test_path = path or CHALLENGE_DIR / "test.jsonl"
    items = stratified_slice(read_split(test_path), limit)
    run = verdicts or pipeline_verdicts()
    registers_path = test_path.parent / "registers.tsv"
    registers = read_registers(registers_path) if registers_path.exists() else None
    result = score_challenge(items, run([i.text for i in items]), registers)
    if verdicts is None:
        from bijak.engine import default_pipeline

        pipe = default_pipeline()
        must_mask = (
            {f.id: f.must_mask for f in load_families(test_path.parent) if f.must_mask}
            if (test_path.parent / "families").exists()
            else {}
        )
        result["privacy"] = privacy_leaks(
            items, must_mask, lambda text: pipe.analyze(text, explain=True).to_json()
        )
    result["file"] = str(test_path)
    result["file_sha256"] = file_digest(test_path)
    result["level"] = "verdict"
    return result


def format_table(result: dict[str, Any]) -> str:
    head = (
        f"{'kategori':<18} {'n':>5} {'tp':>5} {'fp':>4} {'fn':>5} "
        f"{'P':>6} {'R':>6} {'F1':>6} {'neg':>5} {'neg%':>6}"
    )
    rows = [head, "-" * len(head)]
    for cat, r in result["per_category"].items():
        rows.append(
            f"{cat:<18} {r['n']:>5} {r['tp']:>5} {r['fp']:>4} {r['fn']:>5} "
            f"{r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
            f"{r['hard_negatives']:>5} {100 * r['hard_negatives_flagged']:>5.1f}%"
        )
    groups = [*result.get("per_platform", {}).items(), *result.get("per_register", {}).items()]
    for source, r in groups:
        rows.append(
            f"{source:<22} recall {r['recall']:.3f} of {r['positive_labels']} labels; "
            f"hard negatives flagged {100 * r['hard_negatives_flagged']:.1f}% "
            f"of {r['hard_negatives']}"
        )
    rows.append(
        f"macro F1 {result['macro_f1']:.3f}; min recall {result['min_recall']:.3f}; "
        f"hard negatives flagged {100 * result['hard_negatives_flagged']:.1f}% "
        f"of {result['hard_negatives']}; issue items passed "
        f"{result['issue_items']['passed']}/{result['issue_items']['n']}"
    )
    if "privacy" in result:
        rows.append(
            f"personal data leaking from reports: {result['privacy']['leaking']} "
            f"of {result['privacy']['checked']} lines checked"
        )
    return "\n".join(rows)


# --------------------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bijak.ml.challenge [--freeze-test] [--freeze-test-b] [--dir DIR]``:
    (re)write the corpus."""
    args = list(sys.argv[1:] if argv is None else argv)
    freeze = "--freeze-test" in args
    freeze_b = "--freeze-test-b" in args
    directory = CHALLENGE_DIR
    if "--dir" in args:
        directory = Path(args[args.index("--dir") + 1])
    info = write_corpus(directory, freeze_test=freeze, freeze_test_b=freeze_b)
    print(json.dumps(info, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
