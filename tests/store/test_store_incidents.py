"""Reports, incidents, facilities and link decisions in the store, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa
from builders import a_document, a_figure, a_place, a_report, an_incident

from harmwatch.errors import NotFound
from harmwatch.model import (
    Attribution,
    Document,
    Facility,
    FacilityHit,
    FacilityStatus,
    LinkDecision,
    Report,
)
from harmwatch.store import IncidentQuery, Store


def _stored_documents(store: Store, count: int) -> list[Document]:
    documents = [a_document(f"Report {n}: nine civilians were killed.") for n in range(count)]
    for document in documents:
        store.add_document(document)
    return documents


def _reports(documents: list[Document], **changes: object) -> list[Report]:
    return [a_report(f"{d.sha256}:0", source=d.source, **changes) for d in documents]


def test_reports_come_back_exactly_as_stored(store: Store) -> None:
    [document] = _stored_documents(store, 1)
    report = a_report(
        f"{document.sha256}:0",
        figures=(a_figure(9, bound="at_least", evidence="at least nine civilians", claim=1),),
        facilities=(FacilityHit("medical", "Surgical hospital", "out_of_service", "hospital"),),
        suspected=("Syrian government",),
    )
    period = a_report(
        f"{document.sha256}:1",
        period_total=True,
        date_start=date(2017, 9, 23),
        date_end=date(2017, 9, 30),
        time_precision=2,
        place=a_place("Idlib governorate"),
        geo_precision=3,
    )

    assert store.add_reports([report, period], assembler="test-1") == 2

    assert store.reports_for(document.sha256) == [report, period]
    assert store.get_report(report.key) == report
    assert [r.key for r in store.iter_reports(period_total=True)] == [period.key]


def test_adding_the_same_reports_again_changes_nothing(store: Store) -> None:
    documents = _stored_documents(store, 2)
    reports = _reports(documents)
    store.add_reports(reports, assembler="test-1")
    entries = len(list(store.iter_audit()))

    assert store.add_reports(reports, assembler="test-1") == 0

    assert len(list(store.iter_audit())) == entries
    assert store.counts()["reports"] == 2


def test_a_report_of_a_document_that_is_not_stored_is_refused(store: Store) -> None:
    with pytest.raises(NotFound, match="store the document first"):
        store.add_reports([a_report("f" * 64 + ":0")], assembler="test-1")
    assert store.counts()["reports"] == 0


def test_a_link_run_stores_incidents_membership_and_one_audit_entry(store: Store) -> None:
    documents = _stored_documents(store, 3)
    reports = _reports(documents)
    store.add_reports(reports, assembler="test-1")

    written = store.save_link(
        [an_incident(*reports[:2]), an_incident(reports[2], first_date=date(2017, 10, 5))],
        summary={"linker": "test"},
        actor="tester",
    )

    first, second = written.incidents
    assert first.id is not None and second.id is not None
    assert (written.created, written.changed, written.unchanged) == (2, 0, 0)
    assert store.membership() == {
        reports[0].key: first.id,
        reports[1].key: first.id,
        reports[2].key: second.id,
    }
    assert store.get_incident(first.id) == first
    assert [r.key for r in store.reports_of(first.id)] == sorted(first.reports)
    [entry] = [e for e in store.iter_audit() if e.action == "link.run"]
    assert entry.actor == "tester"
    assert entry.after is not None
    assert entry.after["created"] == 2 and entry.after["linker"] == "test"
    assert store.verify_audit() > 0


def test_saving_an_unchanged_incident_keeps_its_version(store: Store) -> None:
    reports = _reports(_stored_documents(store, 2))
    store.add_reports(reports, assembler="test-1")
    [incident] = store.save_link([an_incident(*reports)]).incidents

    again = store.save_link([replace(incident, version=1)])

    assert (again.created, again.changed, again.unchanged) == (0, 0, 1)
    assert store.get_incident(incident.id or 0).version == 1


def test_a_changed_incident_gets_a_new_version_and_keeps_its_grade(
    store: Store, db_url: str
) -> None:
    reports = _reports(_stored_documents(store, 3))
    store.add_reports(reports, assembler="test-1")
    [incident] = store.save_link([an_incident(*reports[:2])]).incidents
    assert incident.id is not None
    engine = sa.create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as connection:  # what the review stage does to a graded incident
        connection.execute(sa.text("UPDATE incidents SET grade = 'fair'"))
    engine.dispose()

    grown = an_incident(*reports, id=incident.id)
    [after] = store.save_link([grown]).incidents

    assert after.id == incident.id
    assert after.version == 2
    assert after.grade == "fair"
    assert store.get_incident(incident.id) == after
    assert store.membership()[reports[2].key] == incident.id


def test_a_retired_incident_is_gone_and_its_reports_move(store: Store) -> None:
    reports = _reports(_stored_documents(store, 2))
    store.add_reports(reports, assembler="test-1")
    one, two = store.save_link([an_incident(reports[0]), an_incident(reports[1])]).incidents
    assert one.id is not None and two.id is not None

    store.save_link([an_incident(*reports, id=one.id)], retire=[two.id])

    with pytest.raises(NotFound, match=f"no incident {two.id}"):
        store.get_incident(two.id)
    assert set(store.membership().values()) == {one.id}
    assert store.count_incidents() == 1


def test_incidents_are_found_by_every_filter(store: Store) -> None:
    documents = _stored_documents(store, 3)
    reports = _reports(documents)
    store.add_reports(reports, assembler="test-1")
    hospital = Facility("facility:abc", "Surgical hospital", "medical", place=a_place("Kafranbel"))
    market = an_incident(reports[0])
    strike = an_incident(
        reports[1],
        first_date=date(2017, 9, 24),
        last_date=date(2017, 9, 24),
        place=a_place("Kafranbel"),
        attributions=(Attribution("Syrian government", 1),),
        weapons=("barrel_bomb",),
        facilities=(FacilityHit("medical", "Surgical hospital", facility_id="facility:abc"),),
    )
    shelling = an_incident(
        reports[2],
        first_date=date(2017, 11, 1),
        last_date=date(2017, 11, 1),
        place=a_place("Ariha"),
        weapons=("shelling",),
        facilities=(),
    )
    ids = [i.id for i in store.save_link([market, strike, shelling], registry=[hospital]).incidents]

    def found(**filters: object) -> list[int | None]:
        return [i.id for i in store.incidents(IncidentQuery(**filters))]  # type: ignore[arg-type]

    assert found() == [ids[1], ids[0], ids[2]]
    assert found(date_from=date(2017, 10, 1), date_to=date(2017, 10, 31)) == [ids[0]]
    assert found(place_ids=("geonames:168661",)) == [ids[1]]
    assert found(place="ariha") == [ids[2]]
    assert found(admin1="idlib") == [ids[1], ids[0], ids[2]]
    assert found(perpetrator="syrian government") == [ids[1]]
    assert found(weapon="shelling") == [ids[2]]
    assert found(facility="medical") == [ids[1]]
    assert found(facility="facility:abc") == [ids[1]]
    assert found(facility="market") == [ids[0]]
    assert found(grade="fair") == []
    assert found(limit=1, offset=1) == [ids[0]]
    assert store.facility_attacks() == {"facility:abc": [ids[1]]}
    assert store.get_facility("facility:abc") == hospital


def test_the_facility_registry_keeps_status_over_time(store: Store) -> None:
    [document] = _stored_documents(store, 1)
    first = Facility(
        "facility:abc",
        "Surgical hospital",
        "medical",
        place=a_place("Kafranbel"),
        statuses=(FacilityStatus("damaged", date(2017, 9, 24), f"{document.sha256}:0"),),
    )
    store.save_link([], registry=[first])
    later = replace(
        first,
        aliases=("the surgical hospital in Kafr Nabl",),
        statuses=(
            *first.statuses,
            FacilityStatus("out_of_service", date(2017, 10, 9), f"{document.sha256}:1"),
        ),
    )

    store.save_link([], registry=[later])

    assert store.facilities() == [later]
    assert store.get_facility("facility:abc").status == "out_of_service"
    with pytest.raises(NotFound, match="no facility facility:zzz"):
        store.get_facility("facility:zzz")


def test_link_decisions_are_kept_with_an_audit_entry(store: Store) -> None:
    reports = _reports(_stored_documents(store, 2))
    store.add_reports(reports, assembler="test-1")
    split = LinkDecision("cannot_link", (reports[0].key, reports[1].key), reason="two strikes")

    decision_id = store.add_link_decision(split, actor="analyst")

    [kept] = store.link_decisions()
    assert (kept.kind, kept.reports, kept.reason) == ("cannot_link", split.reports, "two strikes")
    [entry] = list(store.iter_audit(entity=f"link_decision:{decision_id}"))
    assert entry.actor == "analyst"
    with pytest.raises(NotFound, match="no report nope"):
        store.add_link_decision(LinkDecision("pin", ("nope",), incident_id=1))


def test_a_pin_decision_needs_an_incident_and_a_merge_two_reports() -> None:
    with pytest.raises(ValueError, match="needs the incident_id"):
        LinkDecision("pin", ("a:0",))
    with pytest.raises(ValueError, match="at least two reports"):
        LinkDecision("must_link", ("a:0", "a:0"))
    with pytest.raises(ValueError, match="link decision must be one of"):
        LinkDecision("merge", ("a:0", "b:0"))
