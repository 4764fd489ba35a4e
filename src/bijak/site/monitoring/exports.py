"""Reading the files people get when they download their data from a platform. Pure reading:
writes nothing, never touches the disk (a ZIP is read in memory, so no path of an archive member
is ever used as a file name).

Formats:
- X archive: ``data/tweets.js`` (``window.YTD.tweets.part0 = [...]``), alone or in the ZIP;
- Instagram: ``your_instagram_activity/content/posts_1.json`` (``media/posts_1.json`` in older
  exports), alone or in the ZIP;
- Facebook: ``your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json``
  (older: ``posts/your_posts_1.json``), alone or in the ZIP; Meta writes UTF-8 bytes as
  Latin-1 escapes (``\\u00c3\\u00a9`` for "é"), repaired here;
- TikTok: ``user_data_tiktok.json`` (``Video`` → ``Videos`` → ``VideoList`` with ``Desc``);
- generic CSV or JSONL with a column mapping (text, id, date).

``read_export`` raises :class:`ImportFileError` (the employee import's error, same messages and
limits) for problems of the whole file, and otherwise returns every post found with its own
problems: a malformed entry is reported by file, line and reason, and the valid rest is kept.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.utils.translation import gettext as _

from bijak.site.org.importing import ImportFileError, too_large_error

__all__ = ["ColumnMap", "ImportFileError", "ParsedExport", "ParsedPost", "read_export"]

MAX_POST_CHARS = 100_000
"""A post longer than this is rejected (line by line); the engine reads at most as much."""
UNPACKED_FACTOR = 25
"""A ZIP may unpack to at most this many times the upload limit (zip bombs are refused unread)."""
MAX_ZIP_MEMBERS = 50_000

FORMAT_X = "x_archive"
FORMAT_INSTAGRAM = "instagram"
FORMAT_FACEBOOK = "facebook"
FORMAT_TIKTOK = "tiktok"
FORMAT_CSV = "csv"
FORMAT_JSONL = "jsonl"

FORMAT_PLATFORM = {
    FORMAT_X: "x",
    FORMAT_INSTAGRAM: "instagram",
    FORMAT_FACEBOOK: "facebook",
    FORMAT_TIKTOK: "tiktok",
}

X_PATH = re.compile(r"(^|/)data/tweets(-part\d+)?\.js$")
INSTAGRAM_PATH = re.compile(
    r"(^|/)(your_instagram_activity/content|content|media)/posts_\d+\.json$"
)
FACEBOOK_PATH = re.compile(
    r"(^|/)(your_activity_across_facebook/posts|posts)/"
    r"(your_posts__check_ins__photos_and_videos|your_posts)_\d+\.json$"
)
TIKTOK_PATH = re.compile(r"(^|/)user_data(_tiktok)?\.json$")
X_PREFIX = re.compile(r"^\s*window\.YTD\.tweets\.part\d+\s*=\s*")

TEXT_COLUMNS = ("text", "teks", "isi", "caption", "content", "full_text", "post", "desc")
ID_COLUMNS = ("id", "post_id", "id_unggahan", "id_str", "platform_id", "url", "link")
DATE_COLUMNS = ("date", "tanggal", "posted_at", "created_at", "timestamp", "waktu")


@dataclass(frozen=True)
class ColumnMap:
    """Which columns of a generic CSV/JSONL hold the text, the platform's id and the date
    (empty: guess from the usual names)."""

    text: str = ""
    id: str = ""
    date: str = ""


@dataclass
class ParsedPost:
    source: str  # the file (inside the ZIP, if any)
    line: int  # line of a CSV/JSONL file, entry number in a JSON list
    platform_id: str
    posted_at: datetime | None
    text: str
    errors: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class ParsedExport:
    format: str
    platform: str | None  # None for generic files
    posts: list[ParsedPost]


def content_hash(text: str) -> str:
    """SHA-256 of the post's text in NFC with whitespace collapsed (same text, same hash)."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def repair_mojibake(text: str) -> str:
    """Undo Meta's encoding: UTF-8 bytes written one per character as Latin-1 (``Ã©`` → ``é``).
    A text that is not such mojibake is returned unchanged."""
    if text.isascii() or any(ord(ch) > 0xFF for ch in text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def _repair_tree(value: Any) -> Any:
    if isinstance(value, str):
        return repair_mojibake(value)
    if isinstance(value, list):
        return [_repair_tree(v) for v in value]
    if isinstance(value, dict):
        return {k: _repair_tree(v) for k, v in value.items()}
    return value


# --- the container: one file, or a ZIP of an export --------------------------------------


def _zip_members(content: bytes, max_bytes: int) -> dict[str, Callable[[], bytes]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportFileError(
            _("Berkas ZIP rusak atau terpotong; unduh ulang arsip dari platformnya.")
        ) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ImportFileError(
            _("Arsip ZIP berisi terlalu banyak berkas (%(count)d); batasnya %(limit)d.")
            % {"count": len(infos), "limit": MAX_ZIP_MEMBERS}
        )
    unpacked, limit = sum(i.file_size for i in infos), max_bytes * UNPACKED_FACTOR
    if unpacked > limit:
        raise ImportFileError(
            _("Isi arsip ZIP terlalu besar setelah dibuka (%(size)d MB); batasnya %(limit)d MB.")
            % {"size": unpacked // (1024 * 1024), "limit": limit // (1024 * 1024)}
        )
    members: dict[str, Callable[[], bytes]] = {}
    for info in infos:
        name = info.filename.replace("\\", "/")
        if info.is_dir():
            continue
        if name.startswith("/") or ".." in name.split("/") or re.match(r"^[A-Za-z]:", name):
            raise ImportFileError(
                _("Arsip ZIP berisi nama berkas yang tidak aman (%(name)s); arsip ditolak.")
                % {"name": name[:200]}
            )

        def read(info: zipfile.ZipInfo = info) -> bytes:
            try:
                with archive.open(info) as handle:
                    data = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, ValueError):
                raise ImportFileError(
                    _("Berkas ZIP rusak atau terpotong; unduh ulang arsip dari platformnya.")
                ) from None
            if len(data) > info.file_size:  # a header that lies about the size
                raise ImportFileError(
                    _("Berkas ZIP rusak atau terpotong; unduh ulang arsip dari platformnya.")
                )
            return data

        members[name] = read
    return members


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFileError(
            _("%(file)s bukan teks UTF-8 (baris %(line)d); simpan ulang sebagai UTF-8.")
            % {"file": source, "line": line}
        ) from None


def _load_json(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _("%(file)s bukan JSON yang sah: %(reason)s di baris %(line)d, kolom %(column)d.")
            % {"file": source, "reason": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from None
    except RecursionError:
        raise ImportFileError(
            _("%(file)s bersarang terlalu dalam untuk dibaca.") % {"file": source}
        ) from None


def read_export(
    *,
    filename: str,
    content: bytes,
    max_bytes: int,
    max_posts: int,
    columns: ColumnMap | None = None,
) -> ParsedExport:
    """Every post of an export file (or ZIP of one); ImportFileError for whole-file problems."""
    if len(content) > max_bytes:
        raise too_large_error(size=len(content), limit=max_bytes)
    if not content.strip():
        raise ImportFileError(_("Berkas kosong."))
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    lower = name.lower()
    if content.startswith(b"PK") or lower.endswith(".zip"):
        export = _read_zip(content, max_bytes)
    elif lower == "tweets.js" or re.fullmatch(r"tweets(-part\d+)?\.js", lower):
        export = ParsedExport(FORMAT_X, "x", _x_posts(_decode(content, name), name))
    elif lower.endswith(".js"):
        export = ParsedExport(FORMAT_X, "x", _x_posts(_decode(content, name), name))
    elif lower.endswith(".json"):
        export = _read_json_file(name, _decode(content, name))
    elif lower.endswith((".jsonl", ".ndjson")):
        export = ParsedExport(FORMAT_JSONL, None, _jsonl_posts(content, name, columns))
    elif lower.endswith(".csv"):
        export = ParsedExport(FORMAT_CSV, None, _csv_posts(content, name, columns))
    else:
        raise ImportFileError(
            _(
                "Format berkas tidak dikenal. Unggah arsip ekspor platform (ZIP), tweets.js, "
                "berkas JSON ekspor Instagram/Facebook/TikTok, atau CSV/JSONL."
            )
        )
    if not export.posts:
        raise ImportFileError(_("Berkas tidak berisi unggahan."))
    if len(export.posts) > max_posts:
        raise ImportFileError(
            _("Berkas berisi %(count)d unggahan; batasnya %(limit)d per impor.")
            % {"count": len(export.posts), "limit": max_posts}
        )
    return export


def _read_zip(content: bytes, max_bytes: int) -> ParsedExport:
    members = _zip_members(content, max_bytes)
    x = sorted(n for n in members if X_PATH.search(n))
    if x:
        posts = [p for n in x for p in _x_posts(_decode(members[n](), n), n)]
        return ParsedExport(FORMAT_X, "x", posts)
    ig = sorted(n for n in members if INSTAGRAM_PATH.search(n))
    if ig:
        posts = [
            p for n in ig for p in _instagram_posts(_load_json(_decode(members[n](), n), n), n)
        ]
        return ParsedExport(FORMAT_INSTAGRAM, "instagram", posts)
    fb = sorted(n for n in members if FACEBOOK_PATH.search(n))
    if fb:
        posts = [p for n in fb for p in _facebook_posts(_load_json(_decode(members[n](), n), n), n)]
        return ParsedExport(FORMAT_FACEBOOK, "facebook", posts)
    tt = sorted(n for n in members if TIKTOK_PATH.search(n))
    if tt:
        posts = [p for n in tt for p in _tiktok_posts(_load_json(_decode(members[n](), n), n), n)]
        return ParsedExport(FORMAT_TIKTOK, "tiktok", posts)
    raise ImportFileError(
        _(
            "Arsip ZIP ini tidak berisi unggahan yang dikenal (data/tweets.js, posts_1.json, "
            "your_posts__check_ins__photos_and_videos_1.json, atau user_data_tiktok.json)."
        )
    )


def _read_json_file(name: str, text: str) -> ParsedExport:
    if X_PREFIX.match(text):
        return ParsedExport(FORMAT_X, "x", _x_posts(text, name))
    data = _load_json(text, name)
    if isinstance(data, dict) and ("Video" in data or "Activity" in data or "Profile" in data):
        return ParsedExport(FORMAT_TIKTOK, "tiktok", _tiktok_posts(data, name))
    if isinstance(data, list) and data and isinstance(data[0], dict):
        first = data[0]
        if "tweet" in first:
            raise _x_without_prefix(name)
        if "media" in first:
            return ParsedExport(FORMAT_INSTAGRAM, "instagram", _instagram_posts(data, name))
        if "timestamp" in first and ("data" in first or "attachments" in first):
            return ParsedExport(FORMAT_FACEBOOK, "facebook", _facebook_posts(data, name))
    raise ImportFileError(
        _(
            "%(file)s bukan ekspor unggahan yang dikenal (X, Instagram, Facebook atau TikTok). "
            "Untuk berkas lain gunakan CSV atau JSONL."
        )
        % {"file": name}
    )


def _x_without_prefix(name: str) -> ImportFileError:
    return ImportFileError(
        _(
            '%(file)s tidak diawali "window.YTD.tweets.part0 =" seperti tweets.js dari arsip X; '
            "berkasnya mungkin telah diubah. Unggah arsip ZIP aslinya atau berkas tweets.js yang "
            "belum diubah."
        )
        % {"file": name}
    )


# --- one reader per platform ------------------------------------------------------------


def _entry_line(text: str) -> Callable[[int], int]:
    """Line numbers of the top-level entries of a JSON list (for reporting by line)."""
    starts: list[int] = []
    depth = 0
    in_string = escaped = False
    line = 1
    for ch in text:
        if ch == "\n":
            line += 1
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            if depth == 1 and ch == "{":
                starts.append(line)
            depth += 1
        elif ch in "]}":
            depth -= 1

    def at(index: int) -> int:
        return starts[index] if index < len(starts) else index + 1

    return at


def _check_text(post: ParsedPost) -> ParsedPost:
    if len(post.text) > MAX_POST_CHARS:
        post.errors.append(
            _("Unggahan ini berisi %(length)d karakter; batasnya %(limit)d.")
            % {"length": len(post.text), "limit": MAX_POST_CHARS}
        )
    elif not post.text.strip():
        post.errors.append(_("Unggahan ini tidak berisi teks."))
    return post


def _x_posts(text: str, source: str) -> list[ParsedPost]:
    match = X_PREFIX.match(text)
    if not match:
        raise _x_without_prefix(source)
    body = text[match.end() :]
    data = _load_json(body, source)
    if not isinstance(data, list):
        raise _x_without_prefix(source)
    first_line = text.count("\n", 0, match.end())
    line_of = _entry_line(body)
    posts = []
    for index, item in enumerate(data):
        line = line_of(index) + first_line
        tweet = item.get("tweet") if isinstance(item, dict) else None
        if not isinstance(tweet, dict):
            posts.append(_bad(source, line, _("Entri ini bukan tweet.")))
            continue
        full = tweet.get("full_text", tweet.get("text"))
        if not isinstance(full, str):
            posts.append(_bad(source, line, _("Tweet ini tidak memiliki full_text.")))
            continue
        post = ParsedPost(
            source=source,
            line=line,
            platform_id=str(tweet.get("id_str") or tweet.get("id") or "")[:64],
            posted_at=None,
            text=full,
        )
        created = tweet.get("created_at")
        if isinstance(created, str):
            try:
                post.posted_at = datetime.strptime(created, "%a %b %d %H:%M:%S %z %Y")
            except ValueError:
                post.errors.append(
                    _("Tanggal %(value)s tidak dapat dibaca.") % {"value": created[:40]}
                )
        posts.append(_check_text(post))
    return posts


def _bad(source: str, line: int, reason: str) -> ParsedPost:
    return ParsedPost(
        source=source, line=line, platform_id="", posted_at=None, text="", errors=[reason]
    )


def _timestamp(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _instagram_posts(data: Any, source: str) -> list[ParsedPost]:
    if not isinstance(data, list):
        raise ImportFileError(_("%(file)s bukan daftar unggahan Instagram.") % {"file": source})
    data = _repair_tree(data)
    posts = []
    for index, item in enumerate(data, start=1):
        media = item.get("media") if isinstance(item, dict) else None
        if not isinstance(media, list) or not media or not isinstance(media[0], dict):
            posts.append(_bad(source, index, _("Entri ini tidak memiliki media.")))
            continue
        caption = item.get("title") or media[0].get("title") or ""
        stamp = item.get("creation_timestamp", media[0].get("creation_timestamp"))
        post = ParsedPost(
            source=source,
            line=index,
            platform_id=str(media[0].get("uri") or "")[:64],
            posted_at=_timestamp(stamp),
            text=caption if isinstance(caption, str) else "",
        )
        posts.append(_check_text(post))
    return posts


def _facebook_posts(data: Any, source: str) -> list[ParsedPost]:
    if not isinstance(data, list):
        raise ImportFileError(_("%(file)s bukan daftar unggahan Facebook.") % {"file": source})
    data = _repair_tree(data)
    posts = []
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            posts.append(_bad(source, index, _("Entri ini bukan unggahan.")))
            continue
        parts = [d for d in item.get("data") or [] if isinstance(d, dict) and "post" in d]
        if any(not isinstance(d["post"], str) for d in parts):
            posts.append(_bad(source, index, _("Teks unggahan ini bukan teks.")))
            continue
        texts = [d["post"] for d in parts]
        if not texts:  # a photo or check-in without words: nothing to read
            continue
        posts.append(
            _check_text(
                ParsedPost(
                    source=source,
                    line=index,
                    platform_id="",
                    posted_at=_timestamp(item.get("timestamp")),
                    text="\n".join(texts),
                )
            )
        )
    return posts


def _tiktok_posts(data: Any, source: str) -> list[ParsedPost]:
    videos = None
    if isinstance(data, dict):
        for outer, inner in (("Video", "Videos"), ("Post", "Posts")):
            node = data.get(outer)
            if isinstance(node, dict) and isinstance(node.get(inner), dict):
                videos = node[inner].get("VideoList")
                break
    if not isinstance(videos, list):
        raise ImportFileError(
            _(
                "%(file)s tidak berisi Video → Videos → VideoList; ini bukan ekspor TikTok yang "
                "dikenal."
            )
            % {"file": source}
        )
    posts = []
    for index, item in enumerate(videos, start=1):
        if not isinstance(item, dict):
            posts.append(_bad(source, index, _("Entri ini bukan video.")))
            continue
        desc = item.get("Desc", item.get("Description", ""))
        post = ParsedPost(
            source=source,
            line=index,
            platform_id=str(item.get("Link") or "")[:64],
            posted_at=None,
            text=desc if isinstance(desc, str) else "",
        )
        date = item.get("Date")
        if isinstance(date, str) and date:
            try:
                post.posted_at = datetime.strptime(date, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                post.errors.append(
                    _("Tanggal %(value)s tidak dapat dibaca.") % {"value": date[:40]}
                )
        posts.append(_check_text(post))
    return posts


# --- generic files ----------------------------------------------------------------------


def _pick(available: Iterable[str], chosen: str, usual: tuple[str, ...]) -> str:
    names = {a.strip().lower(): a for a in available}
    if chosen:
        return names.get(chosen.strip().lower(), "")
    return next((names[u] for u in usual if u in names), "")


def _parse_date(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return _timestamp(int(value))
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _generic_post(
    source: str, line: int, record: dict[str, Any], text_col: str, id_col: str, date_col: str
) -> ParsedPost:
    text = record.get(text_col)
    post = ParsedPost(
        source=source,
        line=line,
        platform_id="",
        posted_at=None,
        text=text if isinstance(text, str) else "" if text is None else str(text),
    )
    if id_col and record.get(id_col) not in (None, ""):
        post.platform_id = str(record[id_col]).strip()[:64]
    if date_col and record.get(date_col) not in (None, ""):
        post.posted_at = _parse_date(str(record[date_col]))
        if post.posted_at is None:
            post.errors.append(
                _("Tanggal %(value)s tidak dapat dibaca.") % {"value": str(record[date_col])[:40]}
            )
    return _check_text(post)


def _missing_text_column(columns: ColumnMap | None) -> ImportFileError:
    wanted = columns.text if columns and columns.text else ", ".join(TEXT_COLUMNS)
    return ImportFileError(
        _("Kolom teks tidak ditemukan; diharapkan salah satu dari: %(columns)s.")
        % {"columns": wanted}
    )


def _csv_posts(content: bytes, source: str, columns: ColumnMap | None) -> list[ParsedPost]:
    if b"\x00" in content:
        raise ImportFileError(_("Berkas ini bukan CSV teks; isinya data biner."))
    text = _decode(content, source)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    cols = columns or ColumnMap()
    posts: list[ParsedPost] = []
    header: list[str] | None = None
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = [c.strip() for c in cells]
                text_col = _pick(header, cols.text, TEXT_COLUMNS)
                if not text_col:
                    raise _missing_text_column(columns)
                id_col = _pick(header, cols.id, ID_COLUMNS)
                date_col = _pick(header, cols.date, DATE_COLUMNS)
                continue
            if len(cells) != len(header):
                posts.append(
                    _bad(
                        source,
                        reader.line_num,
                        _("Baris ini berisi %(found)d kolom, seharusnya %(expected)d.")
                        % {"found": len(cells), "expected": len(header)},
                    )
                )
                continue
            posts.append(
                _generic_post(
                    source,
                    reader.line_num,
                    dict(zip(header, cells, strict=True)),
                    text_col,
                    id_col,
                    date_col,
                )
            )
    except csv.Error as exc:
        raise ImportFileError(
            _("Berkas CSV rusak di baris %(line)d: %(error)s")
            % {"line": reader.line_num, "error": exc}
        ) from None
    if header is None:
        raise ImportFileError(_("Berkas kosong."))
    return posts


def _jsonl_posts(content: bytes, source: str, columns: ColumnMap | None) -> list[ParsedPost]:
    text = _decode(content, source)
    cols = columns or ColumnMap()
    posts: list[ParsedPost] = []
    names: tuple[str, str, str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, RecursionError):
            posts.append(_bad(source, number, _("Baris ini bukan JSON yang sah.")))
            continue
        if not isinstance(record, dict):
            posts.append(_bad(source, number, _("Baris ini bukan objek JSON.")))
            continue
        if names is None:
            text_col = _pick(record, cols.text, TEXT_COLUMNS)
            if not text_col:
                raise _missing_text_column(columns)
            names = (
                text_col,
                _pick(record, cols.id, ID_COLUMNS),
                _pick(record, cols.date, DATE_COLUMNS),
            )
        posts.append(_generic_post(source, number, record, *names))
    return posts
