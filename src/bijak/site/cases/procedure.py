"""The discipline procedure as data (`data/pp94-2021.yaml`): load, validate, look up.

The file is checked like a policy file (`bijak.policy.validate`): YAML syntax, the JSON schema
`data/procedure.schema.json`, then the rules a schema cannot state (unknown states, unreachable
states, a deadline role that cannot act). Every issue names the field and its line. No Django.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from bijak.policy.validate import (
    FILE_FIELD,
    ROOT,
    PolicyError,
    PolicyIssue,
    _duplicate_keys,
    _schema_issue,
    format_path,
    line_of,
    parse_yaml,
)

DATA = Path(__file__).with_name("data")
SHIPPED = DATA / "pp94-2021.yaml"
SCHEMA_PATH = DATA / "procedure.schema.json"


class ProcedureError(PolicyError):
    """A procedure file that cannot be used; `issues` names line and field."""


@dataclass(frozen=True)
class Deadline:
    working_days: int
    who: str
    escalate_to: tuple[str, ...]
    citation: str
    citation_note: str = ""


@dataclass(frozen=True)
class State:
    id: str
    label_id: str
    label_en: str
    terminal: bool = False
    deadline: Deadline | None = None

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True)
class Transition:
    id: str
    sources: tuple[str, ...]
    target: str
    by: tuple[str, ...]
    label_id: str
    label_en: str
    citation: str
    citation_note: str = ""
    documents: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ()
    outcome: str = ""
    penalties: tuple[str, ...] = ()
    min_working_days_ahead: int = 0
    within_deadline: bool = False
    second_person: bool = False

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id


@dataclass(frozen=True)
class Procedure:
    id: str
    version: str
    sha256: str
    title_id: str
    title_en: str
    initial: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]

    def state(self, state_id: str) -> State:
        for s in self.states:
            if s.id == state_id:
                return s
        raise KeyError(state_id)

    def transition(self, transition_id: str) -> Transition:
        for t in self.transitions:
            if t.id == transition_id:
                return t
        raise KeyError(transition_id)

    def transitions_from(self, state_id: str) -> list[Transition]:
        return [t for t in self.transitions if state_id in t.sources]


@cache
def _schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


def _semantic_issues(data: dict[str, Any], root: yaml.Node | None) -> Iterator[PolicyIssue]:
    def issue(path: list[str | int], message: str) -> PolicyIssue:
        return PolicyIssue(line_of(root, path), format_path(path), message)

    states = [s for s in data.get("states") or [] if isinstance(s, dict)]
    transitions = [t for t in data.get("transitions") or [] if isinstance(t, dict)]
    ids: dict[str, int] = {}
    for i, s in enumerate(data.get("states") or []):
        if isinstance(s, dict) and isinstance(s.get("id"), str):
            if s["id"] in ids:
                yield issue(["states", i, "id"], f"duplicate state id {s['id']!r}")
            ids.setdefault(s["id"], i)
    seen_t: set[str] = set()
    for i, t in enumerate(data.get("transitions") or []):
        if not isinstance(t, dict):
            continue
        if isinstance(t.get("id"), str):
            if t["id"] in seen_t:
                yield issue(["transitions", i, "id"], f"duplicate transition id {t['id']!r}")
            seen_t.add(t["id"])
        for j, src in enumerate(t.get("from") or []):
            if isinstance(src, str) and src not in ids:
                yield issue(
                    ["transitions", i, "from", j], f"state {src!r} is not declared in states"
                )
        target = t.get("to")
        if isinstance(target, str) and target not in ids:
            yield issue(["transitions", i, "to"], f"state {target!r} is not declared in states")
        if t.get("outcome") == "light" and not t.get("penalties"):
            yield issue(
                ["transitions", i, "penalties"], "a light-penalty decision must list its penalties"
            )
        if t.get("penalties") and "penalty" not in (t.get("inputs") or []):
            yield issue(
                ["transitions", i, "inputs"],
                "a transition with penalties needs the input 'penalty'",
            )
        if t.get("min_working_days_ahead") and "examination_date" not in (t.get("inputs") or []):
            yield issue(
                ["transitions", i, "inputs"],
                "min_working_days_ahead needs the input 'examination_date'",
            )
    initial = data.get("initial")
    if isinstance(initial, str) and ids and initial not in ids:
        yield issue(["initial"], f"state {initial!r} is not declared in states")
    if isinstance(initial, str) and initial in ids:
        reach = {initial}
        changed = True
        while changed:
            changed = False
            for t in transitions:
                if (
                    set(t.get("from") or []) & reach
                    and isinstance(t.get("to"), str)
                    and t["to"] not in reach
                ):
                    reach.add(t["to"])
                    changed = True
        for sid, i in ids.items():
            if sid not in reach:
                yield issue(
                    ["states", i, "id"], f"state {sid!r} cannot be reached from {initial!r}"
                )
    for i, s in enumerate(states):
        out = [t for t in transitions if s.get("id") in (t.get("from") or [])]
        if s.get("terminal") and out:
            yield issue(
                ["states", i, "terminal"], f"terminal state {s.get('id')!r} has transitions out"
            )
        if not s.get("terminal") and not out:
            yield issue(
                ["states", i, "id"], f"state {s.get('id')!r} has no way out and is not terminal"
            )
    if not any(s.get("terminal") for s in states):
        yield issue(["states"], "no terminal state")


def validate_text(text: str) -> tuple[Any, list[PolicyIssue]]:
    parsed, issues = parse_yaml(text)
    if parsed is None:
        return None, issues
    data, root = parsed.data, parsed.root
    if root is not None:
        issues.extend(_duplicate_keys(root, []))
    if not isinstance(data, dict):
        issues.append(PolicyIssue(line_of(root, []), ROOT, "must be a mapping of fields"))
        return data, issues
    validator = jsonschema.Draft202012Validator(_schema())
    issues.extend(_schema_issue(e, root) for e in validator.iter_errors(data))
    issues.extend(_semantic_issues(data, root))
    issues.sort(key=lambda i: (i.line if i.line is not None else 0, i.field))
    return data, issues


def parse_procedure(text: str, *, source: str = "") -> Procedure:
    """A validated procedure, or `ProcedureError` naming every issue (line and field)."""
    data, issues = validate_text(text)
    if issues:
        raise ProcedureError(issues, source)
    states = tuple(
        State(
            id=s["id"],
            label_id=s["label_id"],
            label_en=s["label_en"],
            terminal=bool(s.get("terminal", False)),
            deadline=Deadline(
                working_days=s["deadline"]["working_days"],
                who=s["deadline"]["who"],
                escalate_to=tuple(s["deadline"]["escalate_to"]),
                citation=s["deadline"]["citation"],
                citation_note=s["deadline"].get("citation_note", ""),
            )
            if "deadline" in s
            else None,
        )
        for s in data["states"]
    )
    transitions = tuple(
        Transition(
            id=t["id"],
            sources=tuple(t["from"]),
            target=t["to"],
            by=tuple(t["by"]),
            label_id=t["label_id"],
            label_en=t["label_en"],
            citation=t["citation"],
            citation_note=t.get("citation_note", ""),
            documents=tuple(t.get("documents", ())),
            inputs=tuple(t.get("inputs", ())),
            outcome=t.get("outcome", ""),
            penalties=tuple(t.get("penalties", ())),
            min_working_days_ahead=int(t.get("min_working_days_ahead", 0)),
            within_deadline=bool(t.get("within_deadline", False)),
            second_person=bool(t.get("second_person", False)),
        )
        for t in data["transitions"]
    )
    return Procedure(
        id=data["id"],
        version=data["version"],
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title_id=data["title_id"],
        title_en=data["title_en"],
        initial=data["initial"],
        states=states,
        transitions=transitions,
    )


def validate_procedure_file(path: str | Path) -> list[PolicyIssue]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return [PolicyIssue(None, FILE_FIELD, f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [PolicyIssue(None, FILE_FIELD, "the file is not valid UTF-8")]
    return validate_text(text)[1]


@cache
def procedure_shipped() -> Procedure:
    """The procedure shipped with bijak (PP 94/2021)."""
    return parse_procedure(SHIPPED.read_text(encoding="utf-8"), source=SHIPPED.name)
