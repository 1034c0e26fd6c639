"""analyze stage: period summaries, arithmetic checks, double taps, zone violations, surges.

    area = Area.of_place(resolve_place(gazetteer, "Idlib"))          # the governorate
    summary = summarize(incidents, period_totals, area=area,
                        start=date(2017, 9, 20), end=date(2017, 10, 1), zones=Zones.load())
    summary_to_dict(summary)["facilities"]      # every number with the incidents behind it

Functions over incidents and reports (``harmwatch.model``); they neither read the database nor
print. Period totals are shown beside incident sums and never added to them.
"""

from __future__ import annotations

from harmwatch.analyze._area import Area, AreaBounds, distance_m, resolve_place
from harmwatch.analyze._cells import Count, PeriodFigure, Toll
from harmwatch.analyze._consistency import (
    CHECKS,
    SEVERITIES,
    Finding,
    Part,
    check_breakdown,
    check_incident,
    check_period_totals,
    check_report_figures,
)
from harmwatch.analyze._double_tap import (
    DEFINITIONS,
    DOUBLE_TAP_CUES,
    Definition,
    DoubleTap,
    DoubleTapSettings,
    cue_sentences,
    find_double_taps,
    says_double_tap,
)
from harmwatch.analyze._flags import MASSACRE_KILLED, incident_flags
from harmwatch.analyze._reading import (
    FACILITY_TOTAL_RULE,
    STRIKES_RULE,
    TOLL_RULE,
    Facts,
    facility_rule,
    facts_from_rows,
    facts_of,
    perpetrator_label,
    perpetrator_of,
    toll_of,
    toll_rule,
)
from harmwatch.analyze._repeats import (
    RepeatAttack,
    Surge,
    SurgeSettings,
    find_repeat_attacks,
    find_surges,
    weekly_counts,
)
from harmwatch.analyze._serialize import summary_to_dict
from harmwatch.analyze._summary import (
    CasualtyRow,
    CountRow,
    FacilityRow,
    PeriodTotalRef,
    StrikeRow,
    Summary,
    TimeRow,
    summarize,
    summarize_facts,
)
from harmwatch.analyze._tables import (
    TextTable,
    format_summary_markdown,
    summary_heading,
    summary_tables,
)
from harmwatch.analyze._zone_violations import ZONE_RULE, ZoneViolation, find_zone_violations

__all__ = [
    "CHECKS",
    "DEFINITIONS",
    "DOUBLE_TAP_CUES",
    "FACILITY_TOTAL_RULE",
    "MASSACRE_KILLED",
    "SEVERITIES",
    "STRIKES_RULE",
    "TOLL_RULE",
    "ZONE_RULE",
    "Area",
    "AreaBounds",
    "CasualtyRow",
    "Count",
    "CountRow",
    "Definition",
    "DoubleTap",
    "DoubleTapSettings",
    "FacilityRow",
    "Facts",
    "Finding",
    "Part",
    "PeriodFigure",
    "PeriodTotalRef",
    "RepeatAttack",
    "StrikeRow",
    "Summary",
    "Surge",
    "SurgeSettings",
    "TextTable",
    "TimeRow",
    "Toll",
    "ZoneViolation",
    "check_breakdown",
    "check_incident",
    "check_period_totals",
    "check_report_figures",
    "cue_sentences",
    "distance_m",
    "facility_rule",
    "facts_from_rows",
    "facts_of",
    "find_double_taps",
    "find_repeat_attacks",
    "find_surges",
    "find_zone_violations",
    "format_summary_markdown",
    "incident_flags",
    "perpetrator_label",
    "perpetrator_of",
    "resolve_place",
    "says_double_tap",
    "summarize",
    "summarize_facts",
    "summary_heading",
    "summary_tables",
    "summary_to_dict",
    "toll_of",
    "toll_rule",
    "weekly_counts",
]
