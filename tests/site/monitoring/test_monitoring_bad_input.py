"""The bad input of issue 12 through the import service: broken variants of every platform's
export (each problem reported by file and entry, the valid rest kept), re-importing any format
changes nothing, the same posts in two exports are stored once, emoji-only posts are read and
scanned like any other, and a file broken as a whole stores nothing."""

from __future__ import annotations

from typing import Any

import pytest
from monitoring_helpers import (
    facebook_archive,
    fixture,
    import_and_scan,
    instagram_archive,
    register,
    x_archive,
)

from bijak.site.monitoring.exports import ImportFileError
from bijak.site.monitoring.models import Post, PostImport, Scan
from bijak.site.monitoring.services import post_import_confirm, post_import_preview

pytestmark = pytest.mark.django_db


def _rows(batch: PostImport) -> list[tuple[int, str, list[str]]]:
    return [(r["line"], r["status"], r["errors"]) for r in batch.rows]


def _texts(account: Any) -> list[str]:
    return list(Post.objects.filter(account=account).order_by("pk").values_list("text", flat=True))


def test_broken_instagram_export_reports_each_entry_and_keeps_the_rest(
    officer: Any, employee: Any
) -> None:
    account = register(officer, employee, platform="instagram", handle="sari.sehat")
    batch = post_import_preview(
        actor=officer,
        account=account,
        filename="posts_1.json",
        content=fixture("instagram_posts_1_broken.json"),
    )
    assert batch.format == "instagram"
    no_media, no_text = ["Entri ini tidak memiliki media."], ["Unggahan ini tidak berisi teks."]
    assert _rows(batch) == [
        (1, "new", []),
        (2, "rejected", no_media),
        (3, "rejected", no_media),
        (4, "rejected", no_text),
        (5, "new", []),
        (6, "new", []),
    ]
    assert post_import_confirm(actor=officer, batch=batch, scan=False)["new"] == 3
    assert _texts(account) == [
        "Posyandu balita hari ini ramai sekali 😊",
        "🙏🙏🙏",  # emoji only: Meta's escapes repaired, kept as a post
        "Jadwal imunisasi kejar bulan depan sudah keluar",
    ]


def test_broken_facebook_export_reports_each_entry_and_keeps_the_rest(
    officer: Any, employee: Any
) -> None:
    account = register(officer, employee, platform="facebook", handle="sari.wulandari")
    batch = post_import_preview(
        actor=officer,
        account=account,
        filename="your_posts__check_ins__photos_and_videos_1.json",
        content=fixture("facebook_posts_1_broken.json"),
    )
    assert batch.format == "facebook"
    assert _rows(batch) == [
        (1, "new", []),
        (2, "rejected", ["Entri ini bukan unggahan."]),
        (3, "rejected", ["Teks unggahan ini bukan teks."]),
        (4, "new", []),
        (5, "rejected", ["Unggahan ini tidak berisi teks."]),
    ]
    assert post_import_confirm(actor=officer, batch=batch, scan=False)["new"] == 2
    assert _texts(account) == ["Senam pagi bersama di halaman kantor, semangat sehat 💪", "😂😂😂"]


def test_broken_tiktok_export_reports_each_entry_and_keeps_the_rest(
    officer: Any, employee: Any
) -> None:
    account = register(officer, employee, platform="tiktok", handle="sari.sehat")
    batch = post_import_preview(
        actor=officer,
        account=account,
        filename="user_data_tiktok.json",
        content=fixture("user_data_tiktok_broken.json"),
    )
    assert batch.format == "tiktok"
    assert _rows(batch) == [
        (1, "new", []),
        (2, "rejected", ["Entri ini bukan video."]),
        (3, "rejected", ["Tanggal kemarin sore tidak dapat dibaca."]),
        (4, "rejected", ["Unggahan ini tidak berisi teks."]),
        (5, "new", []),
    ]
    assert post_import_confirm(actor=officer, batch=batch, scan=False)["new"] == 2
    assert _texts(account) == ["Cara membuat oralit sendiri di rumah", "🤒🤧💊"]


