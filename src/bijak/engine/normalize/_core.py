"""normalize(): informal, obfuscated Indonesian -> normalised text, tokens and an offset map.

The pipeline, per text:

1. ``str.translate`` with one prebuilt table (``_chars.FOLD``): case, look-alike letters,
   invisible characters, exotic spaces, unlisted emoji. If the length did not change the
   offsets are the identity; otherwise an index array (folded -> original) is built from the
   runs of deleted characters.
2. One compiled regex scans the folded text for tokens: URL, e-mail, @mention, #hashtag,
   letters spaced out to dodge filters ("s l o t", "s.l.o.t", "g-a-c-o-r"), number, word,
   listed emoji.
3. Each word goes through leetspeak (only when it mixes letters and digits/symbols),
   stretched-letter collapse and the slang table; the result is cached per distinct word.
4. The normalised text is the folded text with each changed token replaced. Replacements
   that change the length are recorded as edits; positions between edits map linearly.

Spaced-out letters are joined into ONE token ("s l o t g a c o r" -> "slotgacor"): a lexicon
that wants "slot" inside it must match substrings of such tokens. A hashtag is one token
("#slotgacor"); when written in CamelCase ("#SlotGacor") its parts follow it as extra tokens
("slot", "gacor") that overlap the hashtag's span; a one-word hashtag is followed by its
word ("#judol" -> "#judol", "judol"). A slang word that expands to several
words ("gpp" -> "tidak apa-apa") gives one token per word, each spanning the whole slang word
in the original. Words are split at hyphens ("anak-anak" -> "anak", "anak"); "anak2" becomes
"anak-anak" in the text and two tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import partial
from typing import Final, NamedTuple

from ._chars import DELETED_RE, EMOJI_CLASS, FOLD
from ._tables import EMOJI, KNOWN_WORDS, SLANG

NORMALIZER_VERSION: Final = "bijak.normalize.v1"


class Token(NamedTuple):
    """A normalised word: its form, its span in the normalised text and in the original.

    Immutable. A named tuple rather than a frozen dataclass because a post has dozens of
    tokens and a tuple is built several times faster (the pipeline's budget is microseconds).
    """

    text: str
    start: int
    end: int
    ostart: int
    oend: int


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The result of :func:`normalize`."""

    original: str
    text: str
    tokens: tuple[Token, ...]
    version: str = NORMALIZER_VERSION
    # Offset map (private): the edits that changed the length, as four tuples (start and end
    # in the normalised text, start and end in the folded text), or None when there are none;
    # and the folded -> original index array, or None when it is the identity.
    _edits: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None = (
        field(default=None, repr=False, compare=False)
    )
    _omap: tuple[int, ...] | None = field(default=None, repr=False, compare=False)
    _words: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> tuple[str, ...]:
        """The tokens' texts, in order; computed once, for the several recognizers that
        look words up."""
        words = self._words
        if words is None:
            words = tuple([t.text for t in self.tokens])
            object.__setattr__(self, "_words", words)
        return words

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``self.text`` to the span of ``self.original`` it came from.

        Out-of-range or reversed input is clamped; the result always satisfies
        ``0 <= s <= e <= len(self.original)``. A span that cuts into a replaced word
        (e.g. half of the expansion of a slang word) widens to the whole original word.
        """
        n = len(self.text)
        start = 0 if start < 0 else (n if start > n else start)
        end = start if end < start else (n if end > n else end)
        fs = self._to_folded(start, is_end=False)
        fe = self._to_folded(end, is_end=True)
        omap = self._omap
        if omap is not None:
            fs, fe = omap[fs], omap[fe]
        if fe < fs:  # pragma: no cover - monotone maps; kept as a guard
            fe = fs
        return fs, fe

    def _to_folded(self, pos: int, *, is_end: bool) -> int:
        edits = self._edits
        if edits is None:
            return pos
        ens, ene, efs, efe = edits
        i = bisect_right(ens, pos) - 1
        if i < 0:
            return pos
        ns, ne = ens[i], ene[i]
        if pos == ns:
            return efs[i]
        if pos < ne:  # inside a replaced stretch: widen to the whole original stretch
            return efe[i] if is_end else efs[i]
        return efe[i] + (pos - ne)


# ---------------------------------------------------------------------------- tokenizer

_W = r"[^\W_]"  # a letter or digit, any script
_SEP = r"(?:[ \t]|[ \t]?[.\-_*·•|~/\\+,:][ \t]?|\]\[|\)\()"
_TOKEN_RE: Final = re.compile(
    r"(?<!\s)\s*+(?:"  # whitespace is skipped inside a match, once per run of it
    + "|".join(
        (
            # the common case first: a word of ASCII letters, not glued to a URL, e-mail,
            # digits or other letters (a plain character set is the fastest check there is)
            r"(?P<w>[a-z]{2,}+(?![^\W_]|[.@:/\-_][^\W_]|[@$!]|://))",
            r"(?P<ename>(?<![\w])emoji_[a-z0-9]+(?:_[a-z0-9]+)*)",  # an emoji's name, kept whole
            r"(?P<url>(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"
            r"|(?<![\w.@/\-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
            r"\.(?:com|net|org|id|co|io|ly|me|xyz|info|biz|site|online|vip|top|club|link|asia"
            r"|app|gg|cc|tv|pro|live|store|shop|fun|win|bet|game|games|cash|icu|sbs|ink|art)"
            r"(?![\w-])(?:/(?:[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?)?)",
            r"(?P<email>(?<![\w.%+\-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-]))",
            r"(?P<mention>(?<![\w@])@[a-z0-9_.]*[a-z0-9_])",
            r"(?P<hashtag>(?<![\w#])#[^\W_]\w*)",
            rf"(?P<spaced>(?<!{_W})[^\W\d_](?P<sep>{_SEP}){_W}(?!{_W})(?:(?P=sep){_W}(?!{_W}))+)",
            r"(?P<number>(?<!\d[.,:/\-])(?:rp\.?|idr|usd|\$)?\d++(?:[.,:/\-]\d++)*+(?:[^\W\d_]++)?(?![^\W_]))",
            r"(?P<word>[^\W_]++(?:[@$!]++[^\W_]++)*+)",
            f"(?P<emoji>[{EMOJI_CLASS}])",
        )
    )
    + ")"
)
_ASCII_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNIT_RE: Final = re.compile(_W)
_CAMEL_RE: Final = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

# ---------------------------------------------------------------------------- word rules

_LEET: Final = str.maketrans(
    {
        "4": "a",
        "3": "e",
        "1": "i",
        "0": "o",
        "5": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
    }
)
_INNER_LEET_RE: Final = re.compile(r"[^\W\d_][0-9@$!](?=[^\W\d_])")
_HEX_RE: Final = re.compile(r"x?[0-9a-f]+")  # byte escapes ("x9f"), hashes, colours: not leet
_INNER_NUMBER_RE: Final = re.compile(r"[0-9]{2,}(?=[^\W\d_])")
_TRAILING_DIGITS_RE: Final = re.compile(r"[0-9]{2,}$|[0-9]d$")  # "slot88", "visi4d" (togel)
_REDUP_RE: Final = re.compile(r"([^\W\d_]{3,})2")
_STRETCH_RE: Final = re.compile(r"([^\W\d_])\1{2,}")
_FINAL_DOUBLE_RE: Final = re.compile(r"(?<=[a-z]{3})([bcdghj-kmnprtv-y])\1$")
"""A doubled final consonant after 3+ letters ("bangett"); not -ss, -ll, -ff, -zz, which end
many English words ("princess", "install", "staff", "jazz")."""
_VOWEL_RE: Final = re.compile(r"[aeiouy]")
_LAUGH_RE: Final = re.compile(
    r"a?(?:wk){2,}w?|(?:ha){2,}h?|(?:he){2,}h?|(?:hi){2,}h?|(?:xi){2,}|(?:awok){2,}"
)
"""Written laughter ("wkwkwk", "hahaha", "hehe", "awokawok") -> "haha"."""
_HAS_DIGIT_OR_SYMBOL_RE: Final = re.compile(r"[0-9@$!]")

_CACHE: dict[str, str] = {}
_CACHE_MAX: Final = 200_000


def _deleet(word: str) -> str:
    """Leetspeak -> letters, only in a word mixing letters with digits/symbols in its inside.

    "g4c0r" -> "gacor", "h0k1" -> "hoki", "sl0t88" -> "slot88", "t0t04d" -> "toto4d"; but
    "4d", "50rb", "24jam", "covid19", "weton88", "mp3" stay (no single digit between two
    letters), and so do amounts such as "rp50rb" (several digits inside the word) and
    hexadecimal strings such as "x9f".
    """
    if _HEX_RE.fullmatch(word) is not None:
        return word
    m = _TRAILING_DIGITS_RE.search(word)
    head, tail = (word[: m.start()], m.group()) if m is not None else (word, "")
    if _INNER_LEET_RE.search(head) is None or _INNER_NUMBER_RE.search(head) is not None:
        return word
    return head.translate(_LEET) + tail


def _unstretch(word: str) -> str:
    """Collapse letters repeated 3+ times: to two if that gives a known word, else to one."""
    if _STRETCH_RE.search(word) is None:
        return word
    two = _STRETCH_RE.sub(r"\1\1", word)
    if two in KNOWN_WORDS:
        return two
    one = _STRETCH_RE.sub(r"\1", word)
    if one in KNOWN_WORDS or one in SLANG:
        return one
    if _VOWEL_RE.search(word) is None:  # an acronym or a sound: "pppk", "www", "xxx", "hmmm"
        return word
    # several stretched runs: try each mix of two/one
    runs = list(_STRETCH_RE.finditer(word))
    if 1 < len(runs) <= 4:
        for mask in range(1, (1 << len(runs)) - 1):
            parts: list[str] = []
            last = 0
            for k, run in enumerate(runs):
                parts.append(word[last : run.start()])
                parts.append(run.group(1) * (2 if mask >> k & 1 else 1))
                last = run.end()
            parts.append(word[last:])
            cand = "".join(parts)
            if cand in KNOWN_WORDS:
                return cand
    return one


def normalize_word(word: str) -> str:
    """Normalise one folded (lower-case) word: leetspeak, stretched letters, slang.

    The result may hold several words ("gpp" -> "tidak apa-apa").
    """
    cached = _CACHE.get(word)
    if cached is not None:
        return cached
    out = word
    if _HAS_DIGIT_OR_SYMBOL_RE.search(out) is not None:
        out = _deleet(out)
    out = _unstretch(out)
    if out not in SLANG and out not in KNOWN_WORDS:
        m2 = _FINAL_DOUBLE_RE.search(out)
        if m2 is not None:  # "bangett", "mantapp", "kerenn" -> drop the doubled last letter
            out = out[:-1]
    if _LAUGH_RE.fullmatch(out) is not None:
        out = "haha"
    out = SLANG.get(out, out)
    if out is word or out == word:
        m = _REDUP_RE.fullmatch(word)
        if m is not None:
            base = SLANG.get(m.group(1), m.group(1))
            out = f"{base}-{base}"
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[word] = out
    return out


_new_token: Final = partial(tuple.__new__, Token)
"""Token from a 5-tuple, all in C (``Token._make`` is a Python function)."""

_SPLIT_RE: Final = re.compile(r"[^\s\-]+")
_GLOTTAL: Final = frozenset("'\u2019\u02bc`")

# ---------------------------------------------------------------------------- normalize


def _hashtag_parts(
    text: str, folded: str, omap: tuple[int, ...] | None, fs: int, fe: int, delta: int
) -> list[tuple[str, int, int, int, int]]:
    """The parts of the hashtag at folded [fs, fe): "#SlotGacor" -> slot, gacor; "#judol" -> judol.

    Split at case changes, underscores and digits; the parts are not rewritten (no slang).
    """
    base = fs + 1
    if omap is None:
        orig = text[base:fe]
    else:  # the original character behind each folded one
        orig = "".join([text[omap[i]] for i in range(base, fe)])
    # the folded letters with the original's case ("𝐒𝐥𝐨𝐭𝐆𝐚𝐜𝐨𝐫" -> "SlotGacor")
    body = "".join(
        [
            c.upper() if o.isupper() and c.isascii() else c
            for c, o in zip(folded[base:fe], orig, strict=True)
        ]
    )
    out = []
    for p in _CAMEL_RE.finditer(body):
        a, b = base + p.start(), base + p.end()
        out.append((folded[a:b], a + delta, b + delta, a, b))
    return out


def _build_omap(text: str) -> tuple[int, ...]:
    """folded index -> original index (plus a final sentinel), skipping deleted runs."""
    omap: list[int] = []
    prev = 0
    for m in DELETED_RE.finditer(text):
        omap.extend(range(prev, m.start()))
        prev = m.end()
    omap.extend(range(prev, len(text)))
    omap.append(len(text))
    return tuple(omap)


def fold(text: str) -> str:
    """Only the character step of :func:`normalize`: case, look-alikes, invisibles, emoji.

    No word rules (no leetspeak, slang or joining), so it suits word endings and fixed
    strings ("jp" stays "jp", where ``normalize`` gives "jackpot"). Never raises.
    """
    if type(text) is not str:
        text = str(text)
    if text.isascii() and _ASCII_CONTROL_RE.search(text) is None:
        return text.lower()
    return text.translate(FOLD)


def normalize(text: str) -> NormalizedText:
    """Normalise ``text``; never raises for any ``str``."""
    if type(text) is not str:
        text = str(text)
    if text.isascii() and _ASCII_CONTROL_RE.search(text) is None:
        folded = text.lower()
    else:
        folded = text.translate(FOLD)
    omap = None if len(folded) == len(text) else _build_omap(text)

    pieces: list[str] = []
    toks: list[tuple[str, int, int, int, int]] = []  # text, start, end, fstart, fend
    ens: list[int] = []
    ene: list[int] = []
    efs: list[int] = []
    efe: list[int] = []
    last = 0  # folded position copied up to
    delta = 0  # normalised position - folded position, after `last`
    cache_get = _CACHE.get

    for m in _TOKEN_RE.finditer(folded):
        kind = m.lastgroup
        if kind is None:  # pragma: no cover - every alternative is a named group
            continue
        raw = m.group(kind)
        fs, fe = m.span(kind)
        if kind == "w" or kind == "word":
            norm = cache_get(raw)
            if norm is None:
                norm = normalize_word(raw)
            if fe < len(folded) and folded[fe] in _GLOTTAL:
                # a word that ends in a written glottal stop is another word in some
                # regional languages (Toraja "tae'" is "tidak", not "tai")
                norm = SLANG.get(raw + "'", norm)
            if norm is raw or norm == raw:
                toks.append((raw, fs + delta, fe + delta, fs, fe))
                continue
        elif kind == "spaced":
            units = "".join(_UNIT_RE.findall(raw))
            if sum(1 for c in units if not c.isdigit()) < 2:
                # not a spelled-out word (e.g. "x 5 0 0"): one token per unit
                for u in _UNIT_RE.finditer(raw):
                    toks.append(
                        (
                            u.group(),
                            fs + u.start() + delta,
                            fs + u.end() + delta,
                            fs + u.start(),
                            fs + u.end(),
                        )
                    )
                continue
            norm = normalize_word(units)
        elif kind == "emoji":
            name = "emoji_" + EMOJI[raw]
            pre = " " if fs > 0 and not folded[fs - 1].isspace() else ""
            post = " " if fe < len(folded) and not folded[fe].isspace() else ""
            pieces.append(folded[last:fs])
            ns = fs + delta
            rep = pre + name + post
            pieces.append(rep)
            toks.append((name, ns + len(pre), ns + len(pre) + len(name), fs, fe))
            ens.append(ns)
            ene.append(ns + len(rep))
            efs.append(fs)
            efe.append(fe)
            delta += len(rep) - (fe - fs)
            last = fe
            continue
        elif kind == "hashtag":
            toks.append((raw, fs + delta, fe + delta, fs, fe))
            toks.extend(_hashtag_parts(text, folded, omap, fs, fe, delta))
            continue
        else:  # url, email, mention, number, emoji name: kept whole
            toks.append((raw, fs + delta, fe + delta, fs, fe))
            continue

        # the word or spaced run changed: write its normalised form
        pieces.append(folded[last:fs])
        pieces.append(norm)
        ns = fs + delta
        ne = ns + len(norm)
        last = fe
        multi = " " in norm or "-" in norm  # several words from one: map them as a whole
        if multi or len(norm) != fe - fs:
            ens.append(ns)
            ene.append(ne)
            efs.append(fs)
            efe.append(fe)
            delta += len(norm) - (fe - fs)
        if multi:
            for p in _SPLIT_RE.finditer(norm):
                toks.append((p.group(), ns + p.start(), ns + p.end(), fs, fe))
        else:
            toks.append((norm, ns, ne, fs, fe))

    if pieces:
        pieces.append(folded[last:])
        out = "".join(pieces)
    else:
        out = folded

    if omap is None:
        tokens = tuple(map(_new_token, toks))
    else:
        tokens = tuple(Token(t, s, e, omap[a], omap[b]) for t, s, e, a, b in toks)
    return NormalizedText(
        original=text,
        text=out,
        tokens=tokens,
        _edits=(tuple(ens), tuple(ene), tuple(efs), tuple(efe)) if ens else None,
        _omap=omap,
    )
