"""Reading posts for a bulk scan: JSONL, CSV and Parquet, split into bounded partitions.

Planning (``plan_partitions``) reads each file once, cheaply (newlines, CSV quote parity,
Parquet metadata), and cuts it into partitions of at most ``partition_rows`` records at record
boundaries. A partition is a small, picklable :class:`PartitionSpec` (a byte range or a range of
rows in one Parquet row group): a worker reads only its own slice. The plan depends only on the
input bytes and the options, so the same command run again produces the same partitions, which
is what makes a scan resumable.

Records that cannot be read (a line that is not JSON, an unclosed CSV quote, a row with no text,
a damaged Parquet row group, a file that cannot be opened) become :class:`Reject` values and are
written to the rejects files; they never stop the job.

Pure Python and pyarrow; no Django, no Dask.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
MAX_RECORD_BYTES = 1 << 20
"""A CSV record (or JSONL line) longer than this is rejected (an unclosed quote swallowing the
rest of a file is the usual cause); reading resumes on the next line."""
_CHUNK = 1 << 20


class InputError(Exception):
    """The inputs as a whole cannot be scanned (nothing to read, a missing path)."""


@dataclass(frozen=True, slots=True)
class Reject:
    file: str
    location: str
    """``line N`` (JSONL, CSV), ``row group N`` or ``row N`` (Parquet), or ``file``."""
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "location": self.location, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    source: str
    location: str


@dataclass(frozen=True, slots=True)
class PartitionSpec:
    """One bounded piece of one input file."""

    index: int
    path: str
    source: str
    """The file's name as written in output rows and rejects (relative to the common root)."""
    fmt: str
    start: int
    """Byte offset (JSONL, CSV) or row group (Parquet)."""
    end: int
    """Byte offset, exclusive (JSONL, CSV) or the row group again (Parquet)."""
    first_line: int
    """Line number of the first record (JSONL, CSV) or first row in the row group (Parquet)."""
    rows: int
    """Records planned (lines or rows, rejects included)."""
    text_column: str
    id_column: str | None
    header: tuple[str, ...] = ()
    skips: tuple[tuple[int, int, int, str], ...] = field(default=())
    """CSV only: ``(byte_start, byte_end, line, reason)`` of records the planner rejected."""

    def key(self) -> dict[str, Any]:
        """What identifies this partition's input, recorded in its completion marker."""
        return {
            "index": self.index,
            "source": self.source,
            "format": self.fmt,
            "start": self.start,
            "end": self.end,
            "first_line": self.first_line,
            "rows": self.rows,
        }


@dataclass(frozen=True, slots=True)
class Plan:
    partitions: tuple[PartitionSpec, ...]
    rejects: tuple[Reject, ...]
    files: tuple[tuple[str, int, int], ...]
    """``(source, size, mtime_ns)`` of every input file, for the job's fingerprint."""

    @property
    def rows(self) -> int:
        return sum(p.rows for p in self.partitions)


def expand_inputs(inputs: Sequence[str]) -> list[Path]:
    """Files named by ``inputs`` (files, directories searched recursively, or glob patterns),
    sorted and de-duplicated; only known formats are taken from directories and globs."""
    found: dict[str, Path] = {}
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in FORMATS:
                    found[str(child.resolve())] = child.resolve()
        elif p.is_file():
            found[str(p.resolve())] = p.resolve()
        elif glob.has_magic(item):
            for m in sorted(glob.glob(item, recursive=True)):
                mp = Path(m)
                if mp.is_file() and mp.suffix.lower() in FORMATS:
                    found[str(mp.resolve())] = mp.resolve()
        else:
            raise InputError(f"tidak ada berkas atau folder: {item}")
    if not found:
        raise InputError("tidak ada berkas JSONL, CSV atau Parquet di masukan yang diberikan")
    return [found[k] for k in sorted(found)]


def _sources(paths: Sequence[Path]) -> list[str]:
    if len(paths) == 1:
        return [paths[0].name]
    root = Path(os.path.commonpath([str(p.parent) for p in paths]))
    return [str(p.relative_to(root)) for p in paths]


