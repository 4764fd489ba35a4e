"""Worked examples per clause (invented posts written by the bijak authors, not from any data set).

For a prohibition (B.*): a post that breaks it and how to say the same thing within the rules.
For a recommendation (A.*): a post that follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from bijak.policy.loader import DATA_DIR
from bijak.policy.model import _pick

DEFAULT_EXAMPLES_PATH = DATA_DIR / "examples.yaml"
ExampleKind = Literal["breaks", "follows"]


@dataclass(frozen=True)
class Example:
    clause: str
    kind: ExampleKind
    post_id: str
    post_en: str
    better_id: str = ""
    better_en: str = ""
    why_id: str = ""
    why_en: str = ""

    def post(self, lang: str = "id") -> str:
        return _pick(lang, self.post_id, self.post_en)

    def better(self, lang: str = "id") -> str:
        return _pick(lang, self.better_id, self.better_en)

    def why(self, lang: str = "id") -> str:
        return _pick(lang, self.why_id, self.why_en)


@cache
def _load(path: Path) -> tuple[str, dict[str, tuple[Example, ...]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[str, tuple[Example, ...]] = {}
    for clause_id, items in (data.get("examples") or {}).items():
        out[str(clause_id)] = tuple(
            Example(
                clause=str(clause_id),
                kind=item["kind"],
                post_id=item["post_id"],
                post_en=item["post_en"],
                better_id=item.get("better_id", ""),
                better_en=item.get("better_en", ""),
                why_id=item.get("why_id", ""),
                why_en=item.get("why_en", ""),
            )
            for item in items
        )
    return str(data.get("policy_id", "")), out


def examples_for(policy_id: str, clause_id: str, path: Path | None = None) -> tuple[Example, ...]:
    """The examples of a clause, or () when the examples file is for another policy."""
    file_policy, examples = _load(path or DEFAULT_EXAMPLES_PATH)
    if file_policy != policy_id:
        return ()
    return examples.get(clause_id, ())
