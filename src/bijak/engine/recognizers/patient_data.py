"""``bijak.patient_data.v1``: a named or addressed person together with a health detail.

A name after an honorific ("Ibu Siti Aminah", "Tn. Budi", "Sdr. Rudi", "Siti (34)") or an
address (an RT/RW, a street with a house number) within ``sentence_window`` characters of a
diagnosis or test result ("positif HIV", "TB paru", "skizofrenia", "hamil" — language data in
``lang/id/health_details.yaml``) is patient data under UU 17/2023: reported with
``health_score`` (a breach, clause A.2), the name and the address masked. An address next to
a name without a health detail is reported lower (``address_with_name_score``); an address
alone lower still; a name alone is not reported. Patterns and scores are data
(``lang/id/patterns.yaml``), run by the one ``PatternRecognizer``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import re2
import yaml

from bijak.engine.findings import Finding, new_finding
from bijak.engine.masking import mask_value
from bijak.engine.recognizers.pattern import (
    PatternRecognizer,
    load_pattern_spec,
    masked,
)
from bijak.engine.registry import BuildContext, recognizers
from bijak.engine.sentences import spans as sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.patient_data.v1"
_PATIENT = re2.compile(r"(?i)\b(?:pasien|pasiennya|penderita|odgj|odha)\b")
# an institution named right before an address: its own address, a public contact point
# ("Puskesmas Kebon Jati, Jl. Kenari No. 5"), not where a person lives
_INSTITUTION = re2.compile(
    r"(?i)\b(?:puskesmas|pustu|rsud|rsu|rs|rumah sakit|klinik|posyandu|polindes|poskesdes|"
    r"dinkes|dinas|kantor|apotek|laboratorium|lab|labkesda|balai|sekolah|kampus|masjid|"
    r"gereja|kelurahan|kecamatan|gedung|aula|hotel|pmi|bpjs)\b"
)
_INSTITUTION_REACH = 40
# two to four capitalised words in a row: a full name, when nothing says otherwise
_RUN = re2.compile(r"[A-Z][a-z']+(?:[ \t]+[A-Z][a-z']+){1,3}")
_RESULT = frozenset(("positif", "reaktif"))  # "tes HIV reaktif" is a result after all
# session 14: a capitalised name followed by an age ("Agustina Gebze, 39 th", "Rudi (7 thn)"):
# someone in particular, so "kasus kusta baru: <name>, <age>" is that person's condition
_NAMED_AGE = re2.compile(
    r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,3},?[ \t]*\(?[0-9]{1,2}[ \t]*(?:th|thn|tahun|tahunan|bulan|bln)\b"
)
_CASE_WORDS = frozenset({"kasus"})
_TITLES = frozenset(("dr", "drg", "prof"))  # a doctor's name: the one who explains, not a patient
_WORD = re2.compile(r"[A-Za-z]+")
_TITLE = re2.compile(r"^[A-Z][a-z]")
_MIXED = re2.compile(r"[a-z][A-Z]")


@dataclass(frozen=True, slots=True)
class FieldData:
    """Language data for descriptions of shared personal data (``health_details.yaml``)."""

    fields: dict[tuple[str, ...], str]  # phrase (normalised words) -> field
    health_fields: frozenset[str]
    weak_fields: frozenset[str]
    share: frozenset[tuple[str, ...]]
    protect: frozenset[tuple[str, ...]]
    patient: frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class NameData:
    """Language data for names the capitals do not show and full names without an honorific."""

    honorifics: frozenset[str]
    particles: frozenset[str]
    not_names: frozenset[str]
    not_name_words: frozenset[str]
    not_after: frozenset[str]
    detail_not_after: frozenset[str]
    not_name_endings: tuple[str, ...] = ()


@cache
def known_words(lang: str = "id") -> frozenset[str]:
    """Ordinary words the engine already knows: the normaliser's standard forms, the lexicons'
    words and the language data's phrases (not the patterns). A word written without
    capitals after an honorific is taken for a name only when it is none of these."""
    from bijak.engine.lexicons import LEXICON_FILES, load_lexicon
    from bijak.engine.normalize import normalize
    from bijak.engine.normalize._tables import SLANG

    out: set[str] = set()

    def add(value: Any) -> None:
        if isinstance(value, str):
            out.update(w for w in normalize(value).words if w.isalpha())
        elif isinstance(value, dict):
            for k, v in value.items():
                add(k)
                add(v)
        elif isinstance(value, list | tuple):
            for v in value:
                add(v)

    add(" ".join(SLANG.values()))
    for name in LEXICON_FILES:
        lex = load_lexicon(name)
        for table in (lex.terms, lex.targets, lex.cues, lex.counters):
            add(" ".join(table))
    folder = resources.files("bijak.engine").joinpath("lang", lang)
    for item in folder.iterdir():
        if item.name.endswith(".yaml") and item.name != "patterns.yaml":
            data = yaml.safe_load(item.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                data = {k: v for k, v in data.items() if k != "names"}
            add(data)
    return frozenset(out)


def _words(values: Any) -> frozenset[str]:
    return frozenset(" ".join(str(v).lower().split()) for v in values or ())


def _phrases(values: Any) -> frozenset[tuple[str, ...]]:
    from bijak.engine.normalize import normalize

    out = (tuple(t.text for t in normalize(str(v)).tokens) for v in values or ())
    return frozenset(p for p in out if p)


@cache
def _load(lang: str) -> dict[str, Any]:
    """``health_details.yaml``, parsed once (the loaders below only read it)."""
    path = resources.files("bijak.engine").joinpath("lang", lang, "health_details.yaml")
    text = path.read_text(encoding="utf-8")
    if "written by the bijak authors" not in text.lower():
        raise ValueError("health_details.yaml: header must say it was written by the bijak authors")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def health_details(lang: str = "id") -> tuple[frozenset[tuple[str, ...]], str]:
    """The health-detail phrases (normalised words) and the data's version."""
    data = _load(lang)
    results = _phrases(data.get("result_words"))
    pairs = frozenset(r + d for r in results for d in _phrases(data.get("diseases")))
    return _phrases(data.get("details")) | pairs, str(data.get("version", "0"))


