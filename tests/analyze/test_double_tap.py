"""A site struck again soon after, hitting rescuers, is a double tap; near misses are not."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from builders import a_counted_incident, a_place_like, a_source_report
from typer.testing import CliRunner

from harmwatch.analyze import (
    Area,
    DoubleTapSettings,
    cue_sentences,
    find_double_taps,
    says_double_tap,
    summarize,
    summary_to_dict,
)
from harmwatch.cli import app
from harmwatch.model import FacilityHit, Incident, Report

DAY = date(2017, 9, 27)
SITE = a_place_like(id="x:market", name="Khan Shaykhun market", feature="site", lat=35.4420,
               lon=36.6510)  # fmt: skip


def a_strike(id: int, at: datetime | None, **changes: Any) -> tuple[Incident, Report]:
    """An incident of one report, at a time of day (or none), at the market by default."""
    key = f"doc{id}:0"
    cues = changes.pop("cues", ())
    fields: dict[str, Any] = {"place": SITE, "day": (at.date() if at else DAY)}
    fields.update(changes)
    incident = a_counted_incident(id, **fields)
    report = a_source_report(key, at=at, cues=cues,
                      place=incident.place)  # fmt: skip
    return incident, report


def find(*strikes: tuple[Incident, Report], **settings: Any) -> list[Any]:
    incidents = [i for i, _ in strikes]
    reports = {r.key: r for _, r in strikes}
    return list(
        find_double_taps(incidents, reports=reports, settings=DoubleTapSettings(**settings))
    )


def test_the_same_site_struck_40_minutes_later_killing_rescuers_is_a_double_tap() -> None:
    first = a_strike(1, datetime(2017, 9, 27, 10, 5), killed={"civilians": 6})
    second = a_strike(2, datetime(2017, 9, 27, 10, 45), killed={"rescuers": 3},
                      place=a_place_like(id="x:near", feature="site", lat=35.4428,
                                    lon=36.6516))  # fmt: skip

    [tap] = find(second, first)

    assert tap.incidents == (1, 2) and tap.order_known
    assert tap.gap_minutes == 40
    assert tap.basis == "distance" and tap.distance_m is not None and tap.distance_m < 300
    assert tap.responders_hit is True


def test_the_same_town_3_km_apart_is_not_a_double_tap() -> None:
    first = a_strike(1, datetime(2017, 9, 27, 10, 5))
    elsewhere = a_place_like(id="x:farm", feature="site", lat=35.4690, lon=36.6510)  # ~3 km north
    second = a_strike(2, datetime(2017, 9, 27, 10, 45), killed={"rescuers": 3}, place=elsewhere)

    assert find(first, second) == []


def test_the_same_site_the_next_day_is_not_a_double_tap() -> None:
    first = a_strike(1, None)
    second = a_strike(2, None, day=date(2017, 9, 28), killed={"rescuers": 3})

    assert find(first, second) == []


def test_the_same_site_three_hours_later_is_not_a_double_tap_by_default() -> None:
    first = a_strike(1, datetime(2017, 9, 27, 10, 5))
    second = a_strike(2, datetime(2017, 9, 27, 13, 5))

    assert find(first, second) == []
    assert [t.gap_minutes for t in find(first, second, window_minutes=240)] == [180]


def test_without_times_the_same_site_on_the_same_day_is_paired_in_unknown_order() -> None:
    first = a_strike(1, None)
    second = a_strike(2, None, killed={"medical_staff": 1})

    [tap] = find(first, second)

    assert tap.same_day and not tap.order_known and tap.gap_minutes is None
    assert tap.responders_hit is True


def test_two_strikes_known_only_to_their_town_use_the_wider_distance() -> None:
    town = a_place_like(id="geonames:168325", feature="town", lat=35.44208, lon=36.65095)
    first = a_strike(1, None, place=town)
    second = a_strike(2, None, place=town)
    region = a_strike(3, None, place=town, geo_precision=3)

    [tap] = find(first, second, region)

    assert tap.incidents == (1, 2) and tap.distance_m == 0
    assert tap.responders_hit is False  # the second's victims are known: civilians only


def test_the_same_facility_is_the_same_site_wherever_each_source_placed_it() -> None:
    hospital = FacilityHit("medical", "surgical hospital", facility_id="facility:7")
    first = a_strike(1, datetime(2017, 9, 27, 9, 0), facilities=(hospital,))
    far = a_place_like(id="x:other", feature="site", lat=35.47, lon=36.65)
    second = a_strike(2, datetime(2017, 9, 27, 9, 20), facilities=(hospital,), place=far)

    [tap] = find(first, second)

    assert tap.basis == "same facility" and tap.gap_minutes == 20


def test_only_pairs_that_hit_responders_are_kept_when_asked() -> None:
    first = a_strike(1, None)
    second = a_strike(2, None, killed={"civilians": 2})

    assert find(first, second, require_responders=True) == []


def test_a_source_that_says_so_in_words_is_a_double_tap_of_one_incident() -> None:
    words = a_strike(1, None, cues=("the site was struck again as rescuers arrived",))
    plain = a_strike(2, None, cues=("the market was crowded",), place=a_place_like())

    [tap] = find(words, plain)

    assert tap.incidents == (1,) and tap.basis == "words"
    assert tap.evidence == ("the site was struck again as rescuers arrived",)


def test_the_summary_prints_the_settings_the_rule_and_the_published_definitions() -> None:
    first, r1 = a_strike(1, datetime(2017, 9, 27, 10, 5))
    second, r2 = a_strike(2, datetime(2017, 9, 27, 10, 45), killed={"rescuers": 3})

    out = summary_to_dict(
        summarize(
            [first, second],
            area=Area.of_place(a_place_like(id="ocha:SY07", feature="governorate")),
            start=DAY,
            end=DAY,
            reports={r1.key: r1, r2.key: r2},
        )
    )

    taps = out["double_taps"]
    assert taps["settings"]["distance_m"] == 300 and taps["settings"]["window_minutes"] == 60
    assert "within 300 m" in taps["rule"] and "60 minutes" in taps["rule"]
    assert [d["by"].split(",")[0] for d in taps["definitions"]] == [
        "UN Panel of Experts on Yemen",
        "Syria Justice and Accountability Centre",
    ]
    assert taps["found"][0]["incidents"] == [1, 2]
    assert taps["found"][0]["responders_hit"] is True


def test_flags_name_the_later_strike_of_a_double_tap_zones_in_force_and_massacres() -> None:
    from harmwatch.analyze import incident_flags
    from harmwatch.geo import Zones

    first, r1 = a_strike(1, datetime(2017, 9, 27, 10, 5), killed={"civilians": 6})
    second, r2 = a_strike(2, datetime(2017, 9, 27, 10, 45), killed={"rescuers": 3})
    fighters, r3 = a_strike(3, None, killed={"people": 9, "fighters": 7}, place=a_place_like())

    flags = incident_flags(
        [first, second, fighters],
        reports={r.key: r for r in (r1, r2, r3)},
        zones=Zones.load(),
    )

    assert flags == {
        1: ("zone:idlib", "massacre"),
        2: ("double_tap", "zone:idlib"),
        3: ("zone:idlib",),
    }


def test_the_sentences_around_a_reports_claims_that_say_so_are_its_cues() -> None:
    text = (
        "Jets hit the bakery in Saraqib at noon. Medics ran to the site. "
        "A second strike hit them as they arrived. Four medics were killed. "
        "Elsewhere, shelling hit Ariha."
    )
    spans = [(0, 39), (40, 63), (64, 106), (107, 132), (133, len(text))]

    assert cue_sentences(text, spans, [3]) == ("A second strike hit them as they arrived.",)
    assert cue_sentences(text, spans, [0]) == ()  # two sentences away: not this report's
    assert says_double_tap("the hospital was struck again as rescuers arrived")
    assert not says_double_tap("the hospital was struck at dawn")


def test_a_source_that_says_so_in_words_makes_a_double_tap_from_the_store(tmp_path: Path) -> None:
    report = tmp_path / "saraqib.txt"
    report.write_text(
        "Saraqib, Idlib, 3 October 2017\n\n"
        "Warplanes struck the vegetable market in Saraqib, Idlib province, at 10:05 on "
        "3 October 2017. Rescuers rushed to the site. Minutes later the market was struck again "
        "as rescuers arrived. Three civil defence volunteers were killed.\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'tap.db'}"
    runner = CliRunner()
    ingest = runner.invoke(app, ["--db", url, "ingest", str(report)])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(
        app,
        ["--db", url, "summary", "--place", "Idlib", "--from", "2017-10-01", "--to",
         "2017-10-07", "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output

    [tap] = json.loads(result.output)["double_taps"]["found"]
    assert tap["basis"] == "words" and tap["responders_hit"] is True
    assert "Minutes later the market was struck again as rescuers arrived." in tap["evidence"]