def plan_partitions(
    inputs: Sequence[str],
    *,
    text_column: str = "text",
    id_column: str | None = "id",
    partition_rows: int = 20_000,
    fmt: str | None = None,
) -> Plan:
    if partition_rows < 1:
        raise ValueError("partition_rows must be at least 1")
    paths = expand_inputs(inputs)
    parts: list[PartitionSpec] = []
    rejects: list[Reject] = []
    files: list[tuple[str, int, int]] = []
    for path, source in zip(paths, _sources(paths), strict=True):
        st = path.stat()
        files.append((source, st.st_size, st.st_mtime_ns))
        kind = fmt or FORMATS.get(path.suffix.lower())
        if kind is None:
            rejects.append(Reject(source, "file", f"format tidak dikenal: {path.suffix}"))
            continue
        planner = {"jsonl": _plan_jsonl, "csv": _plan_csv, "parquet": _plan_parquet}[kind]
        for spec in planner(path, source, text_column, id_column, partition_rows, rejects):
            parts.append(_with_index(spec, len(parts)))
    return Plan(tuple(parts), tuple(rejects), tuple(files))


def _with_index(spec: PartitionSpec, index: int) -> PartitionSpec:
    return PartitionSpec(
        index=index,
        path=spec.path,
        source=spec.source,
        fmt=spec.fmt,
        start=spec.start,
        end=spec.end,
        first_line=spec.first_line,
        rows=spec.rows,
        text_column=spec.text_column,
        id_column=spec.id_column,
        header=spec.header,
        skips=spec.skips,
    )


def _line_offsets(path: Path) -> Iterator[int]:
    """The byte offset just after each newline, then the file size if the last line has none."""
    pos = 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            start = 0
            while (i := chunk.find(b"\n", start)) != -1:
                yield pos + i + 1
                start = i + 1
            pos += len(chunk)
    yield pos


# JSONL -------------------------------------------------------------------------------------


def _plan_jsonl(
    path: Path,
    source: str,
    text_column: str,
    id_column: str | None,
    partition_rows: int,
    rejects: list[Reject],
) -> Iterator[PartitionSpec]:
    start, first_line, rows, line = 0, 1, 0, 0
    last = -1
    for off in _line_offsets(path):
        if off == last:  # the final "file size" repeats the last newline offset
            continue
        last = off
        line += 1
        rows += 1
        if rows == partition_rows:
            yield _spec(path, source, "jsonl", start, off, first_line, rows, text_column, id_column)
            start, first_line, rows = off, line + 1, 0
    if rows and last > start:
        yield _spec(path, source, "jsonl", start, last, first_line, rows, text_column, id_column)


def _spec(
    path: Path,
    source: str,
    fmt: str,
    start: int,
    end: int,
    first_line: int,
    rows: int,
    text_column: str,
    id_column: str | None,
    header: tuple[str, ...] = (),
    skips: tuple[tuple[int, int, int, str], ...] = (),
) -> PartitionSpec:
    return PartitionSpec(
        index=-1,
        path=str(path),
        source=source,
        fmt=fmt,
        start=start,
        end=end,
        first_line=first_line,
        rows=rows,
        text_column=text_column,
        id_column=id_column,
        header=header,
        skips=skips,
    )