@cache
def field_data(lang: str = "id") -> FieldData:
    """The personal-data fields and the cues around them (``health_details.yaml``)."""
    data = _load(lang)
    fields = {
        phrase: str(field)
        for field, values in (data.get("fields") or {}).items()
        for phrase in _phrases(values)
    }
    return FieldData(
        fields=fields,
        health_fields=frozenset(str(f) for f in data.get("health_fields") or ()),
        weak_fields=frozenset(str(f) for f in data.get("weak_fields") or ()),
        share=_phrases(data.get("share_cues")),
        protect=_phrases(data.get("protect_cues")),
        patient=_phrases(data.get("patient_words")),
    )


@dataclass(frozen=True, slots=True)
class RecordingData:
    """Covert recordings of people in private spaces, offered around (``health_details.yaml``)."""

    window: int
    recording: frozenset[tuple[str, ...]]
    places: frozenset[tuple[str, ...]]
    offer: frozenset[tuple[str, ...]]
    protect: frozenset[tuple[str, ...]]


@cache
def recording_data(lang: str = "id") -> RecordingData:
    """The words of a covert recording, a private place, an offer and a warning."""
    data = _load(lang).get("private_recordings") or {}
    return RecordingData(
        window=int(data.get("window", 10)),
        recording=_phrases(data.get("recording")),
        places=_phrases(data.get("places")),
        offer=_phrases(data.get("offer")),
        protect=_phrases(data.get("protect")),
    )


