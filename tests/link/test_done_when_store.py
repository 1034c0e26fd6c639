"""The issue's Done-when shapes through a real store, on SQLite and PostgreSQL: reports are
stored, linked by ``link_store``, read back, and linked again without any change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from builders import a_document, a_figure, a_place, a_report

from harmwatch.link import ASSEMBLER_VERSION
from harmwatch.model import FacilityHit, Figure, Report
from harmwatch.pipeline import link_store
from harmwatch.store import Store

DAY = date(2017, 10, 1)


def _stored(store: Store, n: int, **changes: Any) -> Report:
    """A report of its own stored document (the n-th)."""
    document = a_document(f"source {n}")
    store.add_document(document)
    report = a_report(f"{document.sha256}:0", source=document.source, **changes)
    store.add_reports([report], assembler=ASSEMBLER_VERSION)
    return report


def _groups(store: Store) -> list[list[str]]:
    return sorted(sorted(i.reports) for i in store.incidents())


def test_the_done_when_shapes_link_right_and_relink_unchanged(store: Store) -> None:
    hospital = (FacilityHit(type="medical", name="surgical hospital"),)
    one_strike = [
        _stored(store, 1, figures=(a_figure(7),)),
        _stored(store, 2, figures=(a_figure(9, bound="at_least"),), place_name="Maarrat"),
        _stored(
            store,
            3,
            figures=(a_figure(11),),
            date_start=DAY - timedelta(days=2),
            time_precision=2,
        ),
    ]
    next_day = [
        _stored(
            store, n, date_start=DAY + timedelta(days=1), date_end=DAY + timedelta(days=1),
            figures=(a_figure(25),), facilities=(),
        )
        for n in (4, 5)
    ]  # fmt: skip
    hospitals = [
        _stored(
            store, n, date_start=DAY + timedelta(days=9), date_end=DAY + timedelta(days=9),
            place=a_place(town), facilities=hospital, figures=(),
        )
        for n, town in ((6, "Kafranbel"), (7, "Kafranbel"), (8, "Maarat al-Numan"),
                        (9, "Maarat al-Numan"))
    ]  # fmt: skip
    bulletin = _stored(
        store,
        10,
        period_total=True,
        date_start=DAY,
        date_end=DAY + timedelta(days=6),
        time_precision=2,
        geo_precision=3,
        figures=(Figure("strikes", "airstrike", 312), a_figure(74)),
    )

    first = link_store(store)
    before = {i.id: i.reports for i in store.incidents()}
    again = link_store(store)

    keys = [r.key for r in (*one_strike, *next_day, *hospitals)]
    assert _groups(store) == sorted(
        [sorted(keys[0:3]), sorted(keys[3:5]), sorted(keys[5:7]), sorted(keys[7:9])]
    )
    [market] = [i for i in store.incidents() if one_strike[0].key in i.reports]
    assert len(market.sources) == 3
    [killed] = [t for t in market.tallies if (t.kind, t.subject) == ("killed", "civilians")]
    assert (killed.low, killed.best, killed.high) == (7, 9, 11)
    assert first.period_totals == 1
    assert bulletin.key not in store.membership()
    assert (again.created, again.changed, again.retired) == (0, 0, 0)
    assert {i.id: i.reports for i in store.incidents()} == before
