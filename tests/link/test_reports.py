"""A document's reports: one per event it describes, one period total for its area counts."""

from __future__ import annotations

from datetime import date

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate
from harmwatch.link import assemble_reports
from harmwatch.model import Report

SHA = "c" * 64


def _reports(text: str, published: date) -> list[Report]:
    extraction = locate(extract_text(text, published=published), text, Gazetteer.load())
    return assemble_reports(extraction, document_sha256=SHA, source="doc.txt", text=text)


def _figures(report: Report) -> set[tuple[str, str, int]]:
    return {(f.kind, f.subject, f.value) for f in report.figures}


def test_a_story_about_one_strike_is_one_report_at_its_town_and_day() -> None:
    text = (
        "Airstrikes kill at least 12 in Saraqib\n"
        "At least 12 civilians were killed and 30 injured when airstrikes hit the market in "
        "Saraqib on Sunday, rescuers said.\n"
        "Two of the rescuers were wounded by a second strike on the same street."
    )

    [report] = _reports(text, date(2019, 5, 20))

    assert report.key == f"{SHA}:0"
    assert not report.period_total
    assert report.place is not None and report.place.name == "Saraqib"
    assert (report.date_start, report.time_precision, report.geo_precision) == (
        date(2019, 5, 19),
        1,
        1,
    )
    assert ("killed", "civilians", 12) in _figures(report)
    assert report.figures[0].evidence == "At least 12 civilians"  # the dated sentence first


def test_a_story_about_three_towns_is_three_reports() -> None:
    text = (
        "On Monday 3 June 2019, airstrikes killed 5 civilians in Saraqib. "
        "In Ariha, 3 civilians were killed by shelling. "
        "In Kafranbel, 2 children were killed."
    )

    reports = _reports(text, date(2019, 6, 3))

    places = [r.place.name for r in reports if r.place is not None]
    assert len(reports) == 3 and len(set(places)) == 3
    assert not any(r.period_total for r in reports)


def test_a_province_bulletin_is_one_period_total_never_split() -> None:
    text = (
        "Monthly report: Idlib governorate, May 2019\n"
        "Over the past month our team documented 1,200 airstrikes on Idlib governorate that "
        "killed 230 civilians, including 61 children and 40 women.\n"
        "Attacks on vital civilian facilities: 38, including 12 medical facilities and 9 schools."
    )

    [total] = _reports(text, date(2019, 6, 1))

    assert total.period_total
    assert total.time_precision == 3 and total.geo_precision == 3
    assert {("strikes", "airstrike", 1200), ("killed", "civilians", 230)} <= _figures(total)
    assert total.facilities == ()  # "12 medical facilities" names no one facility


def test_a_count_since_a_date_stays_in_the_period_total() -> None:
    text = (
        "Since 19 September, 12 medical facilities in Idlib have been attacked. "
        "Two nurses were killed on 9 October when the surgical hospital in Kafranbel was "
        "struck."
    )

    reports = _reports(text, date(2017, 10, 9))

    [event] = [r for r in reports if not r.period_total]
    [total] = [r for r in reports if r.period_total]
    assert ("facilities_hit", "medical", 12) in _figures(total)
    assert ("killed", "medical_staff", 2) in _figures(event)
    assert event.date_start == date(2017, 10, 9)
    assert [h.name for h in event.facilities] == ["surgical hospital in Kafranbel"]


def test_a_report_that_gives_no_day_is_dated_by_a_window_before_publication() -> None:
    text = "Four civilians were killed in Ariha by regime shelling, the civil defence said."

    [report] = _reports(text, date(2019, 6, 10))

    assert (report.date_start, report.date_end, report.time_precision) == (
        date(2019, 6, 8),
        date(2019, 6, 10),
        2,
    )
    assert report.perpetrators == ("Syrian government",)


def test_a_facility_hit_on_a_day_with_no_count_is_an_event_of_its_own() -> None:
    text = (
        "Health partners report new attacks.\n"
        "On 12 May, the central hospital in Saraqib was hit by air strikes and put out of "
        "service. Staff moved the patients to other towns.\n"
        "Hospitals in the province have been hit before."
    )

    [report] = _reports(text, date(2019, 5, 20))

    assert report.place is not None and report.place.name == "Saraqib"
    assert (report.date_start, report.date_end, report.time_precision) == (
        date(2019, 5, 12),
        date(2019, 5, 12),
        1,
    )
    assert report.figures == ()
    assert [(h.type, h.status) for h in report.facilities] == [("medical", "out_of_service")]


def test_a_facility_named_without_a_day_or_with_several_towns_makes_no_event() -> None:
    text = (
        "The central hospital in Saraqib was hit by air strikes and put out of service.\n"
        "On 12 May, hospitals in Ariha and Kafranbel were hit by air strikes."
    )

    assert _reports(text, date(2019, 5, 20)) == []
