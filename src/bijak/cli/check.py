"""`bijak check`: analyse a draft post from an argument, a file or stdin.

Input that is not valid UTF-8 is refused with a clear Indonesian message and exit status 2
(nothing is guessed: a wrongly decoded post would be checked wrongly). Personal data is always
masked in what is printed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
import typer

from bijak.engine import analyze
from bijak.engine.report import Report

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "result": "Hasil",
        "text": "Teks (data pribadi disamarkan)",
        "clause": "Pasal",
        "why": "Alasan",
        "evidence": "Bukti",
        "advice": "Saran",
        "none": "Tidak ada hal yang perlu diubah menurut tata tertib.",
        "checklist": "Sebelum membagikan, pertimbangkan",
        "truncated": "Catatan: teks terlalu panjang; hanya {n} karakter pertama yang dicek.",
    },
    "en": {
        "result": "Result",
        "text": "Text (personal data masked)",
        "clause": "Clause",
        "why": "Why",
        "evidence": "Evidence",
        "advice": "Advice",
        "none": "Nothing to change according to the code of conduct.",
        "checklist": "Before sharing, consider",
        "truncated": "Note: the text is too long; only the first {n} characters were checked.",
    },
}
ERR_UTF8 = (
    "Galat: masukan dari {source} bukan teks UTF-8 yang sah (byte tidak valid di posisi {pos}). "
    "Simpan teks sebagai UTF-8 lalu coba lagi."
)
HINT_TTY = "Ketik atau tempel teks, lalu tekan Ctrl-D (Ctrl-Z Enter di Windows) untuk mengecek."
ERR_NOFILE = "Galat: berkas tidak dapat dibaca: {path} ({reason})."

VERDICT_COLOURS = {"aman": "green", "tinjau": "yellow", "langgar": "red"}


def _fail(message: str) -> typer.Exit:
    typer.echo(message, err=True)
    return typer.Exit(2)


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _fail(ERR_UTF8.format(source=source, pos=exc.start)) from None


def read_input(text: str | None, file: Path | None) -> str:
    """The text to check: the argument, the file, or stdin (no argument, or ``-``)."""
    if file is not None:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise _fail(ERR_NOFILE.format(path=file, reason=exc.strerror or exc)) from None
        return _decode(data, str(file))
    if text is None or text == "-":
        if getattr(sys.stdin, "isatty", lambda: False)():
            typer.echo(HINT_TTY, err=True)
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stdin (already decoded by whoever replaced it)
            return str(sys.stdin.read())
        return _decode(stream.read(), "stdin")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # invalid bytes in argv arrive as lone surrogates
        raise _fail(ERR_UTF8.format(source="argumen", pos=exc.start)) from None
    return text


def highlight(text: str, spans: list[tuple[int, int]], colour: bool) -> str:
    """``text`` with the spans wrapped in ``[...]`` (or bold red when ``colour``)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts: list[str] = []
    pos = 0
    for start, end in merged:
        parts.append(text[pos:start])
        piece = text[start:end]
        parts.append(click.style(piece, fg="red", bold=True) if colour else f"[{piece}]")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def render(report: Report, colour: bool) -> str:
    """The readable terminal report."""
    labels = LABELS[report.lang]
    lines: list[str] = []
    verdict = f"{report.verdict.upper()} — {report.verdict_label}"
    if colour:
        verdict = click.style(verdict, fg=VERDICT_COLOURS[report.verdict], bold=True)
    lines.append(f"{labels['result']}: {verdict}")
    if report.truncated:
        lines.append(labels["truncated"].format(n=len(report.masked_text)))
    spans = [(e.start, e.end) for c in report.clauses if c.verdict != "aman" for e in c.evidence]
    lines.append("")
    lines.append(f"{labels['text']}:")
    lines.append("  " + highlight(report.masked_text.rstrip(), spans, colour).replace("\n", "\n  "))
    lines.append("")
    if not any(c.verdict != "aman" for c in report.clauses):
        lines.append(labels["none"])
        lines.append("")
    for clause in report.clauses:
        head = f"{labels['clause']} {clause.id} [{clause.verdict}]: {clause.text}"
        lines.append(click.style(head, bold=True) if colour else head)
        if clause.explanation:
            lines.append(f"  {labels['why']}: {clause.explanation}")
        if clause.evidence:
            unique = {(e.start, e.end): e.text for e in clause.evidence}
            words = ", ".join(highlight(t, [(0, len(t))], colour) for t in unique.values())
            lines.append(f"  {labels['evidence']}: {words}")
        lines.append(f"  {labels['advice']}: {clause.advice}")
        lines.append("")
    if report.checklist:
        lines.append(f"{labels['checklist']}:")
        for item in report.checklist:
            lines.append(f"  [ ] {item.id} {item.text}")
    return "\n".join(lines)


TEXT_ARG = typer.Argument(None, help="Teks yang dicek; kosong atau '-' = baca stdin.")
FILE_OPT = typer.Option(None, "--file", "-f", help="Baca teks dari berkas (UTF-8).")
JSON_OPT = typer.Option(False, "--json", help="Cetak laporan sebagai JSON.")
LANG_OPT = typer.Option("id", "--lang", help="Bahasa laporan: id atau en.")
PLATFORM_OPT = typer.Option(None, "--platform", help="Platform tujuan (opsional).")


def check(
    text: str | None = TEXT_ARG,
    file: Path | None = FILE_OPT,
    as_json: bool = JSON_OPT,
    lang: str = LANG_OPT,
    platform: str | None = PLATFORM_OPT,
) -> None:
    """Cek sebuah draf unggahan terhadap tata tertib media sosial."""
    if lang not in ("id", "en"):
        raise _fail("Galat: --lang harus 'id' atau 'en'.")
    content = read_input(text, file)
    report = analyze(content, lang=lang, platform=platform)
    if as_json:
        typer.echo(report.to_json(indent=2))
        return
    typer.echo(render(report, colour=_use_colour()))


def _use_colour() -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    stream: Any = sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())
