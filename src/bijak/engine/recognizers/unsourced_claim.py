"""``bijak.unsourced_claim.v1``: a health claim with no source (category ``tanpa_sumber``, A.5).

Reported when a post that talks about health (a ``health`` word in the same sentence) makes
a claim — a promise of cure ("dijamin sembuh", "obat ampuh"), advice against medicine
("tidak perlu obat dokter", "tidak usah imunisasi"), certainty next to a claim verb ("pasti
turun", "100% alami"), a number next to a claim verb ("90% pasien sembuh"), either before or after it ("turun 60%", "normal, pasti")
— and names no
source: no link to an official or scientific domain, no "sumber:", no "menurut WHO /
Kemenkes / BPOM" ("menurut saya" is not a source). A caution, never a breach: the policy
caps ``tanpa_sumber`` at ``tinjau``. The words are language data
(``lang/id/health_claims.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from bijak.engine import sentences
from bijak.engine.findings import Finding, new_finding
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.unsourced_claim.v1"
CATEGORY = "tanpa_sumber"
MAX_PIECES = 3
_NOT = frozenset({"tidak", "jangan", "bukan", "belum"})
_CARE_KINDS = frozenset({"nasihat", "banding", "dosis", "sebab"})
"""Pieces that name a kind of care themselves ("tidak perlu kontrol ke puskesmas"): no other
health word is needed in their sentence."""

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimData:
    version: str
    window: int
    promises: dict[Phrase, float]
    certainty: dict[Phrase, float]
    claim_verbs: frozenset[str]
    number_weight: float
    health: frozenset[Phrase]
    sources: frozenset[Phrase]
    after_menurut: frozenset[Phrase]
    domains: tuple[str, ...]
    # structural pieces (v1.2): advice against care, unsourced ratios, certainty boost
    advice_need: frozenset[str] = frozenset()
    advice_stop: frozenset[str] = frozenset()
    advice_care: frozenset[Phrase] = frozenset()
    advice_between: frozenset[str] = frozenset()
    not_care: frozenset[Phrase] = frozenset()
    advice_negators: frozenset[str] = frozenset({"tidak"})
    imperative_stop: frozenset[str] = frozenset()
    strong_care: frozenset[Phrase] = frozenset()
    better_words: frozenset[str] = frozenset()
    comparison_weight: float = 0.6
    products: frozenset[str] = frozenset()
    authority: frozenset[Phrase] = frozenset()
    authority_reach: int = 12
    time_units: frozenset[str] = frozenset()
    timeframe_weight: float = 0.35
    product_weight: float = 0.5
    advice_reach: int = 3
    advice_weight: float = 0.7
    number_words: frozenset[str] = frozenset()
    ratio_weight: float = 0.55
    ratio_nouns: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    unit_weight: float = 0.4
    boost_factor: float = 0.0
    vague_sources: frozenset[Phrase] = frozenset()
    # (v1.3) verbs common outside health ("pasti kena macet", "pasti kuat"): they make a claim
    # only with a health word that is not one of the everyday ones ("anak", "sakit")
    weak_verbs: frozenset[str] = frozenset()
    weak_health: frozenset[Phrase] = frozenset()
    # (v1.3) casual dosage advice: an amount of a medicine ("4 tablet", "5.000 mg") with a
    # risky use in its sentence ("sekaligus", "makin banyak makin ...") and no safe frame
    dose_units: frozenset[str] = frozenset()
    dose_risky: frozenset[Phrase] = frozenset()
    dose_safe: frozenset[Phrase] = frozenset()
    dose_weight: float = 0.55
    # (v1.3) a health statistic stated as a fact: a risk with a size ("risiko stroke naik 412
    # persen", "4 kali lebih cepat terkena") or a share of people ("85 persen orang ...")
    risk_words: frozenset[str] = frozenset()
    stat_weight: float = 0.5
    stat_reach: int = 4
    programme_words: frozenset[Phrase] = frozenset()
    fact_frames: frozenset[Phrase] = frozenset()
    authority_outcomes: frozenset[str] = frozenset()
    dose_own_units: frozenset[str] = frozenset()  # units only medicine comes in ("tablet")
    dose_medicines: frozenset[Phrase] = frozenset()  # other units need one of these near
    # (v1.4) a harm said to follow from a habit, a product or a kind of care ("bikin mandul",
    # "memicu kanker", "jadi racun", "merusak ginjal"): a cause word, at most `cause_reach`
    # words, then a harm; not after a negation or a hedge ("tidak menyebabkan", "dapat
    # menyebabkan"); a cause noun ("penyebab") only after a copula ("itu penyebab utama ...")
    cause_verbs: frozenset[str] = frozenset()
    # (v1.4) claim verbs that count only with a certainty word, never with a number
    # ("pasti kejang" is a claim, "kasus stroke naik 90%" a figure)
    certainty_verbs: frozenset[str] = frozenset()
    cause_nouns: frozenset[str] = frozenset()
    cause_copulas: frozenset[str] = frozenset()
    cause_between: frozenset[str] = frozenset()
    cause_hedges: frozenset[str] = frozenset()
    harms: frozenset[Phrase] = frozenset()
    weak_harms: frozenset[Phrase] = frozenset()
    damage_verbs: frozenset[str] = frozenset()
    organs: frozenset[Phrase] = frozenset()
    cause_defer: frozenset[Phrase] = frozenset()  # a post sending readers to care
    cause_objects: frozenset[str] = frozenset()  # "obat darah tinggi bikin ...": not a subject
    cause_weight: float = 0.5
    cause_reach: int = 3
    # (v1.4) refusing care outright ("jangan mau kemo", "ojo gelem disuntik"): a refusal, only
    # fillers (advice_between, refuse_between), then a kind of care
    refuse: frozenset[Phrase] = frozenset()
    refuse_between: frozenset[str] = frozenset()
    refuse_care: frozenset[Phrase] = frozenset()  # care only refused, never stopped ("disuntik")
    # (v1.4) a health effect measured against something else ("setara 10 sendok gula",
    # "sama bahayanya dengan merokok"): an equivalence word then a number (or a harm) near
    equivalence: frozenset[Phrase] = frozenset()
    equivalence_weight: float = 0.5


def _words(phrase: str) -> Phrase:
    from bijak.engine.normalize import normalize

    return tuple(t.text for t in normalize(str(phrase)).tokens)


@cache
def claim_data(lang: str = "id") -> ClaimData:
    path = resources.files("bijak.engine").joinpath("lang", lang, "health_claims.yaml")
    text = path.read_text(encoding="utf-8")
    if "written by the bijak authors" not in text.lower():
        raise ValueError("health_claims.yaml: header must say it was written by the bijak authors")
    data: dict[str, Any] = yaml.safe_load(text)

    def weights(key: str) -> dict[Phrase, float]:
        out: dict[Phrase, float] = {}
        for phrase, w in (data.get(key) or {}).items():
            words = _words(str(phrase))
            if words:
                out[words] = float(w)
        return out

    def phrases(key: str) -> frozenset[Phrase]:
        return frozenset(w for w in (_words(str(p)) for p in data.get(key) or ()) if w)

    return ClaimData(
        version=str(data.get("version", "0")),
        window=int(data.get("window", 4)),
        promises=weights("promises"),
        certainty=weights("certainty"),
        claim_verbs=frozenset(w for p in phrases("claim_verbs") for w in p),
        number_weight=float((data.get("numbers") or {}).get("weight", 0.5)),
        health=phrases("health"),
        sources=phrases("sources"),
        after_menurut=phrases("sources_after_menurut"),
        domains=tuple(str(d).lower() for d in data.get("source_domains") or ()),
        advice_need=frozenset(w for p in phrases("advice_need") for w in p),
        advice_stop=frozenset(w for p in phrases("advice_stop") for w in p),
        advice_care=phrases("advice_care"),
        advice_between=frozenset(w for p in phrases("advice_between") for w in p),
        not_care=phrases("advice_not_care"),
        advice_negators=(
            frozenset(w for p in phrases("advice_negators") for w in p) or frozenset({"tidak"})
        ),
        imperative_stop=frozenset(w for p in phrases("advice_imperative") for w in p),
        strong_care=phrases("advice_strong_care"),
        better_words=frozenset(w for p in phrases("comparison_better") for w in p),
        comparison_weight=float((data.get("comparison") or {}).get("weight", 0.6)),
        products=frozenset(w for p in phrases("product_nouns") for w in p),
        authority=phrases("authority"),
        authority_reach=int(data.get("authority_reach", 12)),
        time_units=frozenset(w for p in phrases("time_units") for w in p),
        timeframe_weight=float(data.get("timeframe_weight", 0.35)),
        product_weight=float((data.get("product") or {}).get("weight", 0.5)),
        advice_reach=int((data.get("advice") or {}).get("reach", 3)),
        advice_weight=float((data.get("advice") or {}).get("weight", 0.7)),
        number_words=frozenset(w for p in phrases("number_words") for w in p),
        ratio_weight=float((data.get("numbers") or {}).get("ratio_weight", 0.55)),
        ratio_nouns=frozenset(w for p in phrases("ratio_nouns") for w in p),
        units=frozenset(w for p in phrases("number_units") for w in p),
        unit_weight=float((data.get("numbers") or {}).get("unit_weight", 0.4)),
        boost_factor=float(data.get("certainty_boost", 0.0)),
        vague_sources=phrases("vague_sources"),
        weak_verbs=frozenset(w for p in phrases("weak_claim_verbs") for w in p),
        weak_health=phrases("weak_health"),
        dose_units=frozenset(w for p in phrases("dose_units") for w in p),
        dose_risky=phrases("dose_risky"),
        dose_safe=phrases("dose_safe"),
        dose_weight=float((data.get("dose") or {}).get("weight", 0.55)),
        risk_words=frozenset(w for p in phrases("risk_words") for w in p),
        stat_weight=float((data.get("stat") or {}).get("weight", 0.5)),
        stat_reach=int((data.get("stat") or {}).get("reach", 4)),
        programme_words=phrases("programme_words"),
        fact_frames=phrases("fact_frames"),
        authority_outcomes=frozenset(w for p in phrases("authority_outcomes") for w in p),
        dose_own_units=frozenset(w for p in phrases("dose_own_units") for w in p),
        dose_medicines=phrases("dose_medicines"),
        cause_verbs=frozenset(w for p in phrases("cause_verbs") for w in p),
        certainty_verbs=frozenset(w for p in phrases("certainty_only_verbs") for w in p),
        cause_nouns=frozenset(w for p in phrases("cause_nouns") for w in p),
        cause_copulas=frozenset(w for p in phrases("cause_copulas") for w in p),
        cause_between=frozenset(w for p in phrases("cause_between") for w in p),
        cause_hedges=frozenset(w for p in phrases("cause_hedges") for w in p),
        harms=phrases("harms"),
        weak_harms=phrases("weak_harms"),
        damage_verbs=frozenset(w for p in phrases("damage_verbs") for w in p),
        organs=phrases("organs"),
        cause_defer=phrases("cause_defer"),
        cause_objects=frozenset(w for p in phrases("cause_objects") for w in p),
        cause_weight=float((data.get("cause") or {}).get("weight", 0.5)),
        cause_reach=int((data.get("cause") or {}).get("reach", 3)),
        refuse=phrases("refuse"),
        refuse_between=frozenset(w for p in phrases("refuse_between") for w in p),
        refuse_care=phrases("refuse_care"),
        equivalence=phrases("equivalence"),
        equivalence_weight=float(data.get("equivalence_weight") or 0.5),
    )


def _starts(words: Sequence[str], table: dict[Phrase, float] | frozenset[Phrase], i: int) -> int:
    """Length of the longest phrase of ``table`` starting at ``words[i]`` (0: none)."""
    for n in (5, 4, 3, 2, 1):
        if i + n <= len(words) and tuple(words[i : i + n]) in table:
            return n
    return 0


class UnsourcedClaimRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = (CATEGORY,)

    def __init__(self, data: ClaimData | None = None) -> None:
        self.data = data if data is not None else claim_data()
        d = self.data
        self._first = frozenset(p[0] for p in d.promises) | frozenset(p[0] for p in d.certainty)
        # words that start a structural piece (advice against care, a ratio, a product)
        core = d.advice_need | d.advice_stop | d.number_words | d.imperative_stop | d.products
        self._refuse_first = frozenset(p[0] for p in d.refuse)
        self._structural = core | d.better_words | {"dari", "daripada"} | self._refuse_first
        self._cause_first = d.cause_verbs | d.cause_nouns | d.damage_verbs
        self._equal_first = frozenset(p[0] for p in d.equivalence)
        self._prefilter = (
            self._first
            | core
            | {"lebih"}
            | self._refuse_first
            | self._cause_first
            | self._equal_first
        )

    def _sourced(self, doc: NormalizedText, words: Sequence[str]) -> bool:
        d = self.data
        low = doc.original.lower()
        if any(dom in low for dom in d.domains) and ("http" in low or "www" in low or "/" in low):
            return True
        vague = d.vague_sources
        in_vague: set[int] = set()  # words inside a vague source ("kata penelitian")
        for i in range(len(words)):
            m = _starts(words, vague, i)
            in_vague.update(range(i, i + m))
        for i, w in enumerate(words):
            if _starts(words, d.sources, i) and i not in in_vague:
                return True  # "penelitian membuktikan ..." names no study: not a source
            if (
                w == "menurut"
                and _starts(words, d.after_menurut, i + 1)
                and not _starts(words, vague, i)
            ):
                return True
        return False

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        tokens = doc.tokens
        words = doc.words
        d = self.data
        text = doc.original
        has_number = any(w.isdigit() or _times(w) for w in words)
        if self._prefilter.isdisjoint(words) and not has_number:
            return []
        pieces: list[tuple[int, int, float, str]] = []  # first token, last token, weight, term
        weak: set[tuple[int, int]] = set()  # pieces whose verb is a weak one
        starts = self._first
        i = 0
        while i < len(words):
            if words[i] not in starts and not words[i].isdigit():
                i += 1  # no promise or certainty starts here (cheap skip)
                continue
            n = _starts(words, d.promises, i)
            if n and i > 0 and words[i - 1] == "jangan":
                i += n  # "jangan berhenti minum obat": the opposite advice
                continue
            if n:
                pieces.append((i, i + n - 1, d.promises[tuple(words[i : i + n])], "janji"))
                i += n
                continue
            n = _starts(words, d.certainty, i)
            if n or (words[i].isdigit() and self._is_percent(doc, i)):
                weight = d.certainty.get(tuple(words[i : i + n]), 0.0) if n else 0.0
                kind = "kepastian"
                if not n:
                    weight, kind, n = d.number_weight, "angka", 1
                    if i + 1 < len(words) and words[i + 1] == "persen":
                        n = 2
                    elif i + 1 < len(words) and words[i + 1] in d.units:
                        weight, n = d.unit_weight, 2  # "turun 5 kilo": alone, a story
                reach = d.window
                verbs = d.claim_verbs
                if kind == "angka" or "persen" in words[i : i + n]:
                    # "naik 90%", "penyembuh stroke 100 persen": a figure, or news of a claim
                    verbs = verbs - d.certainty_verbs
                if n and tuple(words[i : i + n]) in d.authority:
                    reach = d.authority_reach  # "para ilmuwan sepakat bahwa ... menyeimbangkan"
                    # a vague study also claims a comparison or a cause ("riset membuktikan
                    # ... umurnya sepuluh tahun lebih panjang")
                    verbs = verbs | d.authority_outcomes
                verb = next(
                    (
                        j
                        for j in range(i + n, min(len(words), i + n + reach))
                        if words[j] in verbs
                        and not sentences.ends_between(text, tokens[i].oend, tokens[j].ostart)
                    ),
                    None,
                )
                if verb is not None and weight > 0.0:
                    if words[verb] in d.weak_verbs:
                        weak.add((i, verb))
                    pieces.append((i, verb, weight, kind))
                    # a far-reaching authority leaves the words up to the verb to be read
                    # again ("studi ... membuktikan, ... bisa menyembuhkan" is a promise too)
                    i = i + n if reach > d.window else verb + 1
                    continue
                # the certainty or the number after the claim ("gula darah normal, pasti";
                # "menurunkan kolesterol sampai 60%")
                back = next(
                    (
                        j
                        for j in range(i - 1, max(-1, i - 1 - d.window), -1)
                        if words[j] in verbs
                        and not sentences.ends_between(text, tokens[j].oend, tokens[i].ostart)
                    ),
                    None,
                )
                if back is None and weight > 0.0 and kind == "kepastian":
                    back = self._afterthought(tokens, words, text, i, n)
                if back is not None and weight > 0.0:
                    if words[back] in d.weak_verbs:
                        weak.add((back, i + n - 1))
                    pieces.append((back, i + n - 1, weight, kind))
                    i += n
                    continue
            i += 1
        if not self._structural.isdisjoint(words):
            pieces.extend(self._advice_and_ratios(words, pieces))
        if not d.dose_units.isdisjoint(words):
            pieces.extend(self._doses(tokens, words, text))
        if not self._cause_first.isdisjoint(words):
            pieces.extend(self._causes(tokens, words, text, pieces))
        if not self._equal_first.isdisjoint(words):
            pieces.extend(self._equivalences(tokens, words, text, pieces))
        if has_number or not d.number_words.isdisjoint(words):
            pieces.extend(self._stats(doc, words, pieces, weak))
        if not pieces:
            return []
        pieces = [
            p
            for p in pieces
            if p[3] in _CARE_KINDS
            or self._health_near(tokens, words, text, p[0], p[1], (p[0], p[1]) in weak)
        ]
        if not pieces or self._sourced(doc, words):
            return []
        if d.boost_factor > 0.0:
            pieces = self._boosted(tokens, words, text, pieces)
        pieces.sort(key=lambda p: -p[2])
        chosen = pieces[:MAX_PIECES]  # the policy mapping combines them (noisy-or)
        out: list[Finding] = []
        for first, last, weight, kind in chosen:
            start, end = tokens[first].ostart, tokens[last].oend
            if end < len(text) and text[end] == "%":
                end += 1
            term = " ".join(words[first : last + 1])
            if "+" in kind:  # a promise raised by a certainty word elsewhere in its sentence
                kind, _, cert = kind.partition("+")
                term = f"{cert} + {term}"
            out.append(
                new_finding(
                    CATEGORY,
                    start,
                    end,
                    weight,
                    NAME,
                    text[start:end],
                    {"kind": kind, "term": term},
                )
            )
        return out

    def _advice_and_ratios(
        self, words: Sequence[str], found: list[tuple[int, int, float, str]]
    ) -> list[tuple[int, int, float, str]]:
        """Advice against care ("tidak perlu nunggu dokter", "ga usah lagi minum obat", "stop
        obat dokter") and ratios given as facts ("sembilan dari sepuluh penderita")."""
        d = self.data
        taken = {k for a, b, _, _ in found for k in range(a, b + 1)}
        out: list[tuple[int, int, float, str]] = []
        n = len(words)
        for i, w in enumerate(words):
            if w in d.better_words and i > 0 and words[i - 1] == "lebih":
                # "lebih ampuh dari obat dokter", "lebih kuat daripada antibiotik"
                if i + 1 < n and words[i + 1] in ("dari", "daripada"):
                    for j in range(i + 2, min(n, i + 2 + d.advice_reach)):
                        m = _starts(words, d.advice_care, j)
                        if m and not _starts(words, d.not_care, j):
                            out.append((i - 1, j + m - 1, d.comparison_weight, "banding"))
                            break
                continue
            if i in taken:
                continue
            prev = words[i - 1] if i > 0 else ""
            need = w in d.advice_need and prev in d.advice_negators
            r = _starts(words, d.refuse, i) if w in self._refuse_first else 0
            if r:
                # "jangan mau kemo", "ojo gelem anakmu disuntik vaksin": care refused outright
                between = d.advice_between | d.refuse_between
                for j in range(i + r, min(n, i + r + d.advice_reach + 1)):
                    m = _starts(words, d.advice_care, j) or _starts(words, d.refuse_care, j)
                    if m and _starts(words, d.not_care, j):
                        break
                    if m:
                        out.append((i, j + m - 1, d.advice_weight, "nasihat"))
                        break
                    if words[j] not in between:
                        break
                continue
            if w in d.imperative_stop:
                # "jangan dikasih obat dokter", "buang obat kimia": only against medicine as such
                for j in range(i + 1, min(n, i + 1 + d.advice_reach)):
                    m = _starts(words, d.strong_care, j)
                    if m:
                        out.append((i, j + m - 1, d.advice_weight, "nasihat"))
                        break
                    if words[j] not in d.advice_between:
                        break
                continue
            ini = -1
            if w in d.products:
                ini = next((k for k in range(i + 1, min(n, i + 4)) if words[k] == "ini"), -1)
            if ini > 0:
                # "gelang (magnet) ini menstabilkan tekanan darah": a product promoted with a
                # result
                for j in range(ini + 1, min(n, ini + 1 + d.window + 1)):
                    if words[j] in d.claim_verbs or _starts(words, d.promises, j):
                        out.append((i, j, d.product_weight, "produk"))
                        break
                continue
            if need or (w in d.advice_stop and prev not in _NOT):
                first = i - 1 if need else i
                for j in range(i + 1, min(n, i + 1 + d.advice_reach)):
                    m = _starts(words, d.advice_care, j)
                    if m and _starts(words, d.not_care, j):
                        break  # "stop obat nyamuk bakar": not medicine
                    if m:
                        out.append((first, j + m - 1, d.advice_weight, "nasihat"))
                        break
                    if words[j] not in d.advice_between:
                        break  # "tidak perlu bayar obat": not advice against care
            elif w == "dari" and 0 < i < n - 1:
                a, b = words[i - 1], words[i + 1]
                if (
                    (a.isdigit() or a in d.number_words)
                    and (b.isdigit() or b in d.number_words)
                    and not d.ratio_nouns.isdisjoint(words[i + 2 : i + 5])
                ):  # "tujuh dari sepuluh penderita", not "dua dari tiga anak saya"
                    out.append((i - 1, i + 1, d.ratio_weight, "angka"))
        return out

    def _causes(
        self,
        tokens: Any,
        words: Sequence[str],
        text: str,
        found: list[tuple[int, int, float, str]],
    ) -> list[tuple[int, int, float, str]]:
        """A harm said to follow from something ("tisu basah bikin bayi kejang", "sinyalnya
        memicu kanker", "airnya jadi racun", "merusak sel otak", "itu penyebab utama kanker"):
        a cause word, at most ``cause_reach`` words, then a harm (after a damage verb, an organ
        too). Not after a negation or a hedge near it ("tidak terbukti menyebabkan", "dapat
        menyebabkan"); a cause noun only after a copula ("deodoran itu penyebab ..."), never
        heading its sentence ("penyebab serangan jantung: ..." lists causes). A weak harm
        ("meninggal", "keracunan") needs a health word in its sentence that is not an
        everyday one."""
        d = self.data
        taken = {k for a, b, _, _ in found for k in range(a, b + 1)}
        out: list[tuple[int, int, float, str]] = []
        n = len(words)
        negators = _NOT | d.advice_negators | d.cause_hedges
        if any(_starts(words, d.cause_defer, k) for k in range(n)):
            return out  # "... bisa bikin batu empedu. Konsultasi ke ahli gizi dulu": a warning
        for i, w in enumerate(words):
            noun = w in d.cause_nouns
            damage = w in d.damage_verbs
            if i in taken or not (w in d.cause_verbs or noun or damage):
                continue
            lo, hi = _sentence_bounds(tokens, text, i, i)
            if not negators.isdisjoint(words[max(lo, i - 3) : i]):
                continue
            if noun and not (i > lo and words[i - 1] in d.cause_copulas):
                continue
            # a disease as the subject ("diabetes diam-diam merusak ginjal", "hipertensi
            # memicu stroke"): what the disease does, taught as such, not a claim about a cause
            if any(
                _starts(words, d.harms, k)
                and tuple(words[k : k + 1]) not in d.weak_harms
                and (k == 0 or words[k - 1] not in d.cause_objects)
                for k in range(max(lo, i - 8), i)
            ):
                continue
            for j in range(i + 1, min(hi + 1, i + 2 + d.cause_reach)):
                m = _starts(words, d.harms, j)
                if not m and damage:
                    m = _starts(words, d.organs, j)
                if m:
                    harm = tuple(words[j : j + m])
                    if harm in d.weak_harms and not self._health_near(
                        tokens, words, text, i, j + m - 1, True
                    ):
                        break
                    out.append((i, j + m - 1, d.cause_weight, "sebab"))
                    break
                if words[j] in negators or words[j] not in d.cause_between:
                    break  # "membuat anak tidak ...", or the cause is about something else
        return out

    def _equivalences(
        self,
        tokens: Any,
        words: Sequence[str],
        text: str,
        found: list[tuple[int, int, float, str]],
    ) -> list[tuple[int, int, float, str]]:
        """A health effect measured against something else, as a fact: "setara 10 sendok
        gula", "sama bahayanya dengan merokok sebungkus", "sama dengan tidur malam 3 jam". The
        equivalence, then a number or a harm within four words, with a health word in its
        sentence (or the comparison names a harm) and no programme figure there."""
        d = self.data
        taken = {k for a, b, _, _ in found for k in range(a, b + 1)}
        out: list[tuple[int, int, float, str]] = []
        for i, w in enumerate(words):
            m = _starts(words, d.equivalence, i) if w in self._equal_first else 0
            if not m or i in taken:
                continue
            lo, hi = _sentence_bounds(tokens, text, i, i + m - 1)
            sentence = words[lo : hi + 1]
            if any(_starts(sentence, d.programme_words, k) for k in range(len(sentence))):
                continue
            for j in range(i + m, min(hi + 1, i + m + 5)):
                if _amount(words[j], d) or _starts(words, d.harms, j):
                    if self._health_near(tokens, words, text, i, j) or any(
                        _starts(sentence, d.harms, k) for k in range(len(sentence))
                    ):
                        out.append((i, j, d.equivalence_weight, "angka"))
                    break
        return out

    def _afterthought(
        self, tokens: Any, words: Sequence[str], text: str, i: int, n: int
    ) -> int | None:
        """A certainty said after the claim, closing its sentence or standing alone ("...
        kolesterol turun, itu udah pasti."; "... bisa berjalan lagi. Dijamin!"): the nearest
        claim verb before it, at most ``authority_reach`` words back and across at most one
        sentence end; ``None`` when the certainty does not end its sentence."""
        d = self.data
        end = i + n - 1
        if not sentences.ends_after_token(text, tokens, end):
            return None  # the sentence goes on: not an afterthought
        ends = 0
        for j in range(i - 1, max(-1, i - 1 - d.authority_reach), -1):
            if sentences.ends_after_token(text, tokens, j):
                ends += 1
                if ends > 1:
                    return None
            if words[j] in d.claim_verbs:
                return j
        return None

    def _stats(
        self,
        doc: NormalizedText,
        words: Sequence[str],
        found: list[tuple[int, int, float, str]],
        weak: set[tuple[int, int]],
    ) -> list[tuple[int, int, float, str]]:
        """A health statistic given as a fact: a size ("412 persen", "4 kali lipat", "3 kali
        lebih") after a risk word ("risiko stroke naik ...") or before people ("85 persen orang
        Indonesia ..."). A programme's own figure ("cakupan", "capaian", "survei") is left
        alone. The piece needs a health word that is not an everyday one."""
        d = self.data
        tokens, text = doc.tokens, doc.original
        taken = {k for a, b, _, _ in found for k in range(a, b + 1)}
        out: list[tuple[int, int, float, str]] = []
        n = len(words)
        for i, w in enumerate(words):
            if i in taken or not (_amount(w, d) or _times(w)):
                continue
            if (i + 1 < n and words[i + 1] == "persen") or self._is_percent(doc, i):
                last = i + 1 if i + 1 < n and words[i + 1] == "persen" else i
            elif i + 2 < n and words[i + 1] == "kali" and words[i + 2] in ("lipat", "lebih"):
                last = i + 2
            elif _times(w) and i + 1 < n and words[i + 1] in ("lipat", "lebih"):
                last = i + 1  # "3x lebih banyak", "5x lipat"
            else:
                continue
            lo, hi = _sentence_bounds(tokens, text, i, last)
            sentence = words[lo : hi + 1]
            if any(_starts(sentence, d.programme_words, k) for k in range(len(sentence))):
                continue
            risk = next(
                (k for k in range(max(lo, i - d.stat_reach), i) if words[k] in d.risk_words), None
            )
            # a share of people counts only told as a revealed fact ("faktanya, 73% orang ...")
            people = not d.ratio_nouns.isdisjoint(words[last + 1 : last + 3]) and any(
                _starts(words, d.fact_frames, k) for k in range(max(0, lo - 6), i)
            )
            # a size of an effect with a health word in its sentence ("imun naik dua kali
            # lipat", "bakar lemak 3x lebih banyak"): a claim of its own
            times = last > i and words[last] in ("lipat", "lebih")
            if risk is None and times and self._health_near(tokens, words, text, i, last, True):
                risk = i
            if risk is not None or people:
                first = risk if risk is not None else i
                out.append((first, last, d.stat_weight, "angka"))
                weak.add((first, last))
        return out

    def _doses(
        self, tokens: Any, words: Sequence[str], text: str
    ) -> list[tuple[int, int, float, str]]:
        """Casual dosage advice: "paracetamol 4 tablet sekaligus", "vitamin C 5.000 mg sehari,
        makin banyak makin kebal". An amount (a number, then a dose unit) with a risky use in
        its sentence, and no safe frame there ("sesuai resep", "maksimal")."""
        d = self.data
        out: list[tuple[int, int, float, str]] = []
        done_hi = -1
        for i in range(1, len(words)):
            if words[i] not in d.dose_units or i <= done_hi:
                continue
            amount = words[i - 1]
            if not (_amount(amount, d) or amount == "setengah"):
                continue
            lo, hi = _sentence_bounds(tokens, text, i - 1, i)
            sentence = words[lo : hi + 1]
            if any(_starts(sentence, d.dose_safe, k) for k in range(len(sentence))):
                done_hi = hi
                continue
            if words[i] not in d.dose_own_units and not any(
                _starts(sentence, d.dose_medicines, k) for k in range(len(sentence))
            ):
                continue  # "2 butir telur ... sekaligus": no medicine
            risky = next(
                (k for k in range(len(sentence)) if _starts(sentence, d.dose_risky, k)), None
            )
            if risky is not None:
                out.append((min(i - 1, lo + risky), max(i, lo + risky), d.dose_weight, "dosis"))
                done_hi = hi
        return out

    def _boosted(
        self,
        tokens: Any,
        words: Sequence[str],
        text: str,
        pieces: list[tuple[int, int, float, str]],
    ) -> list[tuple[int, int, float, str]]:
        """A promise or advice with a certainty word elsewhere in its sentence ("dijamin ...
        tidak gampang sakit", "saya jamin ... stop obat dokter") counts more: both together."""
        d = self.data
        out = []
        for first, last, weight, kind in pieces:
            if kind not in ("janji", "nasihat", "angka", "produk", "banding", "sebab"):
                out.append((first, last, weight, kind))
                continue
            lo, hi = _sentence_bounds(tokens, text, first, last)
            best, cert = 0.0, ""
            k = lo
            while k <= hi:
                if first <= k <= last:
                    k = last + 1
                    continue
                m = _starts(words[: hi + 1], d.certainty, k)
                if m and 0.3 <= d.certainty[tuple(words[k : k + m])] > best:
                    best = d.certainty[tuple(words[k : k + m])]
                    cert = " ".join(words[k : k + m])
                k += max(m, 1)
            if best < d.timeframe_weight:
                tf = self._timeframe(words, lo, hi)
                if tf:
                    best, cert = d.timeframe_weight, tf
            if best > 0.0:
                weight = 1.0 - (1.0 - weight) * (1.0 - best * d.boost_factor)
                kind = f"{kind}+{cert}"
            out.append((first, last, weight, kind))
        return out

    def _timeframe(self, words: Sequence[str], lo: int, hi: int) -> str:
        """A quick result promised in a time ("dalam 3 hari", "dalam dua minggu"): its words."""
        d = self.data
        for k in range(lo, hi - 1):
            if words[k] == "dalam" and (words[k + 1].isdigit() or words[k + 1] in d.number_words):
                if words[k + 2] in d.time_units:
                    return " ".join(words[k : k + 3])
        return ""

    def _is_percent(self, doc: NormalizedText, i: int) -> bool:
        """A number with "%", "persen" or a unit of a claimed result ("10 kg")."""
        tok = doc.tokens[i]
        after = doc.original[tok.oend : tok.oend + 2].lstrip()
        nxt = doc.tokens[i + 1].text if i + 1 < len(doc.tokens) else ""
        return after.startswith("%") or nxt == "persen" or nxt in self.data.units

    def _health_near(
        self,
        tokens: Any,
        words: Sequence[str],
        text: str,
        first: int,
        last: int,
        strong: bool = False,
    ) -> bool:
        """A health word in the same sentence as the claim (the claim's own words count);
        with ``strong``, not one of the everyday ``weak_health`` words."""
        lo, hi = _sentence_bounds(tokens, text, first, last)
        # "ginjalnya", "ususnya": the organ with its possessive counts as the organ
        # and so does the Javanese "ginjale", "darahe"
        sentence = [_stem(w, self.data.health) for w in words[lo : hi + 1]]
        for k in range(len(sentence)):
            m = _starts(sentence, self.data.health, k)
            if m and not (strong and tuple(sentence[k : k + m]) in self.data.weak_health):
                return True
        return False


def _amount(word: str, d: ClaimData) -> bool:
    """A number ("412", "5.000", "73,4") or one of the number words ("dua", "sepuluh")."""
    return word.replace(",", "").replace(".", "").isdigit() or word in d.number_words


def _times(word: str) -> bool:
    """A count of times written with "x" ("3x", "10x")."""
    return len(word) > 1 and word.endswith("x") and word[:-1].isdigit()


def _stem(word: str, health: frozenset[Phrase]) -> str:
    """``word`` without the possessive "-nya" ("ginjalnya" -> "ginjal"), or without the
    Javanese "-e" when that leaves a health word ("ginjale" -> "ginjal"); else ``word``."""
    if len(word) > 5 and word.endswith("nya"):
        return word[:-3]
    if len(word) > 4 and word.endswith("e") and (word[:-1],) in health:
        return word[:-1]
    return word


def _sentence_bounds(tokens: Any, text: str, first: int, last: int) -> tuple[int, int]:
    """First and last token of the sentence(s) holding tokens ``first``..``last``."""
    lo = first
    while lo > 0 and not sentences.ends_after_token(text, tokens, lo - 1):
        lo -= 1
    hi = last
    while hi + 1 < len(tokens) and not sentences.ends_after_token(text, tokens, hi):
        hi += 1
    return lo, hi


@recognizers.register(NAME)
def make_unsourced_claim_recognizer(
    context: BuildContext | None = None,
) -> UnsourcedClaimRecognizer:
    return UnsourcedClaimRecognizer()
