"""Reading scan inputs: partitions at record boundaries, and rejects (never a stop) for what
cannot be read. Posts here are written by the bijak authors."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from bijak.batch.inputs import InputError, Record, Reject, plan_partitions, read_partition


def _read_all(plan) -> tuple[list[Record], list[Reject]]:
    records: list[Record] = []
    rejects: list[Reject] = list(plan.rejects)
    for spec in plan.partitions:
        for item in read_partition(spec):
            (records if isinstance(item, Record) else rejects).append(item)
    return records, rejects


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_is_cut_into_bounded_partitions_that_together_read_every_line(tmp_path):
    lines = [json.dumps({"id": i, "text": f"unggahan nomor {i}"}) for i in range(10)]
    path = _jsonl(tmp_path / "a.jsonl", lines)
    plan = plan_partitions([str(path)], partition_rows=3)
    assert [p.rows for p in plan.partitions] == [3, 3, 3, 1]
    records, rejects = _read_all(plan)
    assert rejects == []
    assert [r.id for r in records] == [str(i) for i in range(10)]
    assert records[4].location == "line 5"


def test_jsonl_bad_lines_become_rejects_with_their_line_and_the_rest_is_read(tmp_path):
    path = _jsonl(
        tmp_path / "a.jsonl",
        [
            json.dumps({"id": "a", "text": "baik"}),
            "{ini bukan json",
            json.dumps({"id": "b"}),
            "",
            json.dumps(["daftar", "bukan objek"]),
            json.dumps({"id": "c", "text": "   "}),
            json.dumps({"text": "tanpa id"}),
        ],
    )
    records, rejects = _read_all(plan_partitions([str(path)], partition_rows=2))
    assert [r.id for r in records] == ["a", "a.jsonl:7"]
    assert [(r.location, r.reason.split(":")[0]) for r in rejects] == [
        ("line 2", "bukan JSON"),
        ("line 3", "tidak ada teks di kolom 'text'"),
        ("line 4", "baris kosong"),
        ("line 5", "baris bukan objek JSON"),
        ("line 6", "tidak ada teks di kolom 'text'"),
    ]


def test_jsonl_without_final_newline_and_invalid_utf8(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b'{"id": 1, "text": "satu"}\n{"id": 2, "text": "\xff"}\n{"id": 3, "text": "tiga"}'
    )
    records, rejects = _read_all(plan_partitions([str(path)], partition_rows=2))
    assert [r.text for r in records] == ["satu", "tiga"]
    assert rejects[0].location == "line 2" and "UTF-8" in rejects[0].reason


CSV_TEXT = (
    "\ufeffid,text,platform\n"
    '1,"Jadwal posyandu, hari Senin",x\n'
    '2,"baris ""dikutip""\ndengan baris baru",ig\n'
    "3,,fb\n"
    "4,empat kolom,x,lebih\n"
    "5,lima,x\n"
)


def test_csv_records_with_quotes_and_newlines_and_bad_rows(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    for size in (1, 2, 10):
        records, rejects = _read_all(plan_partitions([str(path)], partition_rows=size))
        assert [(r.id, r.text) for r in records] == [
            ("1", "Jadwal posyandu, hari Senin"),
            ("2", 'baris "dikutip"\ndengan baris baru'),
            ("5", "lima"),
        ]
        assert [(r.location, r.reason) for r in rejects] == [
            ("line 5", "tidak ada teks di kolom 'text'"),
            ("line 6", "jumlah kolom 4, seharusnya 3"),
        ]
        assert records[2].location == "line 7"


def test_csv_unclosed_quote_is_one_reject_and_reading_resumes_on_the_next_line(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('id,text\n1,satu\n2,"kutip tidak ditutup\n3,tiga\n4,empat\n', encoding="utf-8")
    records, rejects = _read_all(plan_partitions([str(path)], partition_rows=2))
    assert [r.id for r in records] == ["1", "3", "4"]
    assert [(r.location, r.reason) for r in rejects] == [("line 3", "tanda kutip tidak ditutup")]


def test_csv_without_the_text_column_is_a_file_reject(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,isi\n1,satu\n", encoding="utf-8")
    plan = plan_partitions([str(path)])
    assert plan.partitions == ()
    assert plan.rejects[0].location == "file"
    assert "tidak ada kolom 'text'" in plan.rejects[0].reason


def _parquet(path: Path, texts: list[str | None], *, row_group_size: int) -> Path:
    table = pa.table({"id": [f"r{i}" for i in range(len(texts))], "text": texts})
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def test_parquet_row_groups_are_split_and_null_text_is_rejected(tmp_path):
    texts: list[str | None] = [f"unggahan {i}" for i in range(7)]
    texts[3] = None
    path = _parquet(tmp_path / "a.parquet", texts, row_group_size=4)
    plan = plan_partitions([str(path)], partition_rows=3)
    assert [(p.start, p.first_line, p.rows) for p in plan.partitions] == [
        (0, 0, 3),
        (0, 3, 1),
        (1, 0, 3),
    ]
    records, rejects = _read_all(plan)
    assert [r.id for r in records] == ["r0", "r1", "r2", "r4", "r5", "r6"]
    assert [r.location for r in rejects] == ["row group 0 row 3"]


def test_corrupt_parquet_is_rejected_and_other_files_are_still_read(tmp_path):
    good = _parquet(tmp_path / "good.parquet", ["satu", "dua"], row_group_size=10)
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(good.read_bytes()[:-30])
    records, rejects = _read_all(plan_partitions([str(tmp_path)]))
    assert [r.text for r in records] == ["satu", "dua"]
    assert [(r.file, r.location) for r in rejects] == [("bad.parquet", "file")]
    assert "Parquet rusak" in rejects[0].reason


def test_inputs_by_directory_and_glob_and_errors(tmp_path):
    (tmp_path / "sub").mkdir()
    _jsonl(tmp_path / "sub" / "b.jsonl", [json.dumps({"text": "b"})])
    _jsonl(tmp_path / "a.jsonl", [json.dumps({"text": "a"})])
    (tmp_path / "catatan.txt").write_text("bukan masukan", encoding="utf-8")
    plan = plan_partitions([str(tmp_path)])
    assert [p.source for p in plan.partitions] == ["a.jsonl", "sub/b.jsonl"]
    assert len(plan_partitions([str(tmp_path / "**" / "*.jsonl")]).partitions) == 2
    empty = tmp_path / "kosong"
    empty.mkdir()
    with pytest.raises(InputError, match="tidak ada berkas JSONL, CSV atau Parquet"):
        plan_partitions([str(empty)])
    with pytest.raises(InputError, match="tidak ada berkas atau folder"):
        plan_partitions([str(tmp_path / "tidak-ada.jsonl")])
