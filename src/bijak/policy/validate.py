"""Checking a policy file: YAML syntax, the JSON schema, and the rules a schema cannot state.

Every issue names the field as a path (``clauses[3].severity``) and, where the file has one,
the line it is on; lines come from the marks of the composed YAML nodes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

SCHEMA_PATH = Path(__file__).with_name("schema.json")
ROOT = "(root)"
YAML_FIELD = "(yaml)"
FILE_FIELD = "(file)"


@dataclass(frozen=True)
class PolicyIssue:
    line: int | None
    field: str
    message: str

    def format(self, filename: str) -> str:
        """``FILE:LINE: field: message`` (the line left out when unknown)."""
        where = f"{filename}:{self.line}" if self.line is not None else filename
        return f"{where}: {self.field}: {self.message}"


class PolicyError(ValueError):
    """A policy file that cannot be used; `issues` says why, field by field."""

    def __init__(self, issues: Sequence[PolicyIssue], source: str = "") -> None:
        self.issues: tuple[PolicyIssue, ...] = tuple(issues)
        self.source = source
        first = self.issues[0].format(source or "<policy>") if self.issues else "invalid policy"
        more = f" (and {len(self.issues) - 1} more)" if len(self.issues) > 1 else ""
        super().__init__(f"{first}{more}")


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings: the schema, not YAML, decides what a date is."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _PlainLoader(_Loader):
    """No anchors or aliases: a policy file never needs them, and nested aliases can make a
    small file expand into billions of nodes (a "billion laughs" file)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.events.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a policy file", mark
            )
        return super().compose_node(parent, index)


@cache
def policy_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Parsed:
    """A parsed document: the data and its node tree (for line numbers)."""

    data: Any
    root: yaml.Node | None


def parse_yaml(text: str) -> tuple[Parsed | None, list[PolicyIssue]]:
    """Parse YAML text; on a syntax error return no document and one issue with its line."""
    loader = _PlainLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [PolicyIssue(line, YAML_FIELD, f"YAML syntax error: {problem}")]
    except yaml.YAMLError as exc:
        return None, [PolicyIssue(None, YAML_FIELD, f"YAML syntax error: {exc}")]
    except RecursionError:
        return None, [PolicyIssue(None, YAML_FIELD, "YAML nested too deeply to be a policy file")]
    finally:
        loader.dispose()
    return Parsed(data, root), []


