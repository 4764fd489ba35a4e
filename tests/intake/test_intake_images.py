"""Screenshots: checked by content, metadata stripped, fingerprints that find re-compressed and
cropped copies and not unrelated pictures, and OCR (real Tesseract) whose text goes through the
engine. Every picture is drawn here with Pillow from text written by the bijak authors."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image, ImageDraw, ImageFont

import bijak
from bijak.intake.images import (
    ImageError,
    clean_copy,
    hamming,
    inspect_image,
    same_picture,
)
from bijak.intake.text import ocr_image, simhash, similar_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

GAMBLING = [
    "Situs slot gacor hari ini",
    "maxwin terus, depo 10rb",
    "langsung wd tanpa potongan",
    "daftar sekarang bonus 100%",
]
HEALTH = [
    "Jadwal imunisasi balita",
    "Posyandu Melati, Senin pagi",
    "bawa buku KIA dan kartu",
    "gratis untuk semua warga",
]


def _screenshot(
    lines: list[str], *, bg=(255, 255, 255), fg=(20, 20, 20), size=(900, 520)
) -> Image.Image:
    img = Image.new("RGB", size, bg)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 42)
    draw.rectangle([0, 0, size[0], 70], fill=(30, 90, 160))
    draw.text((24, 12), "Beranda", font=font, fill=(255, 255, 255))
    for i, line in enumerate(lines):
        draw.text((30, 110 + i * 90), line, font=font, fill=fg)
    return img


def _bytes(img: Image.Image, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **kw)
    return out.getvalue()


@pytest.fixture(scope="module")
def gambling_png() -> bytes:
    return _bytes(_screenshot(GAMBLING), "PNG")


def test_ocr_reads_the_indonesian_text_and_the_engine_finds_gambling(gambling_png):
    img = Image.open(io.BytesIO(gambling_png))
    text = ocr_image(img).text.lower()
    for word in ("slot", "gacor", "maxwin", "depo", "daftar", "bonus"):
        assert word in text
    report = bijak.analyze(text)
    assert report.verdict != "aman"
    assert "perjudian" in {c.id for c in report.categories}


def test_ocr_still_reads_a_recompressed_and_cropped_copy(gambling_png):
    img = Image.open(io.BytesIO(gambling_png)).convert("RGB")
    cropped = img.crop((0, 40, img.width - 30, img.height))
    jpeg = Image.open(io.BytesIO(_bytes(cropped, "JPEG", quality=45)))
    text = ocr_image(jpeg).text.lower()
    assert "gacor" in text and "maxwin" in text


def test_recompressed_and_cropped_copies_are_proposed_as_duplicates_and_others_are_not(
    gambling_png,
):
    original = clean_copy(gambling_png)
    img = Image.open(io.BytesIO(gambling_png)).convert("RGB")
    copies = [
        _bytes(img, "JPEG", quality=35),
        _bytes(img.resize((600, 347)), "JPEG", quality=60),
        _bytes(img.crop((0, 0, img.width - 45, img.height - 26)), "PNG"),  # ~5% cropped
        _bytes(img.crop((20, 30, img.width, img.height)), "WEBP", quality=70),
    ]
    for data in copies:
        c = clean_copy(data)
        assert same_picture(original.phash, original.variants, c.phash, c.variants)
    other = clean_copy(_bytes(_screenshot(HEALTH, bg=(250, 250, 240)), "PNG"))
    photo = Image.radial_gradient("L").resize((900, 520)).convert("RGB")
    unrelated = [other, clean_copy(_bytes(photo, "JPEG"))]
    for u in unrelated:
        assert not same_picture(original.phash, original.variants, u.phash, u.variants)
        assert hamming(original.phash, u.phash) > 10


def test_metadata_is_stripped_from_the_stored_copy_and_the_original_hash_kept():
    img = _screenshot(HEALTH)
    exif = Image.Exif()
    exif[0x010F] = "Kamera Pelapor"  # Make
    exif[0x0112] = 6  # orientation: rotated
    gps = {1: "S", 2: (6.0, 10.0, 30.0), 3: "E", 4: (106.0, 49.0, 0.0)}
    exif[0x8825] = gps
    data = _bytes(img, "JPEG", exif=exif.tobytes(), quality=90)
    assert b"Kamera Pelapor" in data
    clean = clean_copy(data)
    assert b"Kamera Pelapor" not in clean.data
    stored = Image.open(io.BytesIO(clean.data))
    assert not stored.getexif()
    assert stored.size == (img.height, img.width)  # orientation applied, then dropped
    import hashlib

    assert clean.info.sha256 == hashlib.sha256(data).hexdigest()


def _pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels (no real pixel data)."""
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (_pdf(), "not_image"),
        (b"GIF89a" + b"\0" * 64, "not_image"),
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "not_image"),
        (_png_header_only(20_000, 20_000), "too_many_pixels"),
        (b"\0" * (10 * 1024 * 1024 + 1), "too_large"),
    ],
    ids=["pdf-renamed", "gif", "empty", "broken-png", "20000x20000", "over-10MB"],
)
def test_files_that_are_not_acceptable_screenshots_are_refused_by_content(data, code):
    with pytest.raises(ImageError) as err:
        inspect_image(data)
    assert err.value.code == code
    assert str(err.value)


def test_a_truncated_jpeg_is_refused_as_damaged():
    data = _bytes(_screenshot(HEALTH), "JPEG")
    with pytest.raises(ImageError) as err:
        inspect_image(data[: len(data) // 2])
    assert err.value.code == "damaged"


def test_text_fingerprint_joins_reworded_copies_of_a_chain_message_and_not_others():
    base = (
        "Pesan berantai: minum air kelapa dicampur garam setiap pagi menyembuhkan demam berdarah "
        "dalam tiga hari tanpa ke dokter, sebarkan ke keluarga dan grup kantor ya"
    )
    same = [
        "🙏🙏 PENTING!! " + base.upper() + " !!!",
        base.replace("setiap pagi", "tiap pagi") + " (dari grup sebelah)",
        "https://contoh.example/x " + base,
    ]
    other = (
        "Jadwal posyandu bulan ini: penimbangan balita hari Senin, imunisasi hari Rabu, "
        "bawa buku KIA dan jangan lupa memakai masker saat datang ke balai warga"
    )
    h = simhash(base)
    for s in same:
        assert similar_text(h, simhash(s)), s
    assert not similar_text(h, simhash(other))
    assert simhash("") == 0 and not similar_text(0, 0)


def test_crop_variants_survive_storage_as_text(gambling_png):
    from bijak.intake.images import variants_from_text, variants_to_text

    c = clean_copy(gambling_png)
    assert len(c.variants) == 81 and c.variants[0] == c.phash
    assert variants_from_text(variants_to_text(c.variants)) == c.variants
