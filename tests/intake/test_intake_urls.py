"""URL canonicalisation, table-driven over every platform form the complaints issue names.
Links are made up by the bijak authors."""

from __future__ import annotations

import pytest

from bijak.intake.urls import MAX_URL_CHARS, UrlError, canonicalize

SAME = [
    # X / Twitter: status ids across hosts, mobile, i/web, tracking
    (
        "x:status:1790000000000000001",
        [
            "https://twitter.com/akun_hoaks/status/1790000000000000001",
            "https://x.com/akun_hoaks/status/1790000000000000001?s=20&t=abcDEF",
            "http://mobile.twitter.com/akun_hoaks/status/1790000000000000001/photo/1",
            "https://x.com/i/web/status/1790000000000000001",
            "twitter.com/AKUN_HOAKS/statuses/1790000000000000001",
            "https://www.x.com/akun_hoaks/status/1790000000000000001?ref_src=twsrc%5Etfw",
        ],
    ),
    # Instagram: /p/ and /reel/ share shortcodes; igsh and utm dropped
    (
        "instagram:media:C7abcDEF123",
        [
            "https://www.instagram.com/p/C7abcDEF123/",
            "https://instagram.com/reel/C7abcDEF123/?igsh=MWQ1ZGUxMzBkMA==",
            "https://www.instagram.com/reels/C7abcDEF123",
            "https://www.instagram.com/akun.jualan/p/C7abcDEF123/?utm_source=ig_web_copy_link",
            "instagram.com/tv/C7abcDEF123",
        ],
    ),
    # TikTok: full video links; short links kept as given
    (
        "tiktok:video:7350000000000000000",
        [
            "https://www.tiktok.com/@penjual.obat/video/7350000000000000000",
            "https://m.tiktok.com/@Penjual.Obat/video/7350000000000000000?is_from_webapp=1&sender_device=pc",
            "tiktok.com/@penjual.obat/video/7350000000000000000/",
        ],
    ),
    ("tiktok:short:ZSabc123", ["https://vm.tiktok.com/ZSabc123/", "vm.tiktok.com/ZSabc123"]),
    # YouTube: youtu.be, watch?v=, shorts/, embed/, live/, mobile, si= and t= dropped
    (
        "youtube:video:dQw4w9WgXcQ",
        [
            "https://youtu.be/dQw4w9WgXcQ?si=AbCdEf123",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
            "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://youtube.com/shorts/dQw4w9WgXcQ?feature=share",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/live/dQw4w9WgXcQ?si=x",
        ],
    ),
    # Facebook: story_fbid / permalink, m. and web. hosts, fbclid and __cft__ dropped
    (
        "facebook:post:pfbid02abcDEF",
        [
            "https://www.facebook.com/story.php?story_fbid=pfbid02abcDEF&id=100012345",
            "https://m.facebook.com/story.php?id=100012345&story_fbid=pfbid02abcDEF&mibextid=Nif5oz",
            "https://web.facebook.com/permalink.php?story_fbid=pfbid02abcDEF&id=100012345&fbclid=IwAR0",
            "https://www.facebook.com/halaman.hoaks/posts/pfbid02abcDEF?__cft__[0]=AZ&__tn__=%2CO",
        ],
    ),
    (
        "facebook:post:1234567890",
        [
            "https://www.facebook.com/groups/grupwarga/posts/1234567890/",
            "https://m.facebook.com/groups/GrupWarga/permalink/1234567890/",
        ],
    ),
    ("facebook:short:abcDEF12", ["https://fb.watch/abcDEF12/", "fb.watch/abcDEF12"]),
]


@pytest.mark.parametrize(("key", "forms"), SAME, ids=[k for k, _ in SAME])
def test_every_form_of_one_post_has_the_same_key_and_url(key, forms):
    found = [canonicalize(f) for f in forms]
    assert {c.key for c in found} == {key}
    # a page's name and its numeric id cannot be told apart without fetching, so a Facebook
    # post written both ways keeps two addresses; the key still joins them
    assert len({c.url for c in found}) == (2 if key == "facebook:post:pfbid02abcDEF" else 1)
    assert all(c.url.startswith("https://") for c in found)


@pytest.mark.parametrize(
    ("raw", "url", "platform", "kind"),
    [
        (
            "https://x.com/akun_hoaks/status/1790000000000000001?s=20",
            "https://x.com/i/status/1790000000000000001",
            "x",
            "post",
        ),
        ("https://twitter.com/Kemkes_RI", "https://x.com/kemkes_ri", "x", "profile"),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "youtube",
            "video",
        ),
        ("https://vt.tiktok.com/ZSxyz789/", "https://vt.tiktok.com/ZSxyz789/", "tiktok", "short"),
        (
            "https://www.facebook.com/watch/?v=998877665544",
            "https://www.facebook.com/watch/?v=998877665544",
            "facebook",
            "video",
        ),
        (
            "https://www.facebook.com/photo.php?fbid=5551234&set=a.1",
            "https://www.facebook.com/photo/?fbid=5551234",
            "facebook",
            "post",
        ),
        (
            "HTTPS://Berita.Example.CO.ID/kesehatan/vaksin/?utm_source=wa&b=2&a=1#komentar",
            "https://berita.example.co.id/kesehatan/vaksin?a=1&b=2",
            "web",
            "page",
        ),
        (
            "https://situs-judi.example:443/daftar?fbclid=1",
            "https://situs-judi.example/daftar",
            "web",
            "page",
        ),
        ("https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/", "web", "page"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a", "web", "page"),
    ],
)
def test_canonical_url_platform_and_kind(raw, url, platform, kind):
    c = canonicalize(raw)
    assert (c.url, c.platform, c.kind) == (url, platform, kind)


def test_different_posts_keep_different_keys():
    assert (
        canonicalize("https://x.com/a/status/1").key != canonicalize("https://x.com/a/status/2").key
    )
    assert (
        canonicalize("https://youtu.be/aaaaaaaaaaa").key
        != canonicalize("https://youtu.be/bbbbbbbbbbb").key
    )


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("javascript:alert(document.cookie)", "bad_scheme"),
        ("JaVaScRiPt:alert(1)", "bad_scheme"),
        ("data:text/html;base64,PHNjcmlwdD4=", "bad_scheme"),
        ("file:///etc/passwd", "bad_scheme"),
        ("vbscript:msgbox", "bad_scheme"),
        ("", "empty"),
        ("   ", "empty"),
        ("https://", "bad_host"),
        ("https://localhost/admin", "bad_host"),
        ("https://contoh .com/a", "bad_chars"),
        ("https://contoh.com/\x00", "bad_chars"),
        ("https://contoh.com/" + "a" * MAX_URL_CHARS, "too_long"),
    ],
)
def test_links_that_are_not_web_addresses_are_refused_with_a_reason(raw, code):
    with pytest.raises(UrlError) as err:
        canonicalize(raw)
    assert err.value.code == code
    assert str(err.value)  # an Indonesian sentence the form shows
