"""``harmwatch extract`` as an analyst pipes it: one JSON line per document, errors on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmwatch.cli import app

runner = CliRunner()

REPORT = (
    "ALEPPO, 3 March 2018 - At least 14 civilians were killed on Thursday in government air "
    "strikes on the town, including five children, rescuers said.\n"
)


def test_extract_prints_one_contract_line_per_document(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output.strip())
    assert line["source"] == str(path)
    assert line["lang"] == "en"
    assert line["published"] == "2018-03-03"
    first = line["claims"][0]
    assert (first["kind"], first["subject"], first["value"], first["bound"]) == (
        "killed",
        "civilians",
        14,
        "at_least",
    )
    assert first["perpetrator"] == "Syrian government"
    assert first["date"] == "2018-03-01"
    assert REPORT[first["start"] : first["end"]] == first["text"]
    assert set(line) >= {"period", "places", "perpetrators", "weapons"}


def test_published_option_overrides_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(
        app, ["extract", "--format", "jsonl", "--published", "2018-03-10", str(path)]
    )
    assert json.loads(result.output)["published"] == "2018-03-10"


def test_unreadable_file_is_reported_and_others_still_extracted(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(missing), str(good)])
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [x["source"] for x in lines] == [str(good)]
    assert "missing.txt" in result.stderr


def test_standard_input_is_read_with_a_dash() -> None:
    result = runner.invoke(app, ["extract", "--format", "jsonl", "-"], input=REPORT)
    assert result.exit_code == 0
    assert json.loads(result.output)["source"] == "-"


def test_table_format_is_for_people(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--format", "table", str(path)])
    assert result.exit_code == 0
    assert "civilians" in result.output


def test_a_bad_published_date_is_one_error_line(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--published", "yesterday", str(path)])
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.output


def test_html_on_standard_input_is_found_by_its_content_and_reduced() -> None:
    page = (
        "<!doctype html><html><head><title>Strike</title></head><body><nav>Home | World | "
        "Sport</nav><article><p>" + REPORT.strip() + "</p></article>"
        "<footer>Copyright 2018 Example News. All rights reserved.</footer></body></html>"
    )
    result = runner.invoke(app, ["extract", "--format", "jsonl", "-"], input=page)
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)
    first = line["claims"][0]
    assert first["text"] == "At least 14 civilians"
    assert "<" not in first["text"]
    assert first["start"] == REPORT.index("At least 14")  # offsets into the reduced text


def test_a_folder_is_answered_with_what_to_do_instead(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path}: is a folder; extract reads files (give them: {tmp_path}/*.txt), "
        f"and `harmwatch ingest {tmp_path}` stores a whole folder\n"
    )


def test_an_unexpected_error_is_one_line_and_the_other_files_are_extracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from harmwatch.model import Document, Extraction
    from harmwatch.pipeline import Analyzer

    real = Analyzer.__call__

    def buggy(self: Analyzer, document: Document) -> Extraction:
        if "BUG" in document.text:
            raise OverflowError("int too large to convert to float")
        return real(self, document)

    monkeypatch.setattr(Analyzer, "__call__", buggy)
    (tmp_path / "a.txt").write_text("BUG " + REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    log = tmp_path / "errors.log"

    result = runner.invoke(
        app,
        [
            "--error-log",
            str(log),
            "extract",
            "--format",
            "jsonl",
            *sorted(map(str, tmp_path.glob("*.txt"))),
        ],
    )

    assert result.exit_code == 1
    assert [json.loads(x)["source"] for x in result.stdout.splitlines()] == [
        str(tmp_path / "b.txt")
    ]
    assert result.stderr == (
        f"Error: {tmp_path}/a.txt: unexpected error in analysis (OverflowError: int too large to "
        f"convert to float); details in {log} (please attach it to a bug report)\n"
    )
    assert "OverflowError" in log.read_text(encoding="utf-8")
