"""``harmwatch.pipeline``: the main job as a library, as the CLI, benches and API call it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from harmwatch.geo import Gazetteer
from harmwatch.ingest import read_file
from harmwatch.model import Document, Extraction
from harmwatch.pipeline import Analyzer, analyze_document, ingest_sources
from harmwatch.store import Store

REPORT = "At least 23 civilians were killed in airstrikes on Maarat al-Numan on Sunday.\n"
OTHER = "Eight people were killed when a market in Saraqib was struck twice on Monday.\n"


def write_reports(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def test_an_analyzer_gives_what_analyze_document_gives(tmp_path: Path) -> None:
    document = read_file(write_reports(tmp_path / "r") / "a.txt")
    gazetteer = Gazetteer.load()

    extraction = Analyzer(gazetteer)(document)

    assert extraction == analyze_document(document, gazetteer=gazetteer)
    claim = extraction.claims[0]
    assert (claim.kind, claim.subject, claim.value) == ("killed", "civilians", 23)
    assert claim.place_id is not None
    assert [p.name for p in extraction.places] == ["Maarat al-Numan"]


def test_ingest_sources_stores_each_document_with_the_analyzers_extraction(
    tmp_path: Path, store: Store
) -> None:
    folder = write_reports(tmp_path / "r")
    analyze = Analyzer.load()

    outcomes = list(ingest_sources(store, [str(folder)], analyze=analyze))

    assert [(o.input, o.status) for o in outcomes] == [
        (f"{folder}/a.txt", "stored"),
        (f"{folder}/b.txt", "stored"),
    ]
    for outcome in outcomes:
        assert outcome.document is not None
        stored = store.get_document(outcome.document.sha256)
        assert store.get_extraction(stored.sha256) == analyze(stored)
        assert outcome.claims == len(store.claims_for(stored.sha256))


def test_a_bench_can_swap_the_analysis_for_its_own(tmp_path: Path, store: Store) -> None:
    folder = write_reports(tmp_path / "r")
    calls: list[str] = []

    def count(document: Document) -> Extraction:
        calls.append(document.source)
        return Extraction(lang="en", published=None, period=None)

    outcomes = list(ingest_sources(store, [str(folder)], analyze=count, time_budget=None))

    assert [o.status for o in outcomes] == ["stored", "stored"]
    assert len(calls) == 2


def test_steps_after_ingest_get_the_documents_the_run_stored(tmp_path: Path, store: Store) -> None:
    folder = write_reports(tmp_path / "r")
    list(ingest_sources(store, [str(folder / "a.txt")]))
    seen: list[tuple[str, ...]] = []

    def link(store_: Store, shas: Sequence[str]) -> None:
        assert store_ is store
        seen.append(tuple(shas))

    outcomes = list(ingest_sources(store, [str(folder)], after=[link]))

    assert [o.status for o in outcomes] == ["already stored", "stored"]
    assert seen == [(outcomes[1].document.sha256,)]  # type: ignore[union-attr]
