"""Canonical forms of the links people report, per platform, so that the same post reported as
``https://twitter.com/a/status/1?s=20`` and ``x.com/i/web/status/1`` is recognised as one.

Nothing here fetches anything: a short link (``vm.tiktok.com/…``, ``fb.watch/…``) is kept as
given, because resolving it would mean visiting an address chosen by an anonymous reporter.
Tracking parameters (``utm_*``, ``fbclid``, ``igsh``, ``si``…) are dropped; the parameters that
identify a post are kept and sorted. Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

MAX_URL_CHARS = 2048

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "igsh",
        "igshid",
        "si",
        "feature",
        "ref",
        "ref_src",
        "ref_url",
        "s",
        "t",
        "mibextid",
        "rdid",
        "share_url",
        "wtsid",
        "_rdr",
        "__cft__[0]",
        "__tn__",
        "sfnsn",
        "app",
        "is_from_webapp",
        "sender_device",
        "web_id",
        "_r",
        "_t",
        "utm_id",
        "src",
        "source",
        "lang",
        "hl",
        "ab_channel",
        "pp",
        "extid",
        "img_index",
        "story_fbid_ref",
        "sk",
        "notif_id",
        "notif_t",
    }
)
_TRACKING_PREFIXES = ("utm_", "__cft__", "__tn__", "pk_", "mc_", "hsa_", "_hs")

_STATUS = re.compile(r"^/(?:i/web|[A-Za-z0-9_]{1,15})/status(?:es)?/(\d{1,25})(?:/|$)")
_X_USER = re.compile(r"^/([A-Za-z0-9_]{1,15})/?$")
_IG_MEDIA = re.compile(r"^/(?:[A-Za-z0-9_.]{1,30}/)?(p|reel|reels|tv)/([A-Za-z0-9_-]{5,64})(?:/|$)")
_IG_USER = re.compile(r"^/([A-Za-z0-9_.]{1,30})/?$")
_TT_VIDEO = re.compile(r"^/@([A-Za-z0-9_.]{1,30})/(?:video|photo)/(\d{5,25})(?:/|$)")
_TT_SHORT_PATH = re.compile(r"^/t/([A-Za-z0-9]{5,20})/?$")
_SHORT_CODE = re.compile(r"^/([A-Za-z0-9_-]{4,40})/?$")
_YT_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YT_PATH = re.compile(r"^/(?:shorts|embed|live|v)/([A-Za-z0-9_-]{11})(?:/|$)")
_FB_POSTS = re.compile(
    r"^/([A-Za-z0-9_.-]{1,80})/(posts|videos|photos)/(?:[^/]+/)?([A-Za-z0-9]{5,80})/?$"
)
_FB_GROUP = re.compile(r"^/groups/([A-Za-z0-9_.-]{1,80})/(?:posts|permalink)/(\d{5,30})/?$")
_FB_SHARE = re.compile(r"^/share/(?:p|v|r)/([A-Za-z0-9]{5,40})/?$")

_X_HOSTS = {"twitter.com", "x.com", "fxtwitter.com", "vxtwitter.com", "fixupx.com"}
_IG_HOSTS = {"instagram.com", "instagr.am"}
_TT_HOSTS = {"tiktok.com"}
_TT_SHORT_HOSTS = {"vm.tiktok.com", "vt.tiktok.com"}
_YT_HOSTS = {"youtube.com", "music.youtube.com", "youtube-nocookie.com"}
_FB_HOSTS = {"facebook.com", "fb.com"}
_HOST_PREFIXES = ("www.", "m.", "mobile.", "web.", "mbasic.", "touch.", "l.", "lm.")


class UrlError(ValueError):
    """A link that cannot be accepted; ``code`` names the problem, ``str()`` is Indonesian."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class CanonicalUrl:
    original: str
    url: str
    """The canonical address (https, lower-case host, no tracking)."""
    platform: str
    """x, instagram, tiktok, youtube, facebook or web."""
    kind: str
    """post, video, profile, short (a short link kept as given) or page."""
    key: str
    """What two reports of the same content share, e.g. ``x:status:1234``."""


def _host(netloc: str) -> str:
    host = netloc.rsplit("@", 1)[-1]
    if host.startswith("["):
        return host.split("]")[0] + "]"
    host = host.split(":", 1)[0].rstrip(".").lower()
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise UrlError("bad_host", "nama situs dalam tautan tidak sah") from exc
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host


def _clean_query(query: str) -> list[tuple[str, str]]:
    kept = []
    for k, v in parse_qsl(query, keep_blank_values=False):
        lk = k.lower()
        if lk in TRACKING_PARAMS or lk.startswith(_TRACKING_PREFIXES):
            continue
        kept.append((k, v))
    return sorted(kept)


