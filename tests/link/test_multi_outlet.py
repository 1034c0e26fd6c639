"""One strike as several outlets tell it, through the real extractor, geocoder, assembler and
linker: different spellings, a weekday against a date, a lower and a raised toll, Arabic and
English, a later update and a weekly bulletin all join; the strike on the same town the next
day and the one on the neighbouring village the same day stay apart.

The texts are written for these tests (a strike on Saraqib market, Tuesday 14 November 2017).
"""

from __future__ import annotations

from datetime import date

import pytest

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate
from harmwatch.link import assemble_reports, link_reports
from harmwatch.model import Incident, Report

STRIKE = date(2017, 11, 14)
SARAQIB = "Saraqib"

# outlet -> (published, text)
OUTLETS: dict[str, tuple[date, str]] = {
    "wire": (
        STRIKE,
        "Air strikes kill seven in Syrian market town\n\n"
        "BEIRUT, Nov 14 (Wire) - Air strikes on the market of Saraqib in Syria's Idlib province "
        "killed seven civilians on Tuesday, including two children, a war monitor said. The "
        "monitor said the jets were believed to be Russian.",
    ),
    "local": (
        date(2017, 11, 15),
        "Sarakeb: toll of market massacre reaches nine\n\n"
        "At least 9 people were killed and 30 wounded when warplanes struck the vegetable market "
        "in Sarakeb yesterday, the town's local council said on Wednesday.",
    ),
    "arabic": (
        STRIKE,
        "سراقب: مقتل سبعة مدنيين بينهم طفلان بغارات على السوق\n\n"
        "قُتل سبعة مدنيين بينهم طفلان وأصيب أكثر من 25 آخرين، اليوم الثلاثاء، بغارات جوية "
        "روسية استهدفت سوق الخضار في مدينة سراقب بريف إدلب الشرقي.",
    ),
    "update": (
        date(2017, 11, 17),
        "Saraqeb market strike: death toll rises to 12\n\n"
        "The death toll from Tuesday's air strike on the vegetable market in Saraqeb has risen "
        "to 12, among them three children, after three of the wounded died in hospital, the "
        "civil defence said on Friday.",
    ),
    "bulletin": (
        date(2017, 11, 20),
        "Weekly bulletin: Idlib, 13 - 19 November 2017\n\n"
        "During the week our team documented the deaths of 58 civilians in Idlib governorate, "
        "including 14 children.\n\n"
        "Main incidents:\n"
        "- 14 November, Saraqib: Russian airstrike on the vegetable market; 9 civilians "
        "killed.\n"
        "- 17 November, Maarat al-Numan: regime shelling on a school; 3 civilians killed.\n",
    ),
    # two other strikes
    "next day": (
        date(2017, 11, 15),
        "Regime helicopters dropped two barrel bombs on the eastern neighbourhoods of Saraqib "
        "on Wednesday, killing a woman and her two sons, rescue workers said.",
    ),
    "neighbour": (
        STRIKE,
        "Regime artillery strikes on the village of Afis killed four civilians on Tuesday, a "
        "monitor said.",
    ),
}

ONE_STRIKE = {"wire", "local", "arabic", "update", "bulletin"}


def _reports(outlets: dict[str, tuple[date, str]]) -> tuple[list[Report], dict[str, str]]:
    gazetteer = Gazetteer.load()
    reports: list[Report] = []
    names: dict[str, str] = {}
    for n, (name, (published, text)) in enumerate(sorted(outlets.items()), 1):
        sha = f"{n:064x}"
        names[sha] = name
        extraction = locate(extract_text(text, published=published), text, gazetteer)
        reports += assemble_reports(extraction, document_sha256=sha, source=name, text=text)
    return reports, names


@pytest.fixture(scope="module")
def linked() -> tuple[list[Incident], dict[str, str]]:
    reports, names = _reports(OUTLETS)
    return list(link_reports(reports).incidents), names


def _outlets(incident: Incident, names: dict[str, str]) -> set[str]:
    return {names[s.document_sha256] for s in incident.sources}