def format_path(path: Sequence[str | int]) -> str:
    """``["clauses", 3, "severity"]`` -> ``clauses[3].severity``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or ROOT


def line_of(root: yaml.Node | None, path: Sequence[str | int]) -> int | None:
    """The line of the deepest node on `path` that exists (a key's line for mapping entries)."""
    if root is None:
        return None
    node: yaml.Node = root
    line = node.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                    line = key_node.start_mark.line + 1
                    node = value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        else:
            return line
    return line


def _duplicate_keys(node: yaml.Node, path: list[str | int]) -> Iterator[PolicyIssue]:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if isinstance(key, str):
                if key in seen:
                    yield PolicyIssue(
                        key_node.start_mark.line + 1,
                        format_path([*path, key]),
                        "duplicate key (YAML keeps only the last one)",
                    )
                seen.add(key)
                yield from _duplicate_keys(value_node, [*path, key])
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _duplicate_keys(item, [*path, i])


_JSON_TYPE = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def _type_name(value: Any) -> str:
    return _JSON_TYPE.get(type(value), type(value).__name__)


def _schema_issue(error: jsonschema.ValidationError, root: yaml.Node | None) -> PolicyIssue:
    path: list[str | int] = list(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        field = format_path([*path, missing])
        return PolicyIssue(line_of(root, path), field, "required field is missing")
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(
            (error.schema or {}).get("properties", {}) if isinstance(error.schema, dict) else ()
        )
        extra = sorted((k for k in error.instance if k not in allowed), key=str)
        key = str(extra[0]) if extra else "?"
        return PolicyIssue(line_of(root, [*path, key]), format_path([*path, key]), "unknown field")
    line = line_of(root, path)
    field = format_path(path)
    if error.validator == "type":
        expected = error.validator_value
        wanted = " or ".join(expected) if isinstance(expected, list) else str(expected)
        return PolicyIssue(
            line, field, f"must be of type {wanted}, not {_type_name(error.instance)}"
        )
    if error.validator == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return PolicyIssue(line, field, f"must be one of: {options} (got {error.instance!r})")
    if error.validator == "pattern":
        return PolicyIssue(
            line, field, f"{error.instance!r} does not match the pattern {error.validator_value}"
        )
    if error.validator == "const":
        return PolicyIssue(
            line, field, f"must be {error.validator_value!r} (got {error.instance!r})"
        )
    return PolicyIssue(line, field, error.message)


def _semantic_issues(data: dict[str, Any], root: yaml.Node | None) -> Iterator[PolicyIssue]:
    """Rules the schema cannot express. Defensive: runs on partly invalid documents too."""

    def items(key: str) -> list[tuple[int, dict[str, Any]]]:
        seq = data.get(key)
        if not isinstance(seq, list):
            return []
        return [(i, item) for i, item in enumerate(seq) if isinstance(item, dict)]

    def issue(path: list[str | int], message: str) -> PolicyIssue:
        return PolicyIssue(line_of(root, path), format_path(path), message)

    for key, what in (
        ("clauses", "clause"),
        ("categories", "category"),
        ("channels", "channel"),
        ("sections", "section"),
        ("legal_basis", "legal basis"),
        ("complaint_kinds", "complaint kind"),
    ):
        first_line: dict[str, int | None] = {}
        for i, item in items(key):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in first_line:
                yield issue(
                    [key, i, "id"],
                    f"duplicate {what} id {ident!r} (first at line {first_line[ident]})",
                )
            else:
                first_line[ident] = line_of(root, [key, i, "id"])

    declared = {item["id"] for _, item in items("categories") if isinstance(item.get("id"), str)}
    sections = {
        item["id"]: item for _, item in items("sections") if isinstance(item.get("id"), str)
    }

    for i, cat in items("categories"):
        review, breach = cat.get("review_threshold"), cat.get("breach_threshold")
        if (
            isinstance(review, int | float)
            and isinstance(breach, int | float)
            and not isinstance(review, bool)
            and not isinstance(breach, bool)
            and review > breach
        ):
            yield issue(
                ["categories", i, "review_threshold"],
                f"review_threshold {review} is greater than breach_threshold {breach}",
            )

    for key in ("clauses", "complaint_kinds"):
        for i, item in items(key):
            cats = item.get("categories")
            if not isinstance(cats, list):
                continue
            for j, cat_id in enumerate(cats):
                if isinstance(cat_id, str) and cat_id not in declared:
                    yield issue(
                        [key, i, "categories", j],
                        f"category {cat_id!r} is not declared in categories",
                    )

    for i, clause in items("clauses"):
        section_id, number, ident = clause.get("section"), clause.get("number"), clause.get("id")
        if isinstance(section_id, str) and sections and section_id not in sections:
            yield issue(
                ["clauses", i, "section"], f"section {section_id!r} is not declared in sections"
            )
        elif isinstance(section_id, str) and section_id in sections:
            kind, section_kind = clause.get("kind"), sections[section_id].get("kind")
            if isinstance(kind, str) and isinstance(section_kind, str) and kind != section_kind:
                yield issue(
                    ["clauses", i, "kind"],
                    f"kind {kind!r} differs from the kind {section_kind!r} of section {section_id}",
                )
        if (
            isinstance(ident, str)
            and isinstance(section_id, str)
            and (number is None or (isinstance(number, int) and not isinstance(number, bool)))
        ):
            expected = section_id if number is None else f"{section_id}.{number}"
            if ident != expected:
                yield issue(
                    ["clauses", i, "id"],
                    f"id {ident!r} does not match section and number (expected {expected!r})",
                )


def validate_text(text: str) -> tuple[Any, list[PolicyIssue]]:
    """Validate policy YAML text; return the parsed data and the issues, sorted by line."""
    parsed, issues = parse_yaml(text)
    if parsed is None:
        return None, issues
    data, root = parsed.data, parsed.root
    if root is not None:
        issues.extend(_duplicate_keys(root, []))
    if not isinstance(data, dict):
        issues.append(
            PolicyIssue(
                line_of(root, []), ROOT, f"must be a mapping of fields, not {_type_name(data)}"
            )
        )
        return data, issues
    validator = jsonschema.Draft202012Validator(policy_schema())
    for error in validator.iter_errors(data):
        issues.append(_schema_issue(error, root))
    issues.extend(_semantic_issues(data, root))
    issues.sort(key=lambda i: (i.line if i.line is not None else 0, i.field))
    return data, issues


def validate_bytes(raw: bytes) -> tuple[Any, list[PolicyIssue]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [PolicyIssue(line, FILE_FIELD, "the file is not valid UTF-8")]
    return validate_text(text)


def validate_policy_file(path: str | Path) -> list[PolicyIssue]:
    """All the issues of a policy file; an empty list means it can be loaded."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return [PolicyIssue(None, FILE_FIELD, f"cannot read the file: {exc.strerror or exc}")]
    return validate_bytes(raw)[1]
