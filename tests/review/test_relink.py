"""Decisions survive relinks: real ingest and real link runs around analysts' decisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from harmwatch import review
from harmwatch.model import User
from harmwatch.store import Store

pipeline = pytest.importorskip("harmwatch.pipeline")
if not hasattr(pipeline, "link_store"):
    pytest.skip("the linking stage is not in this build", allow_module_level=True)

TEXTS = {
    "market-a.txt": "Russian warplanes struck the market in Maarat al-Numan on 19 May 2019, "
    "killing 12 civilians, the civil defence said.",
    "market-b.txt": "At least 14 civilians, among them 3 children, were killed when Russian jets "
    "hit the Maarat al-Numan market on 19 May 2019, a local monitor reported.",
    "ariha.txt": "Syrian government helicopters dropped barrel bombs on Ariha on 2 June 2019, "
    "killing 5 civilians.",
    "market-c.txt": "Rescuers in Maarat al-Numan said 15 civilians died in the Russian strike on "
    "the market on 19 May 2019.",
}


def _ingest(store: Store, folder: Path, names: list[str]) -> list[str]:
    paths = []
    for name in names:
        path = folder / name
        path.write_text(TEXTS[name] + "\n", encoding="utf-8")
        paths.append(str(path))
    outcomes = list(
        pipeline.ingest_sources(store, paths, published=date(2019, 6, 3), time_budget=None)
    )
    assert [o.status for o in outcomes] == ["stored"] * len(names), outcomes
    return [o.document.sha256 for o in outcomes if o.document is not None]


def _incident_of(store: Store, sha256: str) -> int:
    [report, *_] = store.reports_for(sha256)
    return store.membership()[report.key]


def test_grades_corrections_merges_and_splits_survive_relinks(store: Store, tmp_path: Path) -> None:
    shas = _ingest(store, tmp_path, ["market-a.txt", "market-b.txt", "ariha.txt"])
    pipeline.link_store(store)
    admin, _ = review.add_user(store, "rima", "admin", by=None, unnamed="-")
    analyst: User = review.add_user(store, "omar", "analyst", by=admin, unnamed="-")[0]
    market, ariha = _incident_of(store, shas[0]), _incident_of(store, shas[2])
    assert market != ariha

    # An analyst merges the two (say, one strike misdated by a source), grades and corrects.
    version = store.get_incident(market).version
    review.merge_incidents(
        store, market, ariha, by=analyst, version=version,
        other_version=store.get_incident(ariha).version, reason="same strike",
    )  # fmt: skip
    review.grade_incident(
        store, market, "confirmed", by=analyst, version=store.get_incident(market).version
    )
    review.correct_field(
        store, market, "best:killed:civilians", 13, by=analyst,
        version=store.get_incident(market).version, reason="names list of 13",
    )  # fmt: skip
    before = store.get_incident(market)

    pipeline.link_store(store)

    after = store.get_incident(market)
    assert after.grade == "confirmed" and after.version == before.version
    assert sorted(after.reports) == sorted(before.reports)
    assert _incident_of(store, shas[2]) == market
    seen = review.reviewed_incident(store, market, user=analyst)
    assert [t.best for t in seen.incident.tallies if t.subject == "civilians"] == [13]
    assert seen.needs_review == ()

    # The split takes Ariha out again; a relink keeps both apart, with their ids.
    [ariha_report] = store.reports_for(shas[2])
    split = review.split_incident(
        store, market, [ariha_report.key], by=analyst,
        version=store.get_incident(market).version, reason="different town and day",
    )  # fmt: skip
    [new_id] = split.created
    pipeline.link_store(store)
    assert _incident_of(store, shas[2]) == new_id
    assert _incident_of(store, shas[0]) == market
    assert store.get_incident(market).grade == "confirmed"

    # A new source of the market strike joins: the confirmed incident is flagged, not re-graded.
    [late] = _ingest(store, tmp_path, ["market-c.txt"])
    pipeline.link_store(store, documents=[late])
    if _incident_of(store, late) == market:
        flagged = review.reviewed_incident(store, market, user=analyst)
        assert flagged.needs_review == (
            "a relink changed it since it was confirmed: review it again",
        )
        assert flagged.incident.grade == "confirmed"
        assert review.review_queue(store)[0].incident_id == market
    assert store.verify_audit() > 0
