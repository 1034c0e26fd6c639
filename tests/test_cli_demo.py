"""``harmwatch demo``: the example reports go into a fresh database, with their claims."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"
runner = CliRunner()


def test_demo_stores_every_example_with_claims_and_places(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--examples", str(EXAMPLES), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    n_reports = sum(1 for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".md"})
    with Store.open("sqlite:///" + str(tmp_path / "harmwatch.db")) as store:
        counts = store.counts()
    assert counts["documents"] == n_reports
    assert counts["claims"] > 3 * counts["documents"]
    assert counts["place_mentions"] > counts["documents"]
    assert f"Stored {counts['documents']} documents" in result.output


def test_demo_twice_starts_afresh_and_stores_the_same(tmp_path: Path) -> None:
    args = ["demo", "--examples", str(EXAMPLES), "--out", str(tmp_path)]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == second.exit_code == 0
    assert first.output.splitlines()[-2] == second.output.splitlines()[-2]


def test_demo_without_examples_says_where_to_run_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--examples", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "no such folder of example reports" in result.output
