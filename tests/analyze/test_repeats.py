"""A facility hit again and again is listed with every hit; a week far above its baseline is a
surge, with the statistic named."""

from __future__ import annotations

from datetime import date, timedelta

from builders import a_counted_incident

from harmwatch.analyze import SurgeSettings, find_repeat_attacks, find_surges
from harmwatch.model import FacilityHit

HOSPITAL = FacilityHit("medical", "Kafr Nabl surgical hospital", facility_id="facility:12")


def test_a_hospital_hit_three_times_lists_each_hit_and_those_in_the_period() -> None:
    incidents = [
        a_counted_incident(1, day=date(2017, 8, 2), facilities=(HOSPITAL,)),
        a_counted_incident(2, day=date(2017, 9, 25), facilities=(HOSPITAL,)),
        a_counted_incident(3, day=date(2017, 9, 29), facilities=(HOSPITAL,)),
        a_counted_incident(4, day=date(2017, 9, 29), facility_types=("school",)),
    ]

    [repeat] = find_repeat_attacks(incidents, start=date(2017, 9, 20), end=date(2017, 10, 1))

    assert repeat.facility == "facility:12" and repeat.type == "medical"
    assert repeat.hits == ((1, date(2017, 8, 2)), (2, date(2017, 9, 25)), (3, date(2017, 9, 29)))
    assert repeat.in_period == 2


def test_a_facility_without_a_registry_id_is_matched_by_type_name_and_place() -> None:
    bakery = FacilityHit("bakery", "Al-Amal Bakery")
    incidents = [
        a_counted_incident(1, facilities=(bakery,)),
        a_counted_incident(2, facilities=(FacilityHit("bakery", "al-amal bakery"),)),
    ]

    [repeat] = find_repeat_attacks(incidents)

    assert [i for i, _ in repeat.hits] == [1, 2]


def test_a_week_far_above_the_baseline_is_a_surge() -> None:
    start = date(2017, 9, 25)  # a Monday
    baseline = [
        a_counted_incident(n, day=start - timedelta(weeks=w), killed={"people": 2})
        for n, w in enumerate(range(1, 13), start=1)
    ]
    surge_week = [a_counted_incident(100 + n, day=start + timedelta(days=n % 7)) for n in range(8)]

    surges = find_surges([*baseline, *surge_week], start=start, end=start + timedelta(days=6))

    assert [(s.measure, s.value, s.median) for s in surges] == [
        ("incidents", 8, 1),
        ("killed", 184, 2),
    ]
    assert surges[0].incidents == tuple(range(100, 108))
    assert "robust z-score" in SurgeSettings().describe()


def test_an_ordinary_week_is_not_a_surge() -> None:
    start = date(2017, 9, 25)
    weeks = [a_counted_incident(n, day=start - timedelta(weeks=n % 13)) for n in range(1, 40)]

    assert find_surges(weeks, start=start, end=start + timedelta(days=6)) == ()
