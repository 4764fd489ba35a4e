"""`bijak policy validate` and `bijak policy show`, through the real CLI app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.policy import DEFAULT_POLICY_PATH, load_policy

FIXTURES = Path(__file__).with_name("fixtures")
runner = CliRunner()


def test_validate_ok_prints_counts_and_exits_zero():
    result = runner.invoke(app, ["policy", "validate", str(DEFAULT_POLICY_PATH)])
    assert result.exit_code == 0
    assert result.stdout == (
        "OK kemenkes-hk0202-2438-2018 1.0: 28 clauses (A: 13, B: 8, C: 6, D: 1), "
        f"21 categories, 3 channels, 3 legal basis; sha256 {load_policy().content_hash}\n"
    )


def test_validate_prints_each_issue_with_file_and_line_and_exits_one(tmp_path):
    text = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")
    broken = text.replace("categories: [pamer]", "categories: [pamer, bling]", 1).replace(
        "    severity: sedang\n", "", 1
    )
    file = tmp_path / "broken.yaml"
    file.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["policy", "validate", str(file)])
    assert result.exit_code == 1
    lines = broken.splitlines()
    a5 = lines.index("  - id: A.5") + 1
    b6 = next(i for i, line in enumerate(lines, 1) if "[pamer, bling]" in line)
    assert result.stdout.splitlines() == [
        f"{file}:{a5}: clauses[4].severity: required field is missing",
        f"{file}:{b6}: clauses[18].categories[1]: category 'bling' is not declared in categories",
    ]
    assert result.stderr == "2 issue(s) found\n"


def test_validate_a_missing_file_exits_one(tmp_path):
    missing = tmp_path / "nope.yaml"
    result = runner.invoke(app, ["policy", "validate", str(missing)])
    assert result.exit_code == 1
    assert result.stdout == f"{missing}: (file): cannot read the file: No such file or directory\n"


def test_show_json_has_clauses_channels_and_legal_basis():
    result = runner.invoke(app, ["policy", "show", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["clauses"]) == 28
    for clause in data["clauses"]:
        assert {"id", "kind", "text_id", "text_en", "categories", "severity"} <= clause.keys()
    b2 = next(c for c in data["clauses"] if c["id"] == "B.2")
    assert b2["kind"] == "larangan" and b2["categories"] == ["sara", "ujaran_kebencian"]
    assert [c["value"] for c in data["channels"]] == [
        "https://aduankonten.id",
        "aduankonten@mail.kominfo.go.id",
        "0811-9224-545",
    ]
    assert [b["short"] for b in data["legal_basis"]][2] == "PMK 81/2015"


def test_show_one_clause_as_json():
    result = runner.invoke(app, ["policy", "show", "B.5", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] == "B.5" and data["text_id"] == "Menyebarkan hoaks terkait kesehatan."
    assert data["severity"] == "tinggi" and data["categories"] == ["hoaks"]


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["B.5"], "B.5 [larangan, tinggi] Menyebarkan hoaks terkait kesehatan."),
        (["B.5", "--lang", "en"], "B.5 [larangan, tinggi] Spreading health-related hoaxes."),
        (
            ["L.1", "--file", str(FIXTURES / "dinkes-contoh.yaml")],
            "L.1 [larangan, tinggi] Mengunggah data pasien.",
        ),
    ],
)
def test_show_one_clause_as_text(args, first_line):
    result = runner.invoke(app, ["policy", "show", *args])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == first_line


def test_show_everything_as_text_groups_by_section():
    result = runner.invoke(app, ["policy", "show"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == load_policy().title_id
    for header in (
        "A. Himbauan",
        "B. Larangan",
        "C. Hal yang Perlu Diperhatikan",
        "D. Kontak Aduan",
    ):
        assert header in lines
    assert "  - whatsapp: 0811-9224-545" in lines


def test_show_unknown_clause_exits_one():
    result = runner.invoke(app, ["policy", "show", "Z.9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("unknown clause 'Z.9'; known: A.1, A.2,")


def test_show_with_an_invalid_file_prints_the_issues_and_exits_one(tmp_path):
    file = tmp_path / "broken.yaml"
    file.write_text("id: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["policy", "show", "--file", str(file)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{file}:2: (yaml): YAML syntax error: ")


def test_schema_prints_the_json_schema_that_validates_the_shipped_file():
    import jsonschema
    import yaml

    result = runner.invoke(app, ["policy", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    data = yaml.safe_load(DEFAULT_POLICY_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
