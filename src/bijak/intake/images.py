"""Screenshots as evidence: checked by content (not by name), stripped of metadata, hashed, and
fingerprinted so that a re-compressed or slightly cropped copy is found again.

- :func:`inspect_image` refuses what is not a real PNG, JPEG or WebP, or is too large in bytes
  or pixels, before decoding it whole (Pillow reads the header first).
- :func:`clean_copy` re-encodes the picture upright (EXIF orientation applied) without EXIF,
  GPS, XMP or text chunks; the original's SHA-256 is kept by the caller as proof of what was
  received.
- Fingerprints come from the kept library ``imagehash``: a 64-bit pHash (stored as an integer,
  compared by Hamming distance; survives re-compression and scaling) and the pHashes of the
  picture's small crops (so a cropped copy is found too; imagehash's crop-resistant hash was
  tried and does not tell two screenshots of text apart).

Pure Python with Pillow and imagehash; no Django.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 12_000
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
PHASH_MATCH_DISTANCE = 6
"""Two pHashes this close (of 64 bits) are proposed as the same picture. Measured on drawn
screenshots: re-compression and crops 0–2 bits (against the crops), two different screenshots
of the same layout 18 or more."""


class ImageError(ValueError):
    """A file that is not accepted as a screenshot; ``code`` names why, ``str()`` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class ImageInfo:
    format: str
    mime: str
    width: int
    height: int
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class CleanImage:
    info: ImageInfo
    data: bytes
    """The stored copy: re-encoded, metadata removed."""
    mime: str
    phash: int
    """64-bit pHash as a signed integer (fits a database BIGINT)."""
    variants: tuple[int, ...]
    """pHashes of the picture's small crops (:func:`crop_variants`)."""


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(
            "too_many_pixels",
            f"gambar terlalu besar (paling banyak {MAX_PIXELS // 1_000_000} juta piksel)",
        ) from None
    except UnidentifiedImageError:
        raise ImageError("not_image", "berkas bukan gambar PNG, JPEG atau WebP yang sah") from None
    except OSError as exc:
        raise ImageError("damaged", f"gambar rusak atau terpotong ({exc})") from None
    return img


def inspect_image(
    data: bytes, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS
) -> ImageInfo:
    """Check ``data`` by its content; raises :class:`ImageError` with a translated reason."""
    if len(data) > max_bytes:
        raise ImageError("too_large", f"gambar lebih dari {max_bytes // (1024 * 1024)} MB")
    if not data:
        raise ImageError("empty", "berkas gambar kosong")
    img = _open(data)
    fmt = (img.format or "").upper()
    if fmt not in FORMATS:
        raise ImageError("not_image", "berkas bukan gambar PNG, JPEG atau WebP yang sah")
    width, height = img.size
    if width < 1 or height < 1 or width * height > max_pixels or max(width, height) > MAX_SIDE:
        raise ImageError(
            "too_many_pixels",
            f"gambar terlalu besar ({width} × {height} piksel; paling banyak "
            f"{max_pixels // 1_000_000} juta piksel)",
        )
    try:
        img.load()
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError("damaged", f"gambar rusak atau terpotong ({exc})") from None
    return ImageInfo(fmt, FORMATS[fmt], width, height, hashlib.sha256(data).hexdigest(), len(data))


def _signed64(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def phash_int(img: Image.Image) -> int:
    import imagehash

    h = imagehash.phash(img)
    bits = 0
    for b in h.hash.flatten():
        bits = (bits << 1) | int(bool(b))
    return _signed64(bits)


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


CROP_FRACTIONS = (0.0, 0.04, 0.08)


def crop_variants(img: Image.Image) -> tuple[int, ...]:
    """pHashes of ``img`` with 0, 4 or 8 % cut from each side (81 crops, the whole picture
    first). A copy cropped by up to about 10 % has a pHash close to one of them: a plain pHash
    moves by 10–15 bits under such a crop, as much as between two different screenshots of
    the same app, so crops are matched against these instead."""
    w, h = img.size
    out = []
    for left in CROP_FRACTIONS:
        for top in CROP_FRACTIONS:
            for right in CROP_FRACTIONS:
                for bottom in CROP_FRACTIONS:
                    box = (int(left * w), int(top * h), w - int(right * w), h - int(bottom * h))
                    out.append(phash_int(img.crop(box)))
    return tuple(out)


def variants_to_text(variants: tuple[int, ...]) -> str:
    return ",".join(f"{v & ((1 << 64) - 1):016x}" for v in variants)


def variants_from_text(text: str) -> tuple[int, ...]:
    return tuple(_signed64(int(x, 16)) for x in text.split(",") if x)


def same_picture(
    phash_a: int, variants_a: tuple[int, ...], phash_b: int, variants_b: tuple[int, ...]
) -> bool:
    """Whether two screenshots are proposed as duplicates (an officer decides): one's pHash is
    close to one of the other's crops, either way round."""
    if hamming(phash_a, phash_b) <= PHASH_MATCH_DISTANCE:
        return True
    best = min(
        min((hamming(v, phash_b) for v in variants_a), default=64),
        min((hamming(phash_a, v) for v in variants_b), default=64),
    )
    return best <= PHASH_MATCH_DISTANCE


def clean_copy(data: bytes, **limits: int) -> CleanImage:
    """The checked, upright, metadata-free copy of a screenshot and its fingerprints."""
    info = inspect_image(data, **limits)
    img = _open(data)
    img = ImageOps.exif_transpose(img) or img
    if img.mode not in ("RGB", "RGBA", "L"):
        img = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    out = io.BytesIO()
    if info.format == "JPEG":
        img.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
        mime = "image/jpeg"
    elif info.format == "WEBP":
        img.save(out, "WEBP", quality=90)
        mime = "image/webp"
    else:
        img.save(out, "PNG", optimize=True)
        mime = "image/png"
    rgb = img.convert("RGB")
    return CleanImage(
        info=info,
        data=out.getvalue(),
        mime=mime,
        phash=phash_int(rgb),
        variants=crop_variants(rgb),
    )
