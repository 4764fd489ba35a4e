"""`bijak check`: argument, --file, stdin, invalid UTF-8, --json, --lang en."""

from __future__ import annotations

import json

import jsonschema
from typer.testing import CliRunner

from bijak.cli.main import app
from bijak.engine.report import report_schema
from bijak.policy import load_policy

runner = CliRunner()
POLICY = load_policy()


def test_check_prints_verdict_clause_evidence_and_advice_in_indonesian():
    result = runner.invoke(app, ["check", "Ayo ke G4C0R88 langsung WD, maxwin!!"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Hasil: LANGGAR — Kemungkinan melanggar\n")
    assert "Teks (data pribadi disamarkan):\n  Ayo ke [G4C0R88] [langsung WD], [maxwin]!!" in out
    assert f"Pasal D [langgar]: {POLICY.clause('D').text_id}" in out
    assert (
        "  Alasan: Kata 'langsung WD', 'maxwin', dan 'G4C0R88' menunjukkan promosi judi online."
        in out
    )
    assert "  Bukti: [G4C0R88], [langsung WD], [maxwin]" in out
    assert f"  Saran: {POLICY.clause('D').advice_id}" in out
    assert (
        "  [ ] C.1 Konten/informasi yang berasal dari media sosial memiliki kemungkinan benar atau salah;"
        in out
    )


def test_check_masks_personal_data_in_the_terminal_report():
    result = runner.invoke(app, ["check", "NIK saya 3201231508850003"])
    assert result.exit_code == 0
    assert "3201231508850003" not in result.output
    assert "NIK saya [3201********0003]" in result.output
    assert "Pasal A.2 [langgar]" in result.output


def test_check_of_a_fine_post_says_so():
    result = runner.invoke(app, ["check", "Selamat pagi, jangan lupa sarapan"])
    assert result.exit_code == 0
    assert result.output.startswith("Hasil: AMAN — Aman\n")
    assert "Tidak ada hal yang perlu diubah menurut tata tertib." in result.output


def test_check_json_validates_against_the_schema():
    result = runner.invoke(app, ["check", "--json", "dokter itu goblok, BPJS ribet banget"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    jsonschema.validate(data, report_schema())
    assert data["verdict"] == "langgar"
    assert {c["id"] for c in data["clauses"]} >= {"B.3", "B.7", "B.8"}


def test_check_reads_stdin_without_argument_and_with_dash():
    for args in (["check"], ["check", "-"]):
        result = runner.invoke(app, args, input=b"slot gacor maxwin")
        assert result.exit_code == 0
        assert result.output.startswith("Hasil: LANGGAR")


def test_check_reads_a_file(tmp_path):
    path = tmp_path / "draf.txt"
    path.write_text("BPJS ribet banget", encoding="utf-8")
    result = runner.invoke(app, ["check", "--file", str(path), "--lang", "en"])
    assert result.exit_code == 0
    assert result.output.startswith("Result: TINJAU — Think again\n")
    assert f"Clause B.7 [tinjau]: {POLICY.clause('B.7').text_en}" in result.output
    assert f"  Advice: {POLICY.clause('B.7').advice_en}" in result.output


def test_invalid_utf8_on_stdin_is_refused_with_exit_2():
    result = runner.invoke(app, ["check"], input=b"dokter \xff\xfe goblok")
    assert result.exit_code == 2
    assert result.stderr == (
        "Galat: masukan dari stdin bukan teks UTF-8 yang sah (byte tidak valid di posisi 7). "
        "Simpan teks sebagai UTF-8 lalu coba lagi.\n"
    )


def test_invalid_utf8_in_a_file_is_refused_with_exit_2(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\u00e9".encode("latin-1"))
    result = runner.invoke(app, ["check", "--file", str(path)])
    assert result.exit_code == 2
    assert (
        f"Galat: masukan dari {path} bukan teks UTF-8 yang sah (byte tidak valid di posisi 3)."
        in result.stderr
    )


def test_missing_file_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["check", "--file", str(tmp_path / "tidak-ada.txt")])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Galat: berkas tidak dapat dibaca: {tmp_path / 'tidak-ada.txt'} ("
    )


def test_unknown_language_is_refused():
    result = runner.invoke(app, ["check", "--lang", "fr", "halo"])
    assert result.exit_code == 2
    assert result.stderr == "Galat: --lang harus 'id' atau 'en'.\n"


def test_colour_output_uses_ansi_bold_red_for_evidence():
    from bijak.cli.check import render
    from bijak.engine import analyze

    coloured = render(analyze("slot gacor maxwin"), colour=True)
    plain = render(analyze("slot gacor maxwin"), colour=False)
    assert "\x1b[31m\x1b[1mmaxwin\x1b[0m" in coloured
    assert "[maxwin]" in plain
    assert "\x1b[" not in plain


def test_platform_is_passed_through_to_the_json():
    result = runner.invoke(app, ["check", "--json", "--platform", "instagram", "halo semua"])
    assert json.loads(result.output)["platform"] == "instagram"