def _read_range(path: str, start: int, end: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(start)
        return fh.read(end - start)


def _text_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    return None


def _id_of(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (str, int)):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def _record(obj: Any, spec: PartitionSpec, location: str, fallback_id: str) -> Record | Reject:
    if not isinstance(obj, dict):
        return Reject(spec.source, location, "baris bukan objek JSON")
    text = _text_of(obj.get(spec.text_column))
    if text is None or not text.strip():
        return Reject(spec.source, location, f"tidak ada teks di kolom '{spec.text_column}'")
    rid = _id_of(obj.get(spec.id_column)) if spec.id_column else None
    return Record(rid if rid is not None else fallback_id, text, spec.source, location)


def read_partition(spec: PartitionSpec) -> Iterator[Record | Reject]:
    """The records (and rejects) of one partition, in input order."""
    reader = {"jsonl": _read_jsonl, "csv": _read_csv, "parquet": _read_parquet}[spec.fmt]
    yield from reader(spec)


def _read_jsonl(spec: PartitionSpec) -> Iterator[Record | Reject]:
    data = _read_range(spec.path, spec.start, spec.end)
    for n, raw in enumerate(data.split(b"\n")[: spec.rows]):
        line = spec.first_line + n
        loc = f"line {line}"
        fallback = f"{spec.source}:{line}"
        if not raw.strip():
            yield Reject(spec.source, loc, "baris kosong")
            continue
        if len(raw) > MAX_RECORD_BYTES:
            yield Reject(spec.source, loc, f"baris lebih dari {MAX_RECORD_BYTES} bita")
            continue
        try:
            obj = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield Reject(spec.source, loc, f"bukan UTF-8 (bita ke-{exc.start + 1})")
            continue
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Reject(spec.source, loc, f"bukan JSON: {getattr(exc, 'msg', 'terlalu dalam')}")
            continue
        yield _record(obj, spec, loc, fallback)


# CSV ---------------------------------------------------------------------------------------


def _csv_lines(data: bytes, base: int) -> Iterator[tuple[int, int, int]]:
    """``(start, end, quotes)`` of each physical line of ``data`` (offsets from ``base``)."""
    pos = 0
    n = len(data)
    while pos < n:
        i = data.find(b"\n", pos)
        end = n if i == -1 else i + 1
        yield base + pos, base + end, data.count(b'"', pos, end)
        pos = end


def _file_lines(path: Path) -> Iterator[tuple[int, int, int]]:
    """The same as :func:`_csv_lines` for a whole file, streamed (memory stays flat)."""
    pos = 0
    with path.open("rb") as fh:
        for raw in fh:
            yield pos, pos + len(raw), raw.count(b'"')
            pos += len(raw)


def _split_csv(
    lines_in: Iterator[tuple[int, int, int]],
    first_line: int,
    *,
    at_eof: bool,
    skips: dict[int, tuple[int, int, int, str]] | None = None,
) -> Iterator[tuple[int, int, int, str]]:
    """Records as ``(start, end, line, problem)``; ``problem`` is empty for a good record.

    A record is closed at a newline once its quotes balance (RFC 4180 doubles quotes inside
    quoted fields, so parity is enough). An unclosed quote that reaches the end of the input,
    or a record over ``MAX_RECORD_BYTES``, is reported at its first line and splitting resumes
    on the next line. ``skips`` (decided by the planner) are reported as planned."""
    pending: deque[tuple[int, int, int]] = deque()
    line = first_line

    def take() -> tuple[int, int, int] | None:
        if pending:
            return pending.popleft()
        return next(lines_in, None)

    while (first := take()) is not None:
        start, end, quotes = first
        if skips and start in skips:
            yield skips[start]
            line += 1
            continue
        used = [first]
        while quotes % 2 and end - start <= MAX_RECORD_BYTES:
            nxt = take()
            if nxt is None:
                break
            used.append(nxt)
            end, quotes = nxt[1], quotes + nxt[2]
        if quotes % 2 and (at_eof or end - start > MAX_RECORD_BYTES):
            yield first[0], first[1], line, "tanda kutip tidak ditutup"
            pending.extendleft(reversed(used[1:]))
            line += 1
            continue
        if end - start > MAX_RECORD_BYTES:
            yield first[0], first[1], line, f"baris lebih dari {MAX_RECORD_BYTES} bita"
            pending.extendleft(reversed(used[1:]))
            line += 1
            continue
        yield start, end, line, ""
        line += len(used)


def _parse_csv_record(raw: bytes) -> list[str]:
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), strict=True))
    if len(rows) != 1:
        raise csv.Error("baris CSV tidak utuh")
    return rows[0]


def _plan_csv(
    path: Path,
    source: str,
    text_column: str,
    id_column: str | None,
    partition_rows: int,
    rejects: list[Reject],
) -> Iterator[PartitionSpec]:
    records = _split_csv(_file_lines(path), 1, at_eof=True)
    header_rec = next(records, None)
    if header_rec is None:
        rejects.append(Reject(source, "file", "berkas CSV kosong"))
        return
    try:
        raw_header = _read_range(str(path), header_rec[0], header_rec[1])
        header = tuple(h.strip() for h in _parse_csv_record(raw_header))
    except (UnicodeDecodeError, csv.Error) as exc:
        rejects.append(Reject(source, "line 1", f"judul kolom tidak terbaca: {exc}"))
        return
    if text_column not in header:
        rejects.append(
            Reject(source, "file", f"tidak ada kolom '{text_column}' (ada: {', '.join(header)})")
        )
        return
    start = header_rec[1]
    first_line = header_rec[2] + 1
    rows = 0
    skips: list[tuple[int, int, int, str]] = []
    end = start
    for rec_start, rec_end, line, problem in records:
        if rows == 0:
            start, first_line = rec_start, line
        if problem:
            skips.append((rec_start, rec_end, line, problem))
        rows += 1
        end = rec_end
        if rows == partition_rows:
            yield _spec(
                path,
                source,
                "csv",
                start,
                end,
                first_line,
                rows,
                text_column,
                id_column,
                header,
                tuple(skips),
            )
            rows, skips = 0, []
    if rows:
        yield _spec(
            path,
            source,
            "csv",
            start,
            end,
            first_line,
            rows,
            text_column,
            id_column,
            header,
            tuple(skips),
        )


