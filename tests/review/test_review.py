"""Analysts grade, correct, merge, split and annotate; every decision survives and is audited.

Each test builds a real store (SQLite and PostgreSQL) with documents, claims, reports and
incidents, acts as named users, and checks what a reader of the incident then sees.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from builders import (
    DEFAULT_TEXT,
    World,
    a_document,
    a_figure,
    a_place,
    a_report,
    a_review_world,
    an_extraction,
    an_incident,
    rebuild,
    tamper,
)

from harmwatch import review
from harmwatch.errors import Conflict, Forbidden, InputError, NotFound
from harmwatch.model import User
from harmwatch.store import Store


@pytest.fixture
def world(store: Store) -> World:
    return a_review_world(store)


def _version(world: World, incident_id: int) -> int:
    return world.store.get_incident(incident_id).version


def _seen_by(world: World, incident_id: int, user: User | None) -> review.ReviewedIncident:
    return review.reviewed_incident(world.store, incident_id, user=user)


# --- grading -----------------------------------------------------------------------------------


def test_an_analyst_grades_an_incident_and_the_log_says_who(world: World) -> None:
    a = world.a
    assert a.id is not None

    written = review.grade_incident(
        world.store, a.id, "fair", by=world.analyst, version=a.version, reason="two sources"
    )

    stored = world.store.get_incident(a.id)
    assert stored.grade == "fair"
    assert stored.version == a.version + 1 == written.versions[a.id]
    seen = _seen_by(world, a.id, world.viewer)
    assert seen.grading is not None and seen.grading.actor == "omar"
    assert seen.needs_review == ()
    [entry] = world.store.iter_audit(entity=f"incident:{a.id}")
    assert (entry.actor, entry.action) == ("omar", "review.grade")
    assert entry.before == {"grade": None}
    assert entry.after is not None and entry.after["grade"] == "fair"
    pins = [d for d in world.store.link_decisions() if d.kind == "pin"]
    assert [(d.incident_id, d.reports) for d in pins] == [(a.id, a.reports)]
    assert world.store.verify_audit() > 0


def test_a_viewers_write_is_refused_and_nothing_changes(world: World) -> None:
    a = world.a
    assert a.id is not None
    with pytest.raises(Forbidden, match="sam has the role viewer; reviewing incidents needs"):
        review.grade_incident(world.store, a.id, "fair", by=world.viewer, version=a.version)
    with pytest.raises(Forbidden, match="reviewing incidents needs a named user"):
        review.add_note(world.store, a.id, "seen", by=None, version=a.version)
    assert world.store.get_incident(a.id) == a
    assert world.store.reviews_of([a.id]) == {}


def test_a_stale_write_is_refused_with_a_clear_message(world: World) -> None:
    a = world.a
    assert a.id is not None
    opened = a.version  # both analysts open the incident
    review.grade_incident(world.store, a.id, "weak", by=world.analyst, version=opened)
    entries_before = world.store.counts()["audit_log"]

    with pytest.raises(Conflict) as refused:
        review.grade_incident(world.store, a.id, "fair", by=world.other, version=opened)

    assert str(refused.value) == (
        f"incident {a.id} changed since you opened it; reload and review again"
    )
    assert world.store.get_incident(a.id).grade == "weak"
    assert world.store.counts()["audit_log"] == entries_before


def test_an_unknown_grade_or_incident_is_one_clear_line(world: World) -> None:
    a = world.a
    assert a.id is not None
    with pytest.raises(InputError, match="grade must be one of confirmed, fair, weak"):
        review.grade_incident(world.store, a.id, "probable", by=world.analyst, version=1)
    with pytest.raises(NotFound, match="no incident 999"):
        review.grade_incident(world.store, 999, "fair", by=world.analyst, version=1)


# --- corrections -------------------------------------------------------------------------------


def test_corrections_supersede_and_the_linked_values_stay(world: World) -> None:
    a = world.a
    assert a.id is not None
    store, user = world.store, world.analyst
    review.correct_field(
        store, a.id, "date", "2017-09-30", by=user, version=a.version, reason="local time"
    )
    review.correct_field(
        store,
        a.id,
        "place",
        a_place("Kafranbel"),
        by=user,
        version=_version(world, a.id),
        reason="the market is in Kafranbel",
    )
    review.correct_field(
        store,
        a.id,
        "perpetrator",
        "Syrian government",
        by=user,
        version=_version(world, a.id),
        reason="helicopter, barrel bombs",
    )
    review.correct_field(
        store,
        a.id,
        "best:killed:civilians",
        25,
        by=user,
        version=_version(world, a.id),
        reason="names list of 25",
    )

    seen = _seen_by(world, a.id, world.viewer)
    now, linked = seen.incident, seen.original
    assert (now.first_date, now.last_date) == (date(2017, 9, 30), date(2017, 9, 30))
    assert now.place is not None and now.place.name == "Kafranbel"
    assert [x.perpetrator for x in now.attributions] == ["Syrian government"]
    [tally] = now.tallies
    assert (tally.best, tally.low, tally.high) == (25, 9, 25)
    assert tally.rule == "corrected by omar: names list of 25"
    # nothing was written over: the stored incident is what linking made
    assert linked == store.get_incident(a.id)
    assert linked.first_date == date(2017, 10, 1)
    assert linked.place is not None and linked.place.name == "Maarat al-Numan"
    assert [c.value["was"] for c in seen.corrections] == [
        {"first": "2017-10-01", "last": "2017-10-01"},
        "geonames:167611",
        ["Russia"],
        9,
    ]
    # the log names each correction but never holds its value or reason
    entries = list(store.iter_audit(entity=f"incident:{a.id}"))
    assert [e.action for e in entries] == ["review.correct"] * 4
    assert "Kafranbel" not in str([e.after for e in entries])
    assert "names list" not in str([e.after for e in entries])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "yesterday", "a date must be YYYY-MM-DD"),
        ("date", "2017-10-03..2017-10-01", "the last date 2017-10-01 is before"),
        ("perpetrator", "Martians", "perpetrator Martians is not an actor harmwatch knows"),
        ("best:killed:aliens", 3, "killed counts one of people, civilians"),
        ("best:killed:civilians", -1, "a best value cannot be negative"),
        ("weather", "sunny", "can correct date, place, perpetrator or best:<kind>:<group>"),
    ],
)
def test_a_bad_correction_is_one_clear_line(
    world: World, field: str, value: Any, message: str
) -> None:
    a = world.a
    assert a.id is not None
    with pytest.raises(InputError, match=message):
        review.correct_field(
            world.store, a.id, field, value, by=world.analyst, version=a.version, reason="x"
        )


def test_a_correction_without_a_reason_is_refused(world: World) -> None:
    a = world.a
    assert a.id is not None
    with pytest.raises(InputError, match="a correction needs a reason"):
        review.correct_field(
            world.store, a.id, "date", "2017-09-30", by=world.analyst, version=a.version, reason=""
        )


# --- decisions survive relinks -----------------------------------------------------------------


def test_a_relink_keeps_grade_and_corrections_and_flags_a_confirmed_incident(
    world: World,
) -> None:
    a = world.a
    assert a.id is not None
    store, user = world.store, world.analyst
    review.correct_field(
        store, a.id, "date", "2017-09-30", by=user, version=a.version, reason="local time"
    )
    review.grade_incident(store, a.id, "confirmed", by=user, version=_version(world, a.id))
    assert _seen_by(world, a.id, user).needs_review == ()

    # A relink that changes nothing keeps everything, version included.
    before = store.get_incident(a.id)
    store.save_link([replace(an_incident(*world.reports[:2]), id=a.id)])
    assert store.get_incident(a.id) == before

    # A relink where a new source joins: the grade and the correction stay, the incident is
    # flagged for review again instead of silently changed.
    store.save_link([an_incident(*world.reports, id=a.id)], retire=[world.b.id or 0])
    seen = _seen_by(world, a.id, user)
    assert seen.incident.grade == "confirmed"
    assert seen.incident.first_date == date(2017, 9, 30)
    assert seen.needs_review == ("a relink changed it since it was confirmed: review it again",)
    [item] = [i for i in review.review_queue(store) if i.incident_id == a.id]
    assert item.priority == 0


# --- merges and splits -------------------------------------------------------------------------


def test_merging_two_incidents_keeps_one_with_every_source(world: World) -> None:
    a, b = world.a, world.b
    assert a.id is not None and b.id is not None
    store = world.store
    review.add_note(store, b.id, "the same strike as the market one", by=world.other, version=1)

    written = review.merge_incidents(
        store,
        a.id,
        b.id,
        by=world.analyst,
        version=a.version,
        other_version=_version(world, b.id),
        reason="same market, same hour",
        rebuild=rebuild,
    )

    merged = store.get_incident(a.id)
    assert sorted(merged.reports) == sorted(r.key for r in world.reports)
    assert written.versions == {a.id: merged.version}
    with pytest.raises(NotFound):
        store.get_incident(b.id)
    assert store.membership() == {r.key: a.id for r in world.reports}
    seen = _seen_by(world, a.id, world.analyst)
    assert seen.merged_from == (b.id,)
    assert [n.value for n in seen.notes] == ["the same strike as the market one"]
    pins = [d for d in store.link_decisions() if d.kind == "pin"]
    assert pins[-1].incident_id == a.id and pins[-1].reports == merged.reports
    assert store.verify_audit() > 0


def test_splitting_reports_out_makes_a_new_incident_both_pinned(world: World) -> None:
    a = world.a
    assert a.id is not None
    store = world.store
    moving = world.reports[1].key

    written = review.split_incident(
        store, a.id, [moving], by=world.analyst, version=a.version, reason="a day later",
        rebuild=rebuild,
    )  # fmt: skip

    [new_id] = written.created
    assert store.get_incident(a.id).reports == (world.reports[0].key,)
    assert store.get_incident(new_id).reports == (moving,)
    pins = {(d.incident_id, d.reports) for d in store.link_decisions() if d.kind == "pin"}
    assert pins == {(a.id, (world.reports[0].key,)), (new_id, (moving,))}
    queue = {i.incident_id: i.reasons for i in review.review_queue(store)}
    assert queue[new_id] == ("new: not graded yet",)
    with pytest.raises(InputError, match="not none or all"):
        review.split_incident(
            store, a.id, [world.reports[0].key], by=world.analyst,
            version=_version(world, a.id), reason="x", rebuild=rebuild,
        )  # fmt: skip


# --- claims ------------------------------------------------------------------------------------


def test_a_rejected_claim_stops_counting_but_stays_stored(world: World) -> None:
    a = world.a
    assert a.id is not None
    store = world.store
    second = world.documents[1].sha256
    store.save_link(
        [
            an_incident(
                *world.reports[:2],
                id=a.id,
                tallies=(
                    replace(
                        a.tallies[0],
                        best=23,
                        low=23,
                        high=30,
                        rule="lower of 2 sources",
                        figures=(
                            (world.reports[0].key, a_figure(23, claim=0)),
                            (world.reports[1].key, a_figure(30, claim=0)),
                        ),
                    ),
                ),
            )
        ]
    )
    claim = review.claim_key(second, 0)

    review.reject_claim(
        store, a.id, claim, by=world.analyst, version=_version(world, a.id), reason="a typo"
    )

    seen = _seen_by(world, a.id, world.analyst)
    [tally] = seen.incident.tallies
    assert (tally.low, tally.high) == (23, 23)
    assert [key for key, _ in tally.figures] == [world.reports[0].key]
    assert seen.rejected_claims == (claim,)
    assert store.claims_for(second)[0].value == 23  # the claim itself is kept
    evidence = review.incident_evidence(store, seen)
    assert [e.rejected for s in evidence for e in s.evidence] == [False, True]


def test_an_added_claim_quotes_its_span_in_a_stored_document(world: World) -> None:
    a = world.a
    assert a.id is not None
    sha = world.documents[0].sha256
    start = DEFAULT_TEXT.index("40 injured")

    review.add_claim(
        world.store, a.id, document_sha256=sha, start=start, end=start + len("40 injured"),
        kind="injured", subject="people", value=40, by=world.analyst, version=a.version,
        reason="the extractor missed it",
    )  # fmt: skip

    seen = _seen_by(world, a.id, world.analyst)
    [added] = seen.added_claims
    assert added.value["text"] == "40 injured"
    last = review.incident_evidence(world.store, seen)[-1]
    assert (last.evidence[0].quote, last.evidence[0].added_by) == ("40 injured", "omar")
    assert "40 injured" in last.evidence[0].sentence
    with pytest.raises(InputError, match="is not inside document"):
        review.add_claim(
            world.store, a.id, document_sha256=sha, start=5, end=10_000, kind="injured",
            subject="people", value=1, by=world.analyst, version=_version(world, a.id),
            reason="x",
        )  # fmt: skip


# --- notes and confidentiality -----------------------------------------------------------------


def test_confidential_notes_and_fields_never_reach_a_viewer(world: World) -> None:
    a = world.a
    assert a.id is not None
    store, user = world.store, world.analyst
    review.add_note(store, a.id, "cross-checked with the hospital list", by=user, version=a.version)
    secret = review.add_note(
        store,
        a.id,
        "witness: Ahmad, +963 944 000 000",
        by=user,
        version=_version(world, a.id),
        confidential=True,
    )
    review.correct_field(
        store, a.id, "place", a_place("Kafranbel"), by=user, version=_version(world, a.id),
        reason="from the witness", confidential=True,
    )  # fmt: skip

    viewer = _seen_by(world, a.id, world.viewer)
    public = _seen_by(world, a.id, None)
    analyst = _seen_by(world, a.id, world.other)

    for seen in (viewer, public):
        text = str(seen)
        assert "Ahmad" not in text and "Kafranbel" not in text and "witness" not in text
        assert [n.value for n in seen.notes] == ["cross-checked with the hospital list"]
        assert seen.incident.place is None
        assert seen.withheld == ("place", "1 confidential notes")
    assert [n.value for n in analyst.notes][-1] == "witness: Ahmad, +963 944 000 000"
    assert analyst.incident.place is not None and analyst.incident.place.name == "Kafranbel"
    assert analyst.confidential == ("note:" + str(secret.entry.id), "place")
    # the audit log never carries a note's text
    assert "Ahmad" not in str([e.after for e in store.iter_audit()])


def test_a_field_can_be_marked_confidential_later_and_a_confidential_source_is_hidden(
    store: Store,
) -> None:
    documents = [a_document(f"{DEFAULT_TEXT} Source {n}.", confidential=(n == 1)) for n in range(2)]
    for document in documents:
        store.add_document(document, an_extraction())
    reports = [a_report(f"{d.sha256}:0", source=d.source) for d in documents]
    store.add_reports(reports, assembler="test-1")
    [incident] = store.save_link([an_incident(*reports)]).incidents
    assert incident.id is not None
    admin, _ = review.add_user(store, "rima", "admin", by=None, unnamed="-")
    viewer, _ = review.add_user(store, "sam", "viewer", by=admin, unnamed="-")

    review.mark_confidential(store, incident.id, "perpetrator", by=admin, version=incident.version)

    seen = review.reviewed_incident(store, incident.id, user=viewer)
    assert seen.incident.attributions == ()
    assert [s.document_sha256 for s in seen.incident.sources] == [documents[0].sha256]
    assert seen.withheld == ("perpetrator", "1 confidential sources")
    full = review.reviewed_incident(store, incident.id, user=admin)
    assert len(full.incident.sources) == 2 and full.incident.attributions
    with pytest.raises(NotFound, match="has no note 7"):
        review.mark_confidential(
            store, incident.id, "note:7", by=admin, version=incident.version + 1
        )


# --- the queue and the log ---------------------------------------------------------------------


def test_the_queue_lists_new_incidents_and_doubtful_claims_first(world: World) -> None:
    a, b = world.a, world.b
    assert a.id is not None and b.id is not None

    queue = review.review_queue(world.store)

    assert [(i.incident_id, i.reasons) for i in queue] == [
        (b.id, ("1 low-confidence claim", "new: not graded yet")),
        (a.id, ("new: not graded yet",)),
    ]
    review.grade_incident(world.store, a.id, "fair", by=world.analyst, version=a.version)
    assert [i.incident_id for i in review.review_queue(world.store)] == [b.id]


def test_verify_names_a_review_row_or_a_grade_changed_in_the_database(
    world: World, db_url: str
) -> None:
    a = world.a
    assert a.id is not None
    written = review.add_note(world.store, a.id, "seen", by=world.analyst, version=a.version)
    review.grade_incident(
        world.store, a.id, "weak", by=world.analyst, version=_version(world, a.id)
    )
    assert world.store.verify_audit() > 0

    tamper(db_url, f"UPDATE review_entries SET value = '\"unseen\"' WHERE id = {written.entry.id}")
    tamper(db_url, f"UPDATE incidents SET grade = 'confirmed' WHERE id = {a.id}")
    tamper(db_url, "UPDATE link_decisions SET incident_id = 99")

    problems = [p.message for p in world.store.check_audit().problems]
    assert problems[0].startswith(f"review entry {written.entry.id} (incident {a.id}) differs")
    assert problems[1].startswith(f"incident {a.id} has grade confirmed but entry ")
    assert problems[1].endswith("graded it weak")
    assert problems[2].startswith("link decision 1 differs from what entry ")


def test_two_analysts_writing_at_once_one_wins_and_one_is_told_to_reload(
    world: World, db_url: str
) -> None:
    import threading

    a = world.a
    assert a.id is not None
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def grade(user: User, value: str) -> None:
        with Store.open(db_url) as own:
            start.wait()
            try:
                review.grade_incident(own, a.id or 0, value, by=user, version=a.version)
                outcomes[user.name] = "written"
            except Conflict as error:
                outcomes[user.name] = str(error)

    threads = [
        threading.Thread(target=grade, args=(world.analyst, "fair")),
        threading.Thread(target=grade, args=(world.other, "weak")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes.values()) == [
        f"incident {a.id} changed since you opened it; reload and review again",
        "written",
    ]
    winner = next(name for name, outcome in outcomes.items() if outcome == "written")
    stored = world.store.get_incident(a.id)
    assert stored.grade == {"omar": "fair", "lina": "weak"}[winner]
    assert stored.version == a.version + 1
    assert world.store.verify_audit() > 0
