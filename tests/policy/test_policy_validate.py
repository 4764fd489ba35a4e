"""A broken policy file is refused with the field and the line of each problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from bijak.policy import (
    DEFAULT_POLICY_PATH,
    PolicyError,
    PolicyIssue,
    load_policy,
    validate_policy_file,
)

SHIPPED = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line that contains `needle`."""
    seen = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(needle)


def _write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "policy.yaml"
    file.write_text(text, encoding="utf-8")
    return file


def test_the_shipped_policy_has_no_issues():
    assert validate_policy_file(DEFAULT_POLICY_PATH) == []


# Each case: (name, (old, new) replaced once in the shipped file, expected field, message,
#             the text of the line the issue must point to, its occurrence)
CASES = [
    (
        "bad yaml",
        ("  - id: B.2\n", "  - id: B.2\n   bad: x\n"),
        "(yaml)",
        "YAML syntax error: expected <block end>, but found '<block mapping start>'",
        "   bad: x",
        1,
    ),
    (
        "missing field",
        ("    severity: sedang\n", ""),
        "clauses[4].severity",
        "required field is missing",
        "  - id: A.5",
        1,
    ),
    (
        "wrong type",
        (
            "review_threshold: 0.5, breach_threshold: 0.8,",
            "review_threshold: tinggi, breach_threshold: 0.8,",
        ),
        "categories[0].review_threshold",
        "must be of type number, not string",
        "review_threshold: tinggi",
        1,
    ),
    (
        "wrong enum",
        ("severity: tinggi", "severity: high"),
        "clauses[1].severity",
        "must be one of: rendah, sedang, tinggi (got 'high')",
        "severity: high",
        1,
    ),
    (
        "unknown category",
        ("categories: [pamer]", "categories: [pamer, bling]"),
        "clauses[18].categories[1]",
        "category 'bling' is not declared in categories",
        "categories: [pamer, bling]",
        1,
    ),
    (
        "duplicate id",
        ("  - id: B.8\n", "  - id: B.7\n"),
        "clauses[20].id",
        "duplicate clause id 'B.7' (first at line {first})",
        "  - id: B.7",
        2,
    ),
    (
        "thresholds reversed",
        (
            "review_threshold: 0.5, breach_threshold: 0.8,",
            "review_threshold: 0.9, breach_threshold: 0.8,",
        ),
        "categories[0].review_threshold",
        "review_threshold 0.9 is greater than breach_threshold 0.8",
        "review_threshold: 0.9",
        1,
    ),
    (
        "unknown field",
        ("    severity: rendah\n", "    severity: rendah\n    colour: red\n"),
        "clauses[0].colour",
        "unknown field",
        "    colour: red",
        1,
    ),
    (
        "duplicate key",
        ("    severity: rendah\n", "    severity: rendah\n    severity: sedang\n"),
        "clauses[0].severity",
        "duplicate key (YAML keeps only the last one)",
        "    severity: sedang",
        1,
    ),
    (
        "missing top-level field",
        ("number: HK.02.02/III/2438/2018\n", ""),
        "number",
        "required field is missing",
        "# Policy file",
        1,
    ),
    (
        "bad date",
        ('effective_date: "2018"', 'effective_date: "18 Mei 2018"'),
        "effective_date",
        "'18 Mei 2018' does not match the pattern ^[0-9]{{4}}(-[0-9]{{2}}(-[0-9]{{2}})?)?$",
        "effective_date:",
        1,
    ),
    (
        "undeclared section",
        ("    section: C\n    number: 6\n", "    section: E\n    number: 6\n"),
        "clauses[26].section",
        "section 'E' is not declared in sections",
        "    section: E",
        1,
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "field", "message", "line_text", "occurrence"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_broken_files_report_field_and_line(
    tmp_path, name, change, field, message, line_text, occurrence
):
    old, new = change
    assert old in SHIPPED
    broken = SHIPPED.replace(old, new, 1)
    issues = validate_policy_file(_write(tmp_path, broken))
    expected_line = _line_of(broken, line_text, occurrence)
    if name == "missing top-level field":
        expected_line = _line_of(broken, "schema_version:")  # the document's first node
    matching = [i for i in issues if i.field == field]
    assert matching, issues
    issue = matching[0]
    assert issue.line == expected_line
    first = _line_of(broken, line_text, 1)
    assert issue.message == message.format(first=first)
    with pytest.raises(PolicyError) as info:
        load_policy(_write(tmp_path, broken))
    assert issue in info.value.issues


def test_issue_formats_as_file_line_field_message():
    assert PolicyIssue(12, "clauses[3].severity", "required field is missing").format("p.yaml") == (
        "p.yaml:12: clauses[3].severity: required field is missing"
    )
    assert PolicyIssue(None, "(file)", "x").format("p.yaml") == "p.yaml: (file): x"


def test_the_root_must_be_a_mapping(tmp_path):
    assert validate_policy_file(_write(tmp_path, "- a\n- b\n")) == [
        PolicyIssue(1, "(root)", "must be a mapping of fields, not array")
    ]


def test_a_missing_file_is_an_issue_not_a_crash(tmp_path):
    issues = validate_policy_file(tmp_path / "nope.yaml")
    assert [(i.line, i.field, i.message) for i in issues] == [
        (None, "(file)", "cannot read the file: No such file or directory")
    ]


def test_a_file_that_is_not_utf8_is_reported_with_its_line(tmp_path):
    file = tmp_path / "latin1.yaml"
    file.write_bytes(b"id: x\ntitle_id: Kebijakan \xe9\n")
    assert validate_policy_file(file) == [PolicyIssue(2, "(file)", "the file is not valid UTF-8")]


def test_policy_error_message_names_the_first_issue(tmp_path):
    file = _write(tmp_path, SHIPPED.replace("severity: tinggi", "severity: high", 1))
    with pytest.raises(PolicyError) as info:
        load_policy(file)
    line = _line_of(SHIPPED.replace("severity: tinggi", "severity: high", 1), "severity: high")
    assert str(info.value) == (
        f"{file}:{line}: clauses[1].severity: must be one of: rendah, sedang, tinggi (got 'high')"
    )


def test_aliases_are_refused_so_a_billion_laughs_file_cannot_hang_the_validator(tmp_path):
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    lines.append("clauses: *a8")
    assert validate_policy_file(_write(tmp_path, "\n".join(lines) + "\n")) == [
        PolicyIssue(
            2, "(yaml)", "YAML syntax error: aliases (*name) are not allowed in a policy file"
        )
    ]


def test_a_file_nested_too_deeply_is_an_issue_not_a_crash(tmp_path):
    text = "clauses: " + "[" * 5000 + "]" * 5000 + "\n"
    assert validate_policy_file(_write(tmp_path, text)) == [
        PolicyIssue(None, "(yaml)", "YAML nested too deeply to be a policy file")
    ]