def _read_csv(spec: PartitionSpec) -> Iterator[Record | Reject]:
    data = _read_range(spec.path, spec.start, spec.end)
    skips = {s[0]: s for s in spec.skips}
    col = spec.header.index(spec.text_column)
    id_col = spec.header.index(spec.id_column) if spec.id_column in spec.header else None
    records = _split_csv(_csv_lines(data, spec.start), spec.first_line, at_eof=False, skips=skips)
    for n, (rec_start, rec_end, rec_line, problem) in enumerate(records):
        if n >= spec.rows:
            break
        loc = f"line {rec_line}"
        if problem:
            yield Reject(spec.source, loc, problem)
            continue
        try:
            fields = _parse_csv_record(data[rec_start - spec.start : rec_end - spec.start])
        except UnicodeDecodeError as exc:
            yield Reject(spec.source, loc, f"bukan UTF-8 (bita ke-{exc.start + 1})")
            continue
        except csv.Error as exc:
            yield Reject(spec.source, loc, f"baris CSV rusak: {exc}")
            continue
        if not fields or all(not f.strip() for f in fields):
            yield Reject(spec.source, loc, "baris kosong")
            continue
        if len(fields) != len(spec.header):
            yield Reject(
                spec.source, loc, f"jumlah kolom {len(fields)}, seharusnya {len(spec.header)}"
            )
            continue
        text = fields[col]
        if not text.strip():
            yield Reject(spec.source, loc, f"tidak ada teks di kolom '{spec.text_column}'")
            continue
        rid = fields[id_col].strip() if id_col is not None else ""
        yield Record(rid or f"{spec.source}:{rec_line}", text, spec.source, loc)


# Parquet -----------------------------------------------------------------------------------


def _plan_parquet(
    path: Path,
    source: str,
    text_column: str,
    id_column: str | None,
    partition_rows: int,
    rejects: list[Reject],
) -> Iterator[PartitionSpec]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
        names = set(meta.schema.names)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        rejects.append(Reject(source, "file", f"berkas Parquet rusak: {exc}"))
        return
    if text_column not in names:
        rejects.append(
            Reject(
                source, "file", f"tidak ada kolom '{text_column}' (ada: {', '.join(sorted(names))})"
            )
        )
        return
    for rg in range(meta.num_row_groups):
        n = meta.row_group(rg).num_rows
        for lo in range(0, n, partition_rows):
            rows = min(partition_rows, n - lo)
            yield _spec(path, source, "parquet", rg, rg, lo, rows, text_column, id_column)


def _read_parquet(spec: PartitionSpec) -> Iterator[Record | Reject]:
    import pyarrow.parquet as pq

    loc_group = f"row group {spec.start}"
    try:
        pf = pq.ParquetFile(spec.path)
        cols = [spec.text_column]
        if spec.id_column and spec.id_column in pf.schema_arrow.names:
            cols.append(spec.id_column)
        table = pf.read_row_group(spec.start, columns=cols).slice(spec.first_line, spec.rows)
        texts = table.column(spec.text_column).to_pylist()
        ids = table.column(spec.id_column).to_pylist() if len(cols) > 1 else [None] * len(texts)
    except Exception as exc:  # a damaged row group is one reject, the job goes on
        yield Reject(spec.source, loc_group, f"row group rusak: {exc}")
        return
    for n, (text, rid) in enumerate(zip(texts, ids, strict=True)):
        row = spec.first_line + n
        loc = f"row group {spec.start} row {row}"
        value = _text_of(text)
        if value is None or not value.strip():
            yield Reject(spec.source, loc, f"tidak ada teks di kolom '{spec.text_column}'")
            continue
        ident = _id_of(rid)
        yield Record(
            ident if ident is not None else f"{spec.source}:{spec.start}:{row}",
            value,
            spec.source,
            loc,
        )