def canonicalize(raw: str) -> CanonicalUrl:
    """The canonical form of a reported link; raises :class:`UrlError` for what is not a web
    address (``javascript:``, ``data:``, no host, too long)."""
    if not isinstance(raw, str):
        raise UrlError("not_text", "tautan harus berupa teks")
    text = raw.strip()
    if not text:
        raise UrlError("empty", "tautan kosong")
    if len(text) > MAX_URL_CHARS:
        raise UrlError("too_long", f"tautan lebih dari {MAX_URL_CHARS} karakter")
    if any(ord(c) < 32 or c in " \u00a0\u2028\u2029" for c in text):
        raise UrlError("bad_chars", "tautan berisi spasi atau karakter kendali")
    scheme_match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", text)
    if scheme_match and scheme_match.group(1).lower() not in ("http", "https"):
        if not re.match(r"^[A-Za-z0-9.-]+:\d+", text):  # "host:port/..." has no scheme
            raise UrlError("bad_scheme", "tautan harus diawali http:// atau https://")
    if not re.match(r"^https?://", text, re.IGNORECASE):
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise UrlError("malformed", "tautan tidak dapat dibaca") from exc
    host = _host(parts.netloc)
    if not host or "." not in host.strip("[]"):
        raise UrlError("bad_host", "tautan tidak memuat nama situs yang sah")
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    query = _clean_query(parts.query)
    params = dict(query)
    for handler in (_x, _instagram, _tiktok, _youtube, _facebook):
        found = handler(host, path, params)
        if found is not None:
            url, platform, kind, key = found
            return CanonicalUrl(raw, url, platform, kind, key)
    clean_path = path.rstrip("/") or "/"
    url = f"https://{host}{clean_path}" + (f"?{urlencode(query)}" if query else "")
    return CanonicalUrl(raw, url, "web", "page", f"web:{url.removeprefix('https://')}")


_Found = tuple[str, str, str, str] | None


def _x(host: str, path: str, params: dict[str, str]) -> _Found:
    if host not in _X_HOSTS:
        return None
    if m := _STATUS.match(path):
        sid = m.group(1)
        return f"https://x.com/i/status/{sid}", "x", "post", f"x:status:{sid}"
    if m := _X_USER.match(path):
        user = m.group(1).lower()
        if user not in {"home", "explore", "search", "i", "settings", "notifications"}:
            return f"https://x.com/{user}", "x", "profile", f"x:user:{user}"
    return None


def _instagram(host: str, path: str, params: dict[str, str]) -> _Found:
    if host not in _IG_HOSTS:
        return None
    if m := _IG_MEDIA.match(path):
        code = m.group(2)
        return (
            f"https://www.instagram.com/p/{code}/",
            "instagram",
            "post",
            f"instagram:media:{code}",
        )
    if m := _IG_USER.match(path):
        user = m.group(1).lower()
        if user not in {"explore", "accounts", "stories", "direct"}:
            url = f"https://www.instagram.com/{user}/"
            return url, "instagram", "profile", f"instagram:user:{user}"
    return None


def _tiktok(host: str, path: str, params: dict[str, str]) -> _Found:
    full = host
    if full in _TT_SHORT_HOSTS or full.endswith((".vm.tiktok.com",)):
        if m := _SHORT_CODE.match(path):
            code = m.group(1)
            return f"https://{full}/{code}/", "tiktok", "short", f"tiktok:short:{code}"
        return None
    if host not in _TT_HOSTS:
        return None
    if m := _TT_VIDEO.match(path):
        vid = m.group(2)
        user = m.group(1).lower()
        return (
            f"https://www.tiktok.com/@{user}/video/{vid}",
            "tiktok",
            "video",
            f"tiktok:video:{vid}",
        )
    if m := _TT_SHORT_PATH.match(path):
        code = m.group(1)
        return f"https://www.tiktok.com/t/{code}/", "tiktok", "short", f"tiktok:short:{code}"
    return None


def _youtube(host: str, path: str, params: dict[str, str]) -> _Found:
    vid = None
    if host == "youtu.be":
        m = _SHORT_CODE.match(path)
        vid = m.group(1) if m else None
    elif host in _YT_HOSTS:
        if path.rstrip("/") == "/watch":
            vid = params.get("v")
        elif m := _YT_PATH.match(path):
            vid = m.group(1)
    else:
        return None
    if vid and _YT_ID.match(vid):
        return f"https://www.youtube.com/watch?v={vid}", "youtube", "video", f"youtube:video:{vid}"
    return None


def _facebook(host: str, path: str, params: dict[str, str]) -> _Found:
    if host == "fb.watch":
        if m := _SHORT_CODE.match(path):
            code = m.group(1)
            return f"https://fb.watch/{code}/", "facebook", "short", f"facebook:short:{code}"
        return None
    if host not in _FB_HOSTS:
        return None
    p = path.rstrip("/")
    if p in ("/story.php", "/permalink.php") and params.get("story_fbid"):
        sid, owner = params["story_fbid"], params.get("id", "")
        url = f"https://www.facebook.com/permalink.php?story_fbid={sid}" + (
            f"&id={owner}" if owner else ""
        )
        return url, "facebook", "post", f"facebook:post:{sid}"
    if p in ("/photo.php", "/photo") and params.get("fbid"):
        fbid = params["fbid"]
        url = f"https://www.facebook.com/photo/?fbid={fbid}"
        return url, "facebook", "post", f"facebook:photo:{fbid}"
    if p in ("/watch", "/video.php") and params.get("v"):
        v = params["v"]
        return f"https://www.facebook.com/watch/?v={v}", "facebook", "video", f"facebook:video:{v}"
    if m := _FB_GROUP.match(path):
        group, post = m.group(1).lower(), m.group(2)
        url = f"https://www.facebook.com/groups/{group}/posts/{post}/"
        return url, "facebook", "post", f"facebook:post:{post}"
    if m := _FB_POSTS.match(path):
        owner, what, ident = m.group(1).lower(), m.group(2), m.group(3)
        kind = "video" if what == "videos" else "post"
        url = f"https://www.facebook.com/{owner}/{what}/{ident}/"
        prefix = "facebook:video" if what == "videos" else "facebook:post"
        return url, "facebook", kind, f"{prefix}:{ident}"
    if m := _FB_SHARE.match(path):
        code = m.group(1)
        url = f"https://www.facebook.com{path.rstrip('/')}/"
        return url, "facebook", "short", f"facebook:share:{code}"
    return None