@cache
def _firsts(phrases: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The first words of ``phrases`` (a word that starts none cannot start a match)."""
    return frozenset(p[0] for p in phrases if p)


def _at(words: list[str], phrases: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    """``(index, length)`` of every phrase of ``phrases`` in ``words`` (longest first)."""
    first = _firsts(phrases)
    out: list[tuple[int, int]] = []
    n = len(words)
    for i, w in enumerate(words):
        if w not in first:
            continue
        for k in (3, 2, 1):
            if i + k <= n and tuple(words[i : i + k]) in phrases:
                out.append((i, k))
                break
    return out


@cache
def name_data(lang: str = "id") -> NameData:
    """Honorifics, particles and the common words that are not names (``health_details.yaml``)."""
    data = _load(lang)
    names = data.get("names") or {}
    return NameData(
        honorifics=_words(names.get("honorifics")),
        particles=_words(names.get("particles")),
        not_names=_words(names.get("not_names")),
        not_name_words=_words(names.get("not_name_words")),
        not_after=_words(names.get("not_after")),
        detail_not_after=_words(data.get("detail_not_after")),
        not_name_endings=tuple(str(e).lower() for e in names.get("not_name_endings") or ()),
    )


def _caseless(sentence: str) -> bool:
    """A sentence written without capitals for names ("bu sumiyati ..."), or in scrambled
    case ("pAk D4r5ono"): no word begins with a capital followed by a small letter, or two
    words or more mix small and capital letters inside."""
    words = _WORD.findall(sentence)
    if sum(1 for w in words if _MIXED.search(w)) >= 2:
        return True
    return not any(_TITLE.search(w) for w in words)


def _has(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    first = _firsts(phrases)
    n = len(words)
    return any(
        tuple(words[i : i + k]) in phrases
        for i, w in enumerate(words)
        if w in first
        for k in (1, 2, 3)
        if i + k <= n
    )


_NAME_KIND = frozenset({"nama"})


class PatientDataRecognizer(PatternRecognizer):
    def __init__(self, **params: Any) -> None:
        super().__init__(load_pattern_spec(NAME), **params)
        phrases, _ = health_details()
        self._details = phrases
        self._first = frozenset(p[0] for p in phrases)
        self._window = int(self.params.get("sentence_window", 160))
        self._fields = field_data()
        self._field_first = frozenset(p[0] for p in self._fields.fields)
        self._names = name_data()
        self._known = known_words()
        self._rec = recording_data()
        staff = _load("id").get("personnel") or {}
        self._staff = _phrases(staff.get("details"))
        self._staff_first = frozenset(p[0] for p in self._staff)
        self._not_public = _phrases(staff.get("not_public"))
        desc = _load("id").get("descriptions") or {}
        self._roles = _phrases(desc.get("roles"))
        self._anchors = _phrases(desc.get("anchors"))
        self._desc_cues = _phrases(desc.get("cues"))
        self._anchor_window = int(desc.get("anchor_window", 6))

    def _detail_spans(
        self, doc: NormalizedText, staff: bool = False, named_case: bool = False
    ) -> list[tuple[int, int, str]]:
        """Health details (or, with ``staff``, the words of a personnel case) in ``doc``; with
        ``named_case``, "kasus kusta" counts too (a case given a name and an age is someone's
        condition, not a count)."""
        tokens = doc.tokens
        words = doc.words
        out: list[tuple[int, int, str]] = []
        not_after = self._names.detail_not_after
        if named_case:
            not_after = not_after - _CASE_WORDS
        phrases, first = (self._staff, self._staff_first) if staff else (self._details, self._first)
        for i, w in enumerate(words):
            if w not in first:
                continue
            for n in (3, 2, 1):
                phrase = tuple(words[i : i + n])
                if len(phrase) == n and phrase in phrases:
                    if (
                        i > 0
                        and words[i - 1] in not_after
                        and not _RESULT.intersection(words[i + n : i + n + 2])
                    ):
                        break  # "kader TB", "layanan tes HIV": not someone's condition
                    out.append((tokens[i].ostart, tokens[i + n - 1].oend, " ".join(phrase)))
                    break
        return out

    def _named_cases(self, doc: NormalizedText) -> list[tuple[int, int, str]]:
        """ "kasus kusta" in the sentence of a name given with an age."""
        text = doc.original
        sentences = sentence_spans(text, lower_continues=True)
        ages = [m.start() for m in _NAMED_AGE.finditer(text)]
        keep = [(a, b) for a, b in sentences if any(a <= x < b for x in ages)]
        return [
            d
            for d in self._detail_spans(doc, named_case=True)
            if any(a <= d[0] < b for a, b in keep)
        ]

    def _token_names(
        self, doc: NormalizedText, sentences: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Names after an honorific that the capitalised pattern cannot see: in a sentence
        written without capitals or in scrambled case ("bu sumiyati", "pAk D4r5ono"), or
        after a particle ("Ny lho. Intan"). The name is the word(s) after the honorific that
        are not common words (``names.not_names``) nor the start of a health detail."""
        nd = self._names
        tokens = doc.tokens
        text = doc.original
        out: list[tuple[int, int]] = []

        def name_like(k: int) -> bool:
            w = tokens[k].text
            return (
                w.isalpha()
                and len(w) >= 3
                and w not in nd.not_names
                and w not in nd.not_name_words  # "ibu-ibu kompleks": a place, not a name
                and w not in nd.honorifics
                and w not in self._first
                and w not in self._known
                and w.rstrip(w[-1]) + w[-1] not in self._known
            )

        for i, tok in enumerate(tokens):
            if tok.text not in nd.honorifics or (
                tok.ostart > 0 and (text[tok.ostart - 1].isalnum() or text[tok.ostart - 1] in "-'")
            ):
                continue  # not an honorific, or the end of a word ("70-an")
            j = i + 1
            while (
                j < len(tokens)
                and j <= i + 4
                and (tokens[j].text in nd.particles or tokens[j].text in nd.honorifics)
            ):
                j += 1
            if j >= len(tokens) or tokens[j].ostart - tok.oend > 24:
                continue
            if any(ch in ",;!?" for ch in text[tok.oend : tokens[j].ostart]):
                continue  # "Betul kak, ABK rentan ...": the reader addressed, then a new clause
            raw = text[tokens[j].ostart : tokens[j].oend]
            capital = raw[:1].isupper() or bool(_MIXED.search(raw))
            if not name_like(j):
                continue
            if not capital:
                sent = next(((a, b) for a, b in sentences if a <= tok.ostart < b), (0, len(text)))
                if not _caseless(text[sent[0] : sent[1]]):
                    continue
            k = j
            while k + 1 < len(tokens) and k + 1 <= j + 2 and name_like(k + 1):
                if text[tokens[k].oend : tokens[k + 1].ostart].strip():
                    break  # punctuation between: the name has ended
                k += 1
            out.append((tokens[j].ostart, tokens[k].oend))
        return out

    def _full_names(self, text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Two to four capitalised words that are a person's full name: leading common words
        and honorifics dropped ("Ternyata Rina Marlina"), none of the rest a common word or
        the word of an institution, a place or a date, not after a place preposition, an
        acronym ("RSUD Kali Bening") or the writer's own "saya"."""
        nd = self._names
        out: list[tuple[int, int]] = []
        for m in _RUN.finditer(text):
            s, e = m.start(), m.end()
            if (s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".-'_@#")) or (
                e < len(text) and (text[e].isalnum() or text[e] in "-'_")
            ):
                continue
            parts = [(p.start() + s, p.end() + s) for p in _WORD.finditer(m.group())]
            if any(text[a:b].lower() in nd.not_name_words for a, b in parts):
                continue
            while parts and (
                text[parts[0][0] : parts[0][1]].lower() in nd.not_names
                or text[parts[0][0] : parts[0][1]].lower() in nd.honorifics
            ):
                parts.pop(0)
            if len(parts) < 2:
                continue
            if any(text[a:b].lower() in nd.not_names for a, b in parts):
                continue
            if nd.not_name_endings and any(
                text[a:b].lower().endswith(nd.not_name_endings) for a, b in parts
            ):
                continue  # a heading's words ("Jadwal Rehabilitasi Psikososial"), not a name
            sent = next(((a, b) for a, b in sentences if a <= parts[0][0] < b), (0, len(text)))
            if len([w for w in _WORD.findall(text[sent[0] : sent[1]]) if _MIXED.search(w)]) >= 2:
                continue  # scrambled case: capitals say nothing about names here
            lead = text[max(sent[0], parts[0][0] - 30) : parts[0][0]]
            before = _WORD.findall(lead)
            if before:
                last = before[-1]
                two = " ".join(before[-2:]).lower()
                if (
                    last.lower() in nd.not_after
                    or two in nd.not_after
                    or any(w.lower() in _TITLES for w in before[-2:])
                ):
                    continue
                adjacent = not lead[lead.rfind(last) + len(last) :].strip()
                if adjacent and len(last) >= 2 and last.isupper():
                    continue  # after an acronym: "RSUD Kali Bening"
            out.append((parts[0][0], parts[-1][1]))
        return out

    def _described(self, doc: NormalizedText, details: list[tuple[int, int, str]]) -> list[Finding]:
        """A person identified by a role pinned down by a place or a relative clause, with a
        health detail near and a disclosure cue in the post."""
        words = list(doc.words)
        if not details or not _has(words, self._desc_cues):
            return []
        tokens = doc.tokens
        win = self._window
        aw = self._anchor_window
        for i, k in _at(words, self._roles):
            after = words[i + k : i + k + aw]
            if not any(
                tuple(after[j : j + n]) in self._anchors
                for j in range(len(after))
                for n in (1, 2, 3)
            ):
                continue
            s, e = tokens[i].ostart, tokens[i + k - 1].oend
            detail = next((d for d in details if d[0] - win <= e and s <= d[1] + win), None)
            if detail is None or detail[2].startswith("kepegawaian: "):
                continue
            score = float(self.params.get("health_score", 0.9))
            meta = {"kind": "orang_dikenali", "detail": detail[2]}
            return [
                new_finding(self.spec.category, s, e, score, self.name, doc.original[s:e], meta)
            ]
        return []

    def _recordings(self, doc: NormalizedText) -> list[Finding]:
        """A covert recording or peeping at people in a private place, offered to others."""
        rd = self._rec
        words = list(doc.words)
        recs = _at(words, rd.recording)
        if not recs:
            return []
        places = _at(words, rd.places)
        pair = next(((r, p) for r in recs for p in places if abs(r[0] - p[0]) <= rd.window), None)
        if pair is None or not _has(words, rd.offer) or _has(words, rd.protect):
            return []
        tokens = doc.tokens
        (ri, rk), (pi, pk) = pair
        s = min(tokens[ri].ostart, tokens[pi].ostart)
        e = max(tokens[ri + rk - 1].oend, tokens[pi + pk - 1].oend)
        score = float(self.params.get("health_score", 0.9))
        meta = {"kind": "rekaman_privat"}
        return [new_finding(self.spec.category, s, e, score, self.name, doc.original[s:e], meta)]

    def _field_lists(self, doc: NormalizedText) -> list[Finding]:
        """Sentences that describe sharing two or more kinds of someone's personal data."""
        fd = self._fields
        tokens = doc.tokens
        if sum(t.text in self._field_first for t in tokens) < 2:
            return []
        out: list[Finding] = []
        text = doc.original
        for a, b in sentence_spans(
            text, lower_continues=True
        ):  # "4.812 baris" does not end a sentence
            toks = [t for t in tokens if a <= t.ostart and t.oend <= b]
            words = [t.text for t in toks]
            kinds: dict[str, tuple[int, int]] = {}
            for i, w in enumerate(words):
                if w not in self._field_first:
                    continue
                for k in (3, 2, 1):
                    field = fd.fields.get(tuple(words[i : i + k]))
                    if field is not None and i + k <= len(words):
                        kinds.setdefault(field, (toks[i].ostart, toks[i + k - 1].oend))
                        break
            strong = bool(kinds.keys() - fd.weak_fields)
            about_care = _has(words, fd.patient) or _has(words, self._details)
            if len(kinds) < 2 or not (strong or (len(kinds) >= 3 and about_care)):
                continue
            if not _has(words, fd.share) or _has(words, fd.protect):
                continue
            health = bool(fd.health_fields & kinds.keys()) and _has(words, fd.patient)
            key = "patient_field_list_score" if health else "field_list_score"
            score = float(self.params.get(key, 0.85 if health else 0.7))
            s, e = min(v[0] for v in kinds.values()), max(v[1] for v in kinds.values())
            meta = {
                "kind": "daftar_data_pasien" if health else "daftar_data",
                "fields": str(len(kinds)),
            }
            out.append(new_finding(self.spec.category, s, e, score, self.name, text[s:e], meta))
        return out

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        listed = self._field_lists(doc) + self._recordings(doc)
        text = doc.original
        details = self._detail_spans(doc)
        if not details and _NAMED_AGE.search(text) is not None:
            details = self._named_cases(doc)
        staff: list[tuple[int, int, str]] = []
        if _has(list(doc.words), self._not_public):
            staff = [(s, e, "kepegawaian: " + d) for s, e, d in self._detail_spans(doc, True)]
        if details or staff or self._any_address(doc):
            found = self.matches(doc, keep_zero=True)
        else:
            # no health detail, no address: a name alone is never reported, so the name
            # patterns (most of the regex work on an ordinary post) need not run
            return listed
        out: list[Finding] = []
        if (details or staff) and not self._skip(doc):
            out = self._unmarked_names(doc, found, details + staff)
            if not out and not any(k == "nama" for _, _, _, k, _ in found):
                out = self._described(doc, details)
        if not found:
            return out + listed
        names = [(s, e) for pat, s, e, kind, _ in found if kind == "nama"]
        win = self._window
        p = self.params

        def near(s: int, e: int, spans: list[tuple[int, int]] | list[tuple[int, int, str]]) -> Any:
            return next((x for x in spans if x[0] - win <= e and s <= x[1] + win), None)

        for pat, s, e, kind, score in found:
            if kind == "nama" and self._common_words(text[s:e]):
                continue  # "Om Swastyastu": a greeting after an honorific, not a name
            detail = near(s, e, details)
            if detail is None and kind == "nama":
                detail = near(s, e, staff)
            meta = {"kind": kind}
            if detail is not None:
                score = float(p.get("health_score", 0.9))
                kind = "pasien_kesehatan" if kind == "nama" else "alamat_pasien"
                if detail[2].startswith("kepegawaian: "):
                    kind = "data_kepegawaian"
                meta = {"kind": kind, "detail": detail[2]}
            elif kind == "nama":
                continue  # a name alone is not reported
            elif kind == "alamat_tinggal":
                if not _PATIENT.search(text, max(0, s - win), e + win):
                    continue  # a home address with no patient or health detail near
                score = float(p.get("patient_address_score", 0.7))
                meta = {"kind": "alamat_pasien"}
            elif near(s, e, names) is not None:
                score = float(p.get("address_with_name_score", 0.6))
                meta = {"kind": "alamat_bernama"}
            elif _INSTITUTION.search(text, max(0, s - _INSTITUTION_REACH), s):
                continue  # an institution's own address, with no person or detail near
            if score <= 0.0:
                continue
            out.append(
                new_finding(
                    self.spec.category, s, e, score, self.name, masked(pat, text[s:e]), meta
                )
            )
        return out + listed

    def _common_words(self, name: str) -> bool:
        """Whether every word of a name the patterns found is the word of an institution, a
        place, a date or a greeting (``names.not_name_words``; not a role: "Bu Lurah" is
        someone)."""
        nd = self._names
        words = [w.lower() for w in _WORD.findall(name)]
        return bool(words) and all(w in nd.not_name_words for w in words)

    def _any_address(self, doc: NormalizedText) -> bool:
        """Whether a pattern other than a name matches (a name only counts next to one)."""
        return not self._skip(doc) and bool(self._matches(doc, True, _NAME_KIND))

    def _unmarked_names(
        self,
        doc: NormalizedText,
        found: list[Any],
        details: list[tuple[int, int, str]],
    ) -> list[Finding]:
        """Names the patterns miss, each with a health detail near: after an honorific in a
        sentence without capitals (within ``sentence_window``), or a full name without an
        honorific (in the same sentence)."""
        text = doc.original
        sentences = sentence_spans(text, lower_continues=True)
        taken = [(s, e) for _, s, e, kind, _ in found if kind == "nama"]
        win = self._window
        score = float(self.params.get("health_score", 0.9))
        out: list[Finding] = []

        def overlaps(s: int, e: int) -> bool:
            return any(a < e and s < b for a, b in taken)

        def emit(s: int, e: int, detail: tuple[int, int, str]) -> None:
            taken.append((s, e))
            kind = (
                "data_kepegawaian" if detail[2].startswith("kepegawaian: ") else "pasien_kesehatan"
            )
            meta = {"kind": kind, "detail": detail[2]}
            out.append(
                new_finding(
                    self.spec.category, s, e, score, self.name, mask_value(text[s:e], 1, 0), meta
                )
            )

        for s, e in self._token_names(doc, sentences):
            if overlaps(s, e):
                continue
            detail = next((d for d in details if d[0] - win <= e and s <= d[1] + win), None)
            if detail is not None:
                emit(s, e, detail)
        for s, e in self._full_names(text, sentences):
            if overlaps(s, e):
                continue
            a, b = next(((a, b) for a, b in sentences if a <= s < b), (0, len(text)))
            detail = next(
                (d for d in details if a <= d[0] < b and not (d[0] < e and s < d[1])), None
            )
            if detail is not None:
                emit(s, e, detail)
        return out


@recognizers.register(NAME)
def make_patient_data_recognizer(
    context: BuildContext | None = None, **params: Any
) -> PatientDataRecognizer:
    return PatientDataRecognizer(**params)