def _market(linked: tuple[list[Incident], dict[str, str]]) -> Incident:
    incidents, _ = linked
    [market] = [
        i
        for i in incidents
        if i.place is not None and i.place.name == SARAQIB and i.first_date == STRIKE
    ]
    return market


def test_five_outlets_of_one_strike_make_one_incident(
    linked: tuple[list[Incident], dict[str, str]],
) -> None:
    market = _market(linked)

    assert _outlets(market, linked[1]) == ONE_STRIKE
    assert market.first_date == market.last_date == STRIKE


def test_the_incident_keeps_each_outlets_toll_as_a_range(
    linked: tuple[list[Incident], dict[str, str]],
) -> None:
    market = _market(linked)

    killed = {
        figure.value
        for t in market.tallies
        if t.kind == "killed" and t.subject in ("people", "civilians")
        for _, figure in t.figures
    }
    assert {7, 9, 12} <= killed


def test_the_next_days_strike_and_the_neighbouring_village_stay_apart(
    linked: tuple[list[Incident], dict[str, str]],
) -> None:
    incidents, names = linked
    alone = [
        _outlets(i, names) for i in incidents if _outlets(i, names) & {"next day", "neighbour"}
    ]

    assert sorted(map(sorted, alone)) == [["neighbour"], ["next day"]]


@pytest.mark.parametrize("outlet", sorted(ONE_STRIKE - {"wire"}))
def test_each_outlet_alone_joins_the_wire_story(outlet: str) -> None:
    reports, names = _reports({k: OUTLETS[k] for k in ("wire", outlet, "next day", "neighbour")})

    incidents = link_reports(reports).incidents

    joined = [i for i in incidents if "wire" in _outlets(i, names)]
    assert len(joined) == 1 and _outlets(joined[0], names) == {"wire", outlet}


# follow-up stories that give no day of the strike they update
FOLLOW_UPS: dict[str, tuple[date, str]] = {
    "toll risen, no day": (
        date(2017, 11, 17),
        "The death toll from the air strike on the vegetable market in Saraqeb has risen to 12, "
        "among them three children, the civil defence said.",
    ),
    "said on Thursday": (
        date(2017, 11, 16),
        "The number of people killed in the Russian air raid on Saraqib's market has risen to "
        "11, the civil defence said on Thursday.",
    ),
    "arabic, yesterday": (
        date(2017, 11, 15),
        "ارتفع عدد القتلى جراء الغارات الروسية التي استهدفت سوق الخضار في مدينة سراقب أمس "
        "إلى تسعة مدنيين.",
    ),
}


@pytest.mark.parametrize("outlet", sorted(FOLLOW_UPS))
def test_a_follow_up_with_a_risen_toll_joins_the_strike_not_the_next_days(outlet: str) -> None:
    outlets = {k: OUTLETS[k] for k in ("wire", "next day")} | {outlet: FOLLOW_UPS[outlet]}
    reports, names = _reports(outlets)

    groups = sorted(sorted(_outlets(i, names)) for i in link_reports(reports).incidents)

    assert groups == sorted([["next day"], sorted(["wire", outlet])])


# the same strike in other languages
OTHER_LANGUAGES: dict[str, tuple[date, str]] = {
    "french": (
        date(2017, 11, 15),
        "Au moins neuf civils ont été tués mardi dans des frappes aériennes russes sur le marché "
        "de Saraqeb, dans la province d'Idleb, a indiqué une ONG.",
    ),
    "spanish": (
        STRIKE,
        "Al menos siete civiles murieron este martes en bombardeos aéreos contra el mercado de "
        "Saraqib, en la provincia siria de Idlib, según un grupo de monitoreo.",
    ),
}


@pytest.mark.parametrize("outlet", sorted(OTHER_LANGUAGES))
def test_the_strike_told_in_another_language_joins_it(outlet: str) -> None:
    outlets = {k: OUTLETS[k] for k in ("wire", "next day")} | {outlet: OTHER_LANGUAGES[outlet]}
    reports, names = _reports(outlets)

    groups = sorted(sorted(_outlets(i, names)) for i in link_reports(reports).incidents)

    assert groups == sorted([["next day"], sorted(["wire", outlet])])
