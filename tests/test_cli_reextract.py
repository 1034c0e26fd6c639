"""``harmwatch reextract``: a better extractor reaches what is stored, beside the old extraction."""

from __future__ import annotations

from pathlib import Path

from builders import a_claim, a_document, an_extraction
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.extract import EXTRACTOR_VERSION, version_key
from harmwatch.store import Store

runner = CliRunner()
OLD = "harmwatch-0.0.9"


def _store_old_extraction(db_url: str) -> str:
    """A document whose only extraction was made by an older extractor (one claim)."""
    document = a_document()
    with Store.open(db_url) as store:
        store.add_document(document, an_extraction(a_claim(value=23)), extractor_version=OLD)
    return document.sha256


def test_an_older_extraction_gets_a_new_one_beside_it_and_a_second_run_changes_nothing(
    tmp_path: Path, db_url: str
) -> None:
    sha256 = _store_old_extraction(db_url)
    data = ["--db", db_url, "--data-dir", str(tmp_path / "data")]

    info = runner.invoke(app, [*data, "db", "info"])
    assert info.exit_code == 0, info.output
    assert f"older than {EXTRACTOR_VERSION}: 1" in info.output

    first = runner.invoke(app, [*data, "reextract"])
    assert first.exit_code == 0, first.output
    assert f"1 documents extracted again by {EXTRACTOR_VERSION}" in first.output
    with Store.open(db_url) as store:
        old = store.claims_for(sha256, extractor_version=OLD)
        new = store.claims_for(sha256)  # the newest extraction is the current one
        assert [c.value for c in old] == [23]
        assert {(c.kind, c.subject, c.value) for c in new} >= {("killed", "civilians", 23)}
        assert all(c.rule for c in new)
        counts = store.counts()

    second = runner.invoke(app, [*data, "reextract"])
    assert second.exit_code == 0, second.output
    assert f"0 documents extracted again by {EXTRACTOR_VERSION}" in second.output
    with Store.open(db_url) as store:
        assert store.counts() == counts
    info = runner.invoke(app, [*data, "db", "info"])
    assert f"older than {EXTRACTOR_VERSION}: 0" in info.output


def test_since_limits_reextraction_to_newer_extractions(tmp_path: Path, sqlite_url: str) -> None:
    _store_old_extraction(sqlite_url)
    data = ["--db", sqlite_url, "--data-dir", str(tmp_path / "data")]
    skipped = runner.invoke(app, [*data, "reextract", "--since", "harmwatch-0.1.0"])
    assert skipped.exit_code == 0, skipped.output
    assert "0 documents extracted again" in skipped.output
    done = runner.invoke(app, [*data, "reextract", "--since", OLD])
    assert "1 documents extracted again" in done.output


def test_all_also_extracts_documents_never_extracted(tmp_path: Path, sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        store.add_document(a_document())
    data = ["--db", sqlite_url, "--data-dir", str(tmp_path / "data")]
    assert "0 documents" in runner.invoke(app, [*data, "reextract"]).output
    assert "1 documents" in runner.invoke(app, [*data, "reextract", "--all"]).output


def test_a_since_that_is_not_a_version_is_one_line(tmp_path: Path, sqlite_url: str) -> None:
    result = runner.invoke(app, ["--db", sqlite_url, "reextract", "--since", "yesterday"])
    assert result.exit_code == 1
    assert "expected an extractor version like" in result.output


def test_extractor_versions_sort_by_package_then_rules() -> None:
    assert version_key("harmwatch-0.1.0") < version_key("harmwatch-0.1.0+rules2")
    assert version_key("harmwatch-0.1.0+rules2") < version_key("harmwatch-0.1.0+rules10")
    assert version_key("harmwatch-0.1.0+rules9") < version_key("harmwatch-0.2.0")
