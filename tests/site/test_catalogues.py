"""Every user-facing string is in the English catalogues, translated, and compiled (issue 9).

The source strings are Indonesian; the English catalogues live in src/bijak/locale/en and in each
app's locale/en. The test extracts the strings afresh (Django's makemessages, on a copy of the
source tree) so a string added to a template or a view without an English translation fails
here, as does a translation left fuzzy or a .mo file older than its .po. (The page crawl in
test_every_page_browser.py checks the rendered pages of both languages.)
"""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "bijak"


def po_entries(path: Path) -> list[dict[str, object]]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (list), fuzzy."""
    entries = []
    for block in path.read_text("utf-8").split("\n\n"):
        fields: dict[str, list[str]] = {}
        current = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            if line.startswith("#~"):  # obsolete
                fields = {}
                break
            match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line)
        if "msgid" not in fields:
            continue
        text = {
            key: "".join(ast.literal_eval(part) for part in parts) for key, parts in fields.items()
        }
        if not text["msgid"]:
            continue  # the header
        entries.append(
            {
                "msgctxt": text.get("msgctxt"),
                "msgid": text["msgid"],
                "msgid_plural": text.get("msgid_plural"),
                "msgstr": [v for k, v in sorted(text.items()) if k.startswith("msgstr")],
                "fuzzy": fuzzy,
            }
        )
    return entries


def catalogues(root: Path) -> list[Path]:
    return sorted(root.rglob("locale/en/LC_MESSAGES/django.po"))


def problems_in(path: Path) -> list[str]:
    found = []
    for entry in po_entries(path):
        if entry["fuzzy"]:
            found.append(f"fuzzy: {entry['msgid']!r}")
        elif not all(entry["msgstr"]):
            found.append(f"untranslated: {entry['msgid']!r}")
        else:
            for source, translated in zip(
                [entry["msgid"]] + ([entry["msgid_plural"]] if entry["msgid_plural"] else []),
                entry["msgstr"],
                strict=False,
            ):
                wanted = set(re.findall(r"%\(\w+\)[sd]|\{\w+\}", str(source)))
                if wanted - set(re.findall(r"%\(\w+\)[sd]|\{\w+\}", str(translated))):
                    found.append(f"placeholders lost: {entry['msgid']!r}")
    return found


def test_every_catalogue_entry_is_translated_and_compiled():
    paths = catalogues(SRC)
    assert len(paths) >= 7
    problems = []
    for path in paths:
        problems += [f"{path.relative_to(SRC)}: {p}" for p in problems_in(path)]
        mo = gettext.GNUTranslations(path.with_suffix(".mo").open("rb"))
        for entry in po_entries(path):
            if entry["fuzzy"] or entry["msgid_plural"]:
                continue
            key = (
                entry["msgid"]
                if not entry["msgctxt"]
                else f"{entry['msgctxt']}\x04{entry['msgid']}"
            )
            if mo.gettext(str(key)) != entry["msgstr"][0]:
                problems.append(
                    f"{path.relative_to(SRC)}: .mo is older than .po for {entry['msgid']!r}"
                )
    assert problems == [], "\n".join(problems[:30])


def test_no_source_string_is_missing_from_the_english_catalogues(tmp_path):
    """Extract every string again (on a copy) and find the ones the catalogues lack."""
    copy = tmp_path / "bijak"
    shutil.copytree(
        SRC,
        copy,
        ignore=shutil.ignore_patterns(
            "__pycache__", "*.mo", "*.pyc", "data", "models", "*.parquet", "*.jsonl"
        ),
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bijak.site.settings",
        "BIJAK_VAR_DIR": str(tmp_path / "var"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    problems = []
    for path in catalogues(copy):
        problems += [f"{path.relative_to(copy)}: {p}" for p in problems_in(path)]
    assert problems == [], "\n".join(problems[:30])