EXPORTS = {
    "x": ("twitter-2023.zip", x_archive),
    "instagram": ("instagram-sari.zip", instagram_archive),
    "facebook": ("facebook-sari.zip", facebook_archive),
    "tiktok": ("user_data_tiktok.json", lambda: fixture("user_data_tiktok.json")),
    "other-csv": ("unggahan.csv", lambda: fixture("posts_generic.csv")),
    "other-jsonl": ("unggahan.jsonl", lambda: fixture("posts_generic.jsonl")),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_reimporting_the_same_file_changes_nothing(officer: Any, employee: Any, name: str) -> None:
    filename, make = EXPORTS[name]
    account = register(officer, employee, platform=name.split("-")[0], handle=f"sari_{name}")
    first = post_import_preview(actor=officer, account=account, filename=filename, content=make())
    counts = post_import_confirm(actor=officer, batch=first, scan=False)
    assert counts["new"] > 0
    stored = list(Post.objects.filter(account=account).order_by("pk").values())
    again = post_import_preview(actor=officer, account=account, filename=filename, content=make())
    assert again.counts == {
        "read": counts["read"],
        "new": 0,
        "duplicates": counts["new"] + counts["duplicates"],
        "rejected": counts["rejected"],
    }
    assert post_import_confirm(actor=officer, batch=again, scan=False)["new"] == 0
    assert list(Post.objects.filter(account=account).order_by("pk").values()) == stored


def test_the_same_posts_in_two_exports_are_stored_once(officer: Any, employee: Any) -> None:
    """The archive ZIP of one month and, later, its tweets.js alone: each tweet is stored once
    (the platform's id is the key), whichever export brought it first."""
    account = register(officer, employee)
    batch = post_import_preview(
        actor=officer, account=account, filename="twitter-2023-11.zip", content=x_archive()
    )
    first = post_import_confirm(actor=officer, batch=batch, scan=False)
    later = post_import_preview(
        actor=officer, account=account, filename="tweets.js", content=fixture("tweets.js")
    )
    assert later.counts["new"] == 0 and later.counts["duplicates"] == first["new"]
    assert {r["errors"][0] for r in later.rows} == {"Sudah diimpor sebelumnya."}
    assert post_import_confirm(actor=officer, batch=later, scan=False)["new"] == 0
    assert Post.objects.filter(account=account).count() == first["new"]


def test_emoji_only_posts_are_scanned_like_any_other(officer: Any, employee: Any) -> None:
    from bijak.batch import scan_partition
    from bijak.site.policies.selectors import policy_active

    account = register(officer, employee, platform="tiktok", handle="sari.sehat")
    import_and_scan(
        officer, account, "user_data_tiktok.json", fixture("user_data_tiktok_broken.json")
    )
    post = Post.objects.get(account=account, text="🤒🤧💊")
    assert post.text_masked and post.scan_id is not None and post.masked_spans == []
    assert post.verdict == scan_partition(["🤒🤧💊"], policy=policy_active())[0].verdict


@pytest.mark.parametrize(
    ("filename", "cut", "message"),
    [
        (
            "twitter-2023.zip",
            lambda: x_archive()[: len(x_archive()) // 2],
            "Berkas ZIP rusak atau terpotong; unduh ulang arsip dari platformnya.",
        ),
        (
            "your_posts__check_ins__photos_and_videos_1.json",
            lambda: fixture("facebook_posts_1.json")[:300],
            "your_posts__check_ins__photos_and_videos_1.json bukan JSON yang sah",
        ),
        (
            "tweets.js",
            lambda: fixture("tweets_no_prefix.js"),  # opened and saved again by an editor
            'tweets.js tidak diawali "window.YTD.tweets.part0 ="',
        ),
        (
            "user_data_tiktok.json",
            lambda: fixture("instagram_posts_1.json"),  # an export of another platform
            "Berkas ini ekspor Instagram, tetapi akun @sari.wulandari adalah akun Facebook.",
        ),
    ],
)
def test_a_file_broken_as_a_whole_stores_nothing(
    officer: Any, employee: Any, filename: str, cut: Any, message: str
) -> None:
    account = register(officer, employee, platform="facebook", handle="sari.wulandari")
    with pytest.raises(ImportFileError) as exc:
        post_import_preview(actor=officer, account=account, filename=filename, content=cut())
    assert message in str(exc.value)
    assert not PostImport.objects.exists() and not Post.objects.exists()


def test_a_post_of_100000_characters_is_imported_and_scanned_whole(
    officer: Any, employee: Any
) -> None:
    import json

    from bijak.batch import scan_partition
    from bijak.site.policies.selectors import policy_active

    sentence = "Rapat koordinasi imunisasi kejar bersama dinkes kabupaten hari ini. "
    long_text = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    account = register(officer, employee, platform="other", handle="sari_jsonl")
    content = (
        json.dumps({"id": "panjang", "text": long_text})
        + "\n"
        + json.dumps({"id": "terlalu-panjang", "text": long_text + "x"})
        + "\n"
    ).encode()
    counts = import_and_scan(officer, account, "unggahan.jsonl", content)
    assert counts == {"read": 2, "new": 1, "duplicates": 0, "rejected": 1}
    batch = PostImport.objects.get()
    assert batch.rows[0]["errors"] == ["Unggahan ini berisi 100001 karakter; batasnya 100000."]
    post = Post.objects.get(account=account)
    assert post.text_length == 100_000 and len(post.text) == 100_000
    assert post.scan_id == Scan.objects.get().pk
    assert post.verdict == scan_partition([long_text], policy=policy_active())[0].verdict
