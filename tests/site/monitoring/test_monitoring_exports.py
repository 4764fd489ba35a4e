"""Reading platform exports: each format from fixtures shaped like the real files, and the bad
input of issue 12 (each a clear message; the valid rest kept)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from monitoring_helpers import facebook_archive, fixture, instagram_archive, make_zip, x_archive

from bijak.site.monitoring.exports import (
    ColumnMap,
    ImportFileError,
    content_hash,
    read_export,
    repair_mojibake,
)

LIMIT = 8 * 1024 * 1024


def read(filename: str, content: bytes, **kwargs):  # type: ignore[no-untyped-def]
    return read_export(
        filename=filename,
        content=content,
        max_bytes=kwargs.pop("max_bytes", LIMIT),
        max_posts=kwargs.pop("max_posts", 1000),
        **kwargs,
    )


def test_x_archive_zip_reads_every_tweet_with_id_date_and_text() -> None:
    export = read("twitter-2023-11-30-abc.zip", x_archive())
    assert export.format == "x_archive" and export.platform == "x"
    assert [p.platform_id for p in export.posts] == [
        f"17300000000000000{i:02d}" for i in range(1, 7)
    ]
    first = export.posts[0]
    assert first.text.startswith("Selamat pagi rekan-rekan")
    assert first.posted_at == datetime(2023, 11, 1, 1, 15, 2, tzinfo=UTC)
    assert first.source == "data/tweets.js" and first.line == 2
    assert export.posts[3].text == "😀😀🎉" and export.posts[3].errors == []
    assert all(not p.errors for p in export.posts)


def test_tweets_js_alone_reads_the_same_posts() -> None:
    alone = read("tweets.js", fixture("tweets.js"))
    zipped = read("archive.zip", x_archive())
    assert [(p.platform_id, p.text) for p in alone.posts] == [
        (p.platform_id, p.text) for p in zipped.posts
    ]


def test_tweets_js_without_its_prefix_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ImportFileError) as exc:
        read("tweets.js", fixture("tweets_no_prefix.js"))
    assert 'tidak diawali "window.YTD.tweets.part0 ="' in exc.value.message


def test_broken_tweets_are_reported_by_line_and_the_rest_kept() -> None:
    export = read("tweets.js", fixture("tweets_broken_entries.js"))
    good = [p for p in export.posts if not p.errors]
    bad = [p for p in export.posts if p.errors]
    assert len(good) == 3
    assert [(p.source, p.errors) for p in bad] == [
        ("tweets.js", ["Tweet ini tidak memiliki full_text."]),
        ("tweets.js", ["Entri ini bukan tweet."]),
    ]
    text = fixture("tweets_broken_entries.js").decode()
    lines = text.splitlines()
    assert '"tweet"' in lines[bad[0].line - 1] or "{" in lines[bad[0].line - 1]
    assert bad[0].line < bad[1].line


@pytest.mark.parametrize(
    "path", ["your_instagram_activity/content/posts_1.json", "media/posts_1.json"]
)
def test_instagram_new_and_old_locations_with_captions_repaired(path: str) -> None:
    export = read("instagram-sari.zip", instagram_archive(path))
    assert export.platform == "instagram"
    texts = [p.text for p in export.posts]
    assert texts[0] == "Baru beli tas Hermes lagi, liburan ke Paris minggu depan #sultan ✨"
    assert (
        texts[1] == "Rapat koordinasi imunisasi kejar bersama dinkes kabupaten 💉"
    )  # carousel title
    assert export.posts[0].platform_id == "media/posts/202311/17900000000000001.jpg"
    assert export.posts[0].posted_at == datetime.fromtimestamp(1698822000, tz=UTC)


def test_facebook_mojibake_is_repaired_and_photo_only_posts_skipped() -> None:
    raw = fixture("facebook_posts_1.json")
    assert b"\\u00c3\\u00a9" in raw  # the file really carries Meta's escapes
    export = read("facebook-sari.zip", facebook_archive())
    assert export.platform == "facebook"
    assert [p.text for p in export.posts] == [
        "Pelayanan puskesmas hari ini lambat sekali, antre tiga jam tidak dipanggil. Kecewa berat 😞",
        "Terima kasih tim kesehatan atas kerja kerasnya. Café di depan kantor juga buka pagi",
    ]


def test_repair_mojibake_leaves_correct_text_alone() -> None:
    assert repair_mojibake("CafÃ©") == "Café"
    assert repair_mojibake("Café") == "Café"  # é alone is not valid UTF-8 bytes
    assert repair_mojibake("Kopi ☕") == "Kopi ☕"
    assert repair_mojibake("biasa") == "biasa"


def test_tiktok_video_list_descriptions() -> None:
    export = read("user_data_tiktok.json", fixture("user_data_tiktok.json"))
    assert export.platform == "tiktok"
    assert export.posts[0].text == "Vaksin mengandung chip pelacak, jangan mau divaksin!"
    assert export.posts[0].platform_id.endswith("7300000000000000001/")
    assert export.posts[2].posted_at == datetime(2023, 11, 9, 12, 30, tzinfo=UTC)


def test_generic_csv_guesses_columns_and_reports_bad_rows_by_line() -> None:
    export = read("unggahan.csv", fixture("posts_generic.csv"))
    assert export.platform is None
    by_line = {p.line: p for p in export.posts}
    assert by_line[2].platform_id == "c-1" and not by_line[2].errors
    assert by_line[3].text.startswith("=HYPERLINK(")  # stored as text, never evaluated
    assert by_line[4].errors == ["Tanggal bukan-tanggal tidak dapat dibaca."]
    assert by_line[5].errors == ["Baris ini berisi 2 kolom, seharusnya 3."]


def test_generic_csv_with_an_explicit_column_map() -> None:
    content = b"kode,kapan,kalimat\nz1,2023-01-02,halo semua\n"
    export = read("x.csv", content, columns=ColumnMap(text="kalimat", id="kode", date="kapan"))
    assert [(p.platform_id, p.text) for p in export.posts] == [("z1", "halo semua")]
    with pytest.raises(ImportFileError) as exc:
        read("x.csv", content, columns=ColumnMap(text="isi_post"))
    assert exc.value.message == "Kolom teks tidak ditemukan; diharapkan salah satu dari: isi_post."


def test_generic_jsonl_keeps_valid_lines_and_names_bad_ones() -> None:
    export = read("unggahan.jsonl", fixture("posts_generic.jsonl"))
    assert [(p.line, p.errors) for p in export.posts if p.errors] == [
        (2, ["Baris ini bukan JSON yang sah."]),
        (4, ["Baris ini bukan objek JSON."]),
    ]
    assert [p.platform_id for p in export.posts if not p.errors] == ["j-1", "j-3"]


def test_truncated_zip_is_refused() -> None:
    content = x_archive()
    with pytest.raises(ImportFileError) as exc:
        read("archive.zip", content[: len(content) // 2])
    assert (
        exc.value.message == "Berkas ZIP rusak atau terpotong; unduh ulang arsip dari platformnya."
    )


def test_zip_bomb_is_refused_before_reading() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/tweets.js", b"\x00" * (30 * 1024 * 1024))
    with pytest.raises(ImportFileError) as exc:
        read("bomb.zip", buffer.getvalue(), max_bytes=1024 * 1024)
    assert "terlalu besar setelah dibuka" in exc.value.message


def test_path_traversal_member_is_refused() -> None:
    content = make_zip(
        {"../../etc/cron.d/x": b"* * * * * root true", "data/tweets.js": fixture("tweets.js")}
    )
    with pytest.raises(ImportFileError) as exc:
        read("archive.zip", content)
    assert "nama berkas yang tidak aman (../../etc/cron.d/x)" in exc.value.message


def test_zip_without_a_known_export() -> None:
    with pytest.raises(ImportFileError) as exc:
        read("foto.zip", make_zip({"IMG_0001.jpg": b"\xff\xd8\xff"}))
    assert "tidak berisi unggahan yang dikenal" in exc.value.message


def test_post_of_100000_characters_is_kept_and_longer_is_rejected_alone() -> None:
    rows = [
        '{"id": "a", "text": "' + "a" * 100_000 + '"}',
        '{"id": "b", "text": "' + "b" * 100_001 + '"}',
        '{"id": "c", "text": "biasa"}',
    ]
    export = read("big.jsonl", "\n".join(rows).encode())
    assert [bool(p.errors) for p in export.posts] == [False, True, False]
    assert export.posts[1].errors == ["Unggahan ini berisi 100001 karakter; batasnya 100000."]


def test_limits_on_size_and_count() -> None:
    with pytest.raises(ImportFileError) as exc:
        read("tweets.js", fixture("tweets.js"), max_bytes=100)
    assert exc.value.message.startswith("Berkas terlalu besar")
    with pytest.raises(ImportFileError) as exc:
        read("tweets.js", fixture("tweets.js"), max_posts=5)
    assert exc.value.message == "Berkas berisi 6 unggahan; batasnya 5 per impor."


def test_invalid_json_names_line_and_column() -> None:
    with pytest.raises(ImportFileError) as exc:
        read("user_data_tiktok.json", b'{"Video": {"Videos": \n  {"VideoList": [}}}')
    assert exc.value.message.startswith("user_data_tiktok.json bukan JSON yang sah:")
    assert "baris 2" in exc.value.message


def test_unknown_file_type_and_empty_file() -> None:
    with pytest.raises(ImportFileError) as exc:
        read("foto.jpg", b"\xff\xd8\xff\xe0")
    assert exc.value.message.startswith("Format berkas tidak dikenal.")
    with pytest.raises(ImportFileError) as exc:
        read("kosong.csv", b"  \n")
    assert exc.value.message == "Berkas kosong."


def test_content_hash_ignores_spacing_only() -> None:
    assert content_hash("halo  semua\n") == content_hash("halo semua")
    assert content_hash("halo semua") != content_hash("halo semua!")
