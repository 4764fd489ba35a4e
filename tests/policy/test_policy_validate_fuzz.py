"""The validator never crashes: any edit of the shipped file gives a list of issues (or none),
each with a line inside the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bijak.policy import DEFAULT_POLICY_PATH, PolicyIssue
from bijak.policy.validate import validate_text

LINES = DEFAULT_POLICY_PATH.read_text(encoding="utf-8").splitlines()
JUNK = st.sampled_from(
    [
        "",
        "  - ",
        "x",
        "id: 1",
        "  severity: 3",
        "    categories: [x, y]",
        "{",
        "]",
        "1: 2",
        "    review_threshold: -1",
        "- !!binary aGVsbG8=",
        "    number: true",
        "*anchor",
        "\t",
        "    id: A.1",
        "clauses: null",
        "    kind: aduan",
        '    text_id: ""',
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(LINES) - 1), st.sampled_from(["drop", "replace", "insert"]), JUNK
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_edit_yields_issues_not_exceptions(edits):
    lines = list(LINES)
    for at, op, junk in edits:
        at = min(at, len(lines) - 1)
        if op == "drop":
            del lines[at]
        elif op == "replace":
            lines[at] = junk
        else:
            lines.insert(at, junk)
    text = "\n".join(lines) + "\n"
    _data, issues = validate_text(text)
    for issue in issues:
        assert isinstance(issue, PolicyIssue)
        assert issue.field and issue.message
        assert issue.line is None or 1 <= issue.line <= len(lines) + 1


def test_non_string_keys_are_reported_not_crashing():
    text = DEFAULT_POLICY_PATH.read_text(encoding="utf-8") + "1: extra\n"
    _data, issues = validate_text(text)
    assert [i.field for i in issues] == ["1"]
    assert issues[0].message == "unknown field"
    assert issues[0].line == len(text.splitlines())
