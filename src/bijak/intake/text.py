"""Text of a complaint: OCR of screenshots (Tesseract, Indonesian + English) and a fingerprint
of the normalised text, so the same chain message reported twice, with other emoji, spacing or
a different greeting, is proposed as a duplicate.

The fingerprint is a 64-bit SimHash over the words of the text after the engine's own
normaliser (slang, leetspeak, look-alike letters): near texts differ in few bits, and the
integer fits a database column. Words rather than 3-word shingles: on a chain message of 25
words one changed word and an added line moved a shingle SimHash by 16 bits (as far as an
unrelated text), the word SimHash by 8; an unrelated text of the same length stays at 25+. Pure Python; no Django.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image

OCR_LANGS = "ind+eng"
OCR_TIMEOUT_S = 30
SIMHASH_MATCH_DISTANCE = 10
_WORD = re.compile(r"[a-z0-9]+")
_URL = re.compile(r"https?://\S+|www\.\S+")


class OcrError(RuntimeError):
    """Tesseract could not read the picture (not installed, timed out, failed)."""


@dataclass(frozen=True, slots=True)
class OcrResult:
    text: str
    langs: str


def ocr_image(
    img: Image.Image, *, langs: str = OCR_LANGS, timeout: int = OCR_TIMEOUT_S
) -> OcrResult:
    """The text Tesseract reads in ``img``: grey, enlarged when small (screenshots of phones
    are often narrow), page segmentation for a block of text."""
    import pytesseract
    from PIL import ImageOps

    grey = ImageOps.grayscale(img)
    if grey.width < 1200:
        factor = min(3.0, 1200 / max(grey.width, 1))
        grey = grey.resize((int(grey.width * factor), int(grey.height * factor)))
    try:
        text = pytesseract.image_to_string(grey, lang=langs, config="--psm 6", timeout=timeout)
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        raise OcrError(f"OCR melebihi batas waktu {timeout} detik") from exc
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError) as exc:
        raise OcrError(f"OCR gagal: {exc}") from exc
    lines = [ln.strip() for ln in text.splitlines()]
    return OcrResult("\n".join(ln for ln in lines if ln), langs)


def normalised_words(text: str) -> list[str]:
    """Lower-case words after the engine's normaliser, links removed."""
    from bijak.engine.normalize import normalize

    cleaned = _URL.sub(" ", text or "")
    try:
        norm = normalize(cleaned).text
    except Exception:  # the normaliser never should fail; a fingerprint must not either
        norm = cleaned.lower()
    return _WORD.findall(norm.lower())


def simhash(text: str, *, shingle: int = 1) -> int:
    """64-bit SimHash (signed, to fit a BIGINT) of ``text``'s word shingles; 0 for no words."""
    words = normalised_words(text)
    if not words:
        return 0
    grams = (
        [" ".join(words[i : i + shingle]) for i in range(len(words) - shingle + 1)]
        if len(words) >= shingle
        else [" ".join(words)]
    )
    weights = [0] * 64
    for gram in grams:
        h = int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if (h >> bit) & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def similar_text(a: int, b: int, *, distance: int = SIMHASH_MATCH_DISTANCE) -> bool:
    if a == 0 or b == 0:
        return False
    return ((a ^ b) & ((1 << 64) - 1)).bit_count() <= distance
