"""A quick summary (the store's flat rows) gives the same tables as the full one (whole
incidents), on SQLite and PostgreSQL: the same rules read both."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from builders import a_counted_incident, a_place_like, a_tally

from harmwatch.analyze import Area
from harmwatch.geo import Gazetteer
from harmwatch.model import Attribution, FacilityHit
from harmwatch.pipeline import summarize_store
from harmwatch.store import Store

START, END = date(2017, 9, 1), date(2017, 9, 30)
TOWNS = [
    a_place_like(),
    a_place_like(id="geonames:168325", name="Khan Shaykhun", lat=35.44208, lon=36.65095),
    a_place_like(id="geonames:170063", name="Aleppo", lat=36.2, lon=37.16, admin1="Aleppo",
                 admin2="Jebel Saman", admin1_pcode="SY02"),
]  # fmt: skip
GROUPS = ["people", "civilians", "children", "women", "fighters", "rescuers"]


def varied(n: int, seed: int = 5, first: int = -5) -> list:
    rng = random.Random(seed)
    out = []
    for k in range(1, n + 1):
        key = f"doc{k}:0"
        other = f"doc{k}b:0"
        tallies = []
        for kind in ("killed", "injured"):
            for group in rng.sample(GROUPS, rng.randint(0, 3)):
                given = [(key, rng.randint(0, 20))]
                if rng.random() < 0.3:
                    given.append((other, rng.randint(0, 20)))
                tallies.append(a_tally(kind, group, *given))
        if rng.random() < 0.3:
            tallies.append(a_tally("strikes", rng.choice(["airstrike", "barrel_bomb"]), (key, 3)))
        if rng.random() < 0.3:
            tallies.append(a_tally("facilities_hit", rng.choice(["medical", "any"]), (key, 2)))
        day = START + timedelta(days=rng.randint(first, 35))
        out.append(
            a_counted_incident(
                k,
                reports=(key, other),
                day=day,
                last_date=day + timedelta(days=rng.choice([0, 0, 0, 2])),
                time_precision=rng.choice([1, 1, 1, 2]),
                place=rng.choice(TOWNS),
                tallies=tuple(tallies),
                attributions=tuple(
                    Attribution(p, 1, rng.choice(["known", "suspected"]))
                    for p in rng.sample(["Russia", "Syrian government", "ISIS"], rng.randint(0, 2))
                ),
                weapons=tuple(
                    rng.sample(["airstrike", "barrel_bomb", "missile"], rng.randint(0, 2))
                ),
                facilities=tuple(
                    FacilityHit(rng.choice(["medical", "school", "any"]))
                    for _ in range(rng.randint(0, 2))
                ),
                grade=rng.choice([None, None, "fair", "confirmed", "discounted"]),
            )
        )
    return out


def tables(summary: object) -> tuple:
    fields = ("incidents", "left_out", "strikes", "facilities", "casualties", "by_grade",
              "by_perpetrator", "per_day", "per_week", "not_in_a_day")  # fmt: skip
    return tuple(getattr(summary, name) for name in fields)


def test_quick_and_full_summaries_agree_on_every_table(db_url: str) -> None:
    gazetteer = Gazetteer.load()
    with Store.open(db_url) as store:
        written = store.save_link([replace(i, id=None) for i in varied(120)])
        assert len(written.incidents) == 120
        for area in (
            Area.of_place(gazetteer.get("ocha:SY07")),
            Area.of_place(gazetteer.get("geonames:163843")),  # Syria
            Area.of_bbox(35.3, 36.5, 35.7, 36.8),
        ):
            for unverified in (True, False):
                full = summarize_store(
                    store, area=area, start=START, end=END, include_unverified=unverified,
                    gazetteer=gazetteer,
                )  # fmt: skip
                quick = summarize_store(
                    store, area=area, start=START, end=END, include_unverified=unverified,
                    quick=True, gazetteer=gazetteer,
                )  # fmt: skip

                assert tables(quick) == tables(full), area.label
                assert quick.incidents.value > 0
                assert quick.quick and quick.double_taps is None and not full.quick
                assert quick.surges == full.surges
                sums = [f for f in full.findings if f.message.startswith("in incidents")]
                assert [f for f in quick.findings if f.message.startswith("in incidents")] == sums


def test_the_sql_surge_baseline_counts_what_the_incidents_count(db_url: str) -> None:
    from harmwatch.analyze import facts_of, weekly_counts

    gazetteer = Gazetteer.load()
    incidents = varied(300, seed=9, first=-100)
    with Store.open(db_url) as store:
        stored = store.save_link([replace(i, id=None) for i in incidents]).incidents
        for area_id, names in (("ocha:SY07", ("Idlib",)), ("geonames:163843", ("Aleppo", "Idlib"))):
            area = Area.of_place(gazetteer.get(area_id))
            for unverified in (True, False):
                counted = weekly_counts(
                    store.daily_counts(
                        date_from=START - timedelta(weeks=13),
                        date_to=START - timedelta(days=1),
                        admin1=names,
                        place_ids=(area_id,),
                    ),
                    include_unverified=unverified,
                )
                expected: dict[date, tuple[int, int]] = {}
                for incident in stored:
                    facts = facts_of(incident)
                    last = incident.last_date or incident.first_date
                    if not (START - timedelta(weeks=13) <= incident.first_date and last < START):
                        continue
                    if not area.contains(incident.place) or incident.grade == "discounted":
                        continue
                    if incident.grade is None and not unverified:
                        continue
                    week = incident.first_date - timedelta(days=incident.first_date.weekday())
                    n, killed = expected.get(week, (0, 0))
                    toll = facts.tolls.get(("killed", "people"), (0, 0, 0, 0))[0]
                    expected[week] = (n + 1, killed + toll)

                assert counted == expected
                assert sum(n for n, _ in counted.values()) > 10
