"""Dates: the publication date a text states, the period its counts cover, a claim's own day.

Absolute dates are read with own patterns (English, French, Spanish, Italian and Arabic month
names, Levantine ones too: نيسان, أيار, تشرين الأول ...). Relative phrases are found by own
patterns first ("on 3 October", "last Sunday", "two days ago", "on the night of 12 October",
"أمس"); each phrase found is resolved by dateparser with ``RELATIVE_BASE`` = the publication date
(cached per phrase), with own rules where dateparser has none (Levantine months, "on Thursday" in
a report of that Thursday). dateparser never reads raw text. Periods ("over the past week", "in
just eight days", "since April", "between 23 and 30 September", "during the month of October")
are own rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache

from harmwatch.extract._languages import LANGUAGES, language
from harmwatch.extract._trie import trie_pattern
from harmwatch.model import Period

__all__ = ["MONTHS", "find_period", "find_published", "sentence_date"]


def _all_languages(table: str) -> dict[str, int]:
    """One language's month or weekday names, for every registered language: a report in one
    language often quotes dates in another (an English dateline on an Arabic text)."""
    out: dict[str, int] = {}
    for code in LANGUAGES:
        out.update(getattr(language(code), table))
    return out


MONTHS: dict[str, int] = _all_languages("months")

_MONTH_ALT = "(?:" + trie_pattern({m.lower() for m in MONTHS}) + ")"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_DMY = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º)?\s*(?:de\s+|of\s+)?({_MONTH_ALT})\.?,?\s*(?:de\s+)?(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_DMY_LOW = re.compile(_DMY.pattern)
_DIGIT_RUN = re.compile(r"[0-9]+")
_MDY_MONTH = re.compile(rf"\b({_MONTH_ALT})\.?\s+$", re.IGNORECASE)
_MDY_MONTH_LOW = re.compile(_MDY_MONTH.pattern)
_MDY_TAIL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_EURO = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")

_WEEKDAYS = _all_languages("weekdays")
_WEEKDAY = re.compile(
    r"\b(?:on|last|this|past|le|el|il|lo|يوم)?\s*(" + trie_pattern(_WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "a": 1, "an": 1,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
# "over the past week", "in just eight days", "during the last 48 hours" (not "for days", not
# "in the month of May": a number or past / last / previous is needed)
_SPAN = re.compile(
    r"\b(?:over|in|during|within|for|across)\s+(?:just|only|the)?\s*"
    r"(?:(?:past|last|previous)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fourteen|fifteen|twenty|thirty)?|(\d{1,3}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|a|an))\s*"
    r"(days?|weeks?|months?)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_SINCE_MONTH = re.compile(
    rf"\bsince\s+(?:early\s+|late\s+|mid-?)?({_MONTH_ALT})\b(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    r"(?:,?\s+((?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)(?!\d|[/.:-]\d|\s*(?:hours?|hrs)\b)"
    r"|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?(year\b|(?:19|20)\d\d(?!\d))",
    re.IGNORECASE,
)
_IN_MONTH = re.compile(
    rf"(?<!\w)(?:in|during|throughout|for|of|en|durant|pendant|durante|nel|خلال|في)\s+"
    rf"(?:the\s+month\s+of\s+|le\s+mois\s+de\s+|el\s+mes\s+de\s+|mese\s+di\s+|شهر\s+)?"
    rf"({_MONTH_ALT})(?:\s+(\d{{4}}))?(?!\w)",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(
    r"(?<!\w)(yesterday|today|tonight|this morning|last night|hier|aujourd'hui|ayer|hoy|ieri|"
    r"oggi|أمس|الأمس|اليوم|البارحة)(?!\w)",
    re.IGNORECASE,
)
_YESTERDAY = frozenset(
    {"yesterday", "last night", "hier", "ayer", "ieri", "أمس", "الأمس", "البارحة"}
)
_DAYS_AGO = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago\b", re.IGNORECASE
)


_DAY_MONTH = re.compile(
    rf"(?<![\w/.])(\d{{1,2}})(?:st|nd|rd|th|er|º)?\s+(?:of\s+|de\s+)?({_MONTH_ALT})(?![\w])"
    rf"(?!\.?,?\s*(?:de\s+)?\d{{4}})",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"(?<!\w)({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?![\w:])(?!,?\s*\d{{4}})",
    re.IGNORECASE,
)
_LAST_WEEKDAY = re.compile(
    r"\b(?:last|this\s+past|past)\s+(" + trie_pattern(_WEEKDAYS) + r")\b", re.IGNORECASE
)
_AGO = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+(?:days?|weeks?)\s+ago\b"
    r"|\bhace\s+\w+\s+d[ií]as?\b|\bil y a\s+\w+\s+jours?\b|\b\w+\s+giorni\s+fa\b",
    re.IGNORECASE,
)
_RANGE = re.compile(
    rf"\b(?:between|from)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*({_MONTH_ALT})?\s*(\d{{4}})?\s+"
    rf"(?:and|to|until|-|–)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_ALT})(?:,?\s+(\d{{4}}))?(?!\w)",
    re.IGNORECASE,
)
_SINCE_DAY = re.compile(
    rf"\bsince\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_ALT})(?:,?\s+(\d{{4}}))?(?!\w)",
    re.IGNORECASE,
)
_IN_MONTH_LOW = re.compile(_IN_MONTH.pattern)
_SPAN_LOW = re.compile(_SPAN.pattern)
_DATEPARSER_LANGS = frozenset(LANGUAGES)  # dateparser reads every language registered


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, base: date, lang: str) -> date | None:
    """``phrase`` (a date phrase found by the patterns here) resolved against ``base``."""
    import dateparser  # slow to import: only when a relative phrase needs it

    langs = [lang] if lang in _DATEPARSER_LANGS else None
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(phrase, languages=langs, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    day = parsed.date()
    return day if day <= base else None


def _past_day(month: int, day: int, published: date) -> date | None:
    """The last ``day`` of ``month`` on or before ``published`` ("on 3 October")."""
    for year in (published.year, published.year - 1):
        d = _make(year, month, day)
        if d is not None and d <= published:
            return d
    return None


def _make(y: int, m: int, d: int) -> date | None:
    try:
        if 1900 <= y <= 2100:
            return date(y, m, d)
    except ValueError:
        return None
    return None


_YEAR = re.compile(r"[0-9٠-٩]{4}")


def _dates_in(text: str) -> list[tuple[int, date]]:
    """(offset, date) of the full dates in ``text``: "12 May 2019", "May 12, 2019",
    "2019-05-12", "12/05/2019" (Arabic-Indic digits too).

    The patterns are tried only where a run of digits starts: one fast scan for digits rather
    than four slow scans of the whole text.
    """
    found: list[tuple[int, date]] = []
    if _YEAR.search(text) is None:
        return found
    t = text.translate(_DIGITS)
    low = t.lower()
    if len(low) == len(t):
        t = low  # month names match faster without IGNORECASE
        dmy, mdy_month = _DMY_LOW, _MDY_MONTH_LOW
    else:
        dmy, mdy_month = _DMY, _MDY_MONTH
    for run in _DIGIT_RUN.finditer(t):
        p = run.start()
        m = dmy.match(t, p)
        if m is not None:
            month = MONTHS.get(m.group(2).lower())
            d = _make(int(m.group(3)), month, int(m.group(1))) if month else None
            if d:
                found.append((p, d))
        if len(run.group()) <= 2 and p >= 3:
            before = mdy_month.search(t, max(0, p - 16), p)
            tail = _MDY_TAIL.match(t, p) if before is not None else None
            if before is not None and tail is not None:
                month = MONTHS.get(before.group(1).lower())
                d = _make(int(tail.group(2)), month, int(tail.group(1))) if month else None
                if d:
                    found.append((before.start(), d))
        m = _ISO.match(t, p)
        if m is not None:
            d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                found.append((p, d))
        m = _EURO.match(t, p)
        if m is not None:
            d = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                found.append((p, d))
    found.sort()
    return found


_PUBLISHED = re.compile(
    r"\b(?:published|updated|posted|publié|publicado|veröffentlicht|pubblicato|نشر)"
    r"(?:\s+(?:on|le|el|am|il|em|في))?\s*:?\s*",
    re.IGNORECASE,
)
_RANGE_END = re.compile(r"\d{1,2}\s*(?:[-–—]|to|au|al|bis|a)\s*$", re.IGNORECASE)


def find_published(text: str) -> date | None:
    """The date a text says it was published: a "Published 20 May 2019" line, else the first
    full date in its first lines (a dateline) that does not end a range ("13 – 19 May 2019"
    is the period the text covers)."""
    head = text[:600]
    found = _dates_in(head)
    for m in _PUBLISHED.finditer(head):
        stated = [d for at, d in found if m.end() <= at <= m.end() + 3]
        if stated:
            return stated[0]
    for at, day in found:
        if _RANGE_END.search(head, max(0, at - 12), at) is None:
            return day
    return None


def find_period(text: str, published: date | None) -> Period | None:
    """The period the counts cover, from the first phrase that gives one: "between 23 and 30
    September", "since April", "over the past week", "in just eight days", "during October".

    Phrases relative to the publication date need it; an explicit range with its year does not.
    """
    sample = text[:20_000].translate(_DIGITS)
    low = sample.lower()
    found: list[tuple[int, Period]] = []
    dashed = _DASH_RANGE.search(sample)
    if dashed is not None:  # "13 – 19 May 2019", "28 April - 4 May 2019"
        period = _dash_range(dashed)
        if period is not None:
            found.append((dashed.start(), period))
    m = _RANGE.search(sample) if "between" in low or "from" in low else None
    if m is not None:
        period = _range(m, published)
        if period is not None:
            found.append((m.start(), period))
    if published is not None:
        # lower-cased text with case-sensitive patterns: the month trie runs faster so
        text_for = low if len(low) == len(sample) else sample
        hits = [_in_month(sample, published, text_for)]
        if "day" in low or "week" in low or "month" in low:
            hits.append(_span(text_for, published))
        if "since" in low:
            hits.append(_since(text_for, published))
        found.extend(hit for hit in hits if hit is not None)
    return min(found, key=lambda f: f[0])[1] if found else None


_DASH_RANGE = re.compile(
    rf"(?<![\d/.])(\d{{1,2}})(?:\s+({_MONTH_ALT}))?\s*[-–—]\s*(\d{{1,2}})\s+({_MONTH_ALT}),?\s+"
    rf"(\d{{4}})(?!\d)",
    re.IGNORECASE,
)


def _dash_range(m: re.Match[str]) -> Period | None:
    month2 = MONTHS.get(m.group(4).lower())
    month1 = MONTHS.get(m.group(2).lower()) if m.group(2) else month2
    if not month1 or not month2:
        return None
    year = int(m.group(5))
    first = _make(year - (month1 > month2), month1, int(m.group(1)))
    last = _make(year, month2, int(m.group(3)))
    if first is None or last is None or first > last or (last - first).days > 400:
        return None
    return Period(first, last)


def _range(m: re.Match[str], published: date | None) -> Period | None:
    """ "between 23 and 30 September (2017)", "from 28 April to 12 May" """
    month2 = MONTHS[m.group(5).lower()]
    month1 = MONTHS[m.group(2).lower()] if m.group(2) else month2
    year2 = int(m.group(6)) if m.group(6) else None
    year1 = int(m.group(3)) if m.group(3) else year2
    if year2 is None:
        if published is None:
            return None
        end = _past_day(month2, int(m.group(4)), published)
        if end is None:
            return None
        year2 = end.year
        year1 = year2 - 1 if month1 > month2 else year2
    assert year1 is not None
    first = _make(year1, month1, int(m.group(1)))
    last = _make(year2, month2, int(m.group(4)))
    if first is None or last is None or first > last:
        return None
    return Period(first, last)


def _span(sample: str, published: date) -> tuple[int, Period] | None:
    m = (_SPAN_LOW if sample.islower() else _SPAN).search(sample)
    if m is None:
        return None
    n_word = (m.group(1) or m.group(2) or "1").lower()
    n = int(n_word) if n_word.isdigit() else _NUMBER_WORDS.get(n_word, 1)
    days = n * _UNIT_DAYS[m.group(3).lower()]
    if not 0 < days <= 400:
        return None
    return m.start(), Period(published - timedelta(days=days), published)


def _since(sample: str, published: date) -> tuple[int, Period] | None:
    m = _SINCE_DAY.search(sample)
    if m is not None:
        month = MONTHS[m.group(2).lower()]
        if m.group(3):
            first = _make(int(m.group(3)), month, int(m.group(1)))
        else:
            first = _past_day(month, int(m.group(1)), published)
        if first is not None and first <= published:
            return m.start(), Period(first, published)
    hits: list[tuple[int, Period]] = []
    m = _SINCE_MONTH.search(sample)
    if m is not None:
        month = MONTHS[m.group(1).lower()]
        day = int(m.group(2)) if m.group(2) else 1
        if m.group(3):  # "since March 2015", "since March 15, 2015": the year the text gives
            year = int(m.group(3))
        else:
            year = published.year if month <= published.month else published.year - 1
        first = _make(year, month, day) or _make(year, month, 1)  # "since April 40 clinics"
        if first is not None and first <= published:
            hits.append((m.start(), Period(first, published)))
    y = next((y for y in _SINCE_YEAR.finditer(sample) if not _comparison(sample, y.start())), None)
    if y is not None:  # "since 2015", "since the start of the year", "since the start of 2016"
        given = y.group(1) or y.group(2)
        first = date(int(given) if given and given.isdigit() else published.year, 1, 1)
        if first <= published:
            hits.append((y.start(), Period(first, published)))
    return min(hits, key=lambda h: h[0]) if hits else None


_COMPARISON = re.compile(r"\b(?:\w+est|worst|first|most|highest|since)\b[^.;]{0,40}$", re.I)


def _comparison(sample: str, at: int) -> bool:
    """True for "the deadliest attack since 2015": a comparison, not the period counted."""
    return _COMPARISON.search(sample, max(0, at - 50), at) is not None


def _in_month(sample: str, published: date, low: str | None = None) -> tuple[int, Period] | None:
    pattern = _IN_MONTH_LOW if low is not None and low is not sample else _IN_MONTH
    for m in pattern.finditer(low if low is not None else sample):
        if m.group(1).lower() in {"may", "mar"} and not sample[m.start(1)].isupper():
            continue  # "in may" is no month
        month = MONTHS[m.group(1).lower()]
        year = int(m.group(2)) if m.group(2) else published.year
        if not m.group(2) and month > published.month:
            year -= 1
        start = date(year, month, 1)
        end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return m.start(), Period(start, min(end, published) if start <= published else end)
    return None


# The words just before a date that make it another day than the event's: an earlier event
# ("after it was first hit on 24 September", "since 19 September") or the day of a statement
# ("the civil defence said on Thursday"). Each is matched against the text ending at the date.
_NOT_THE_EVENT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("since", re.compile(r"\b(?:since|ever\s+since|depuis|desde|dal|seit)\s+(?:the\s+)?$", re.I)),
    (
        "an earlier hit",
        re.compile(
            r"\b(?:first|previously|earlier|already|initially|last)\s+(?:been\s+)?"
            r"(?:hit|struck|attacked|bombed|shelled|targeted|damaged|raided)\s+(?:on|in)?\s*$",
            re.I,
        ),
    ),
    (
        "after an earlier attack",
        re.compile(
            r"\b(?:after|before|following)\s+(?:a|an|the|its|their)?\s*"
            r"(?:first|previous|earlier|last|initial)\s+\w+(?:\s+\w+)?\s+(?:on|of|in)?\s*$",
            re.I,
        ),
    ),
    (
        "a statement",
        re.compile(
            # not "airstrikes were reported on Monday": a passive report dates the event
            r"\b(?<!was\s)(?<!were\s)(?<!been\s)"
            r"(?:said|says|stated|reported|announced|added|confirmed|told\s+\w+(?:\s+\w+)?)"
            r"\s+(?:late\s+|early\s+)?(?:on\s+)?$",
            re.I,
        ),
    ),
)
_CUE_REACH = 60


def _not_the_event(sentence: str, at: int) -> bool:
    """True when the date at ``at`` is another day than the sentence's event (see above)."""
    before = sentence[max(0, at - _CUE_REACH) : at]
    return any(pattern.search(before) is not None for _, pattern in _NOT_THE_EVENT)


def sentence_date(
    sentence: str, published: date | None, lang: str = "en", *, period: Period | None = None
) -> date | None:
    """The day a sentence puts its event on ("on Thursday", "yesterday", "on 12 May 2017",
    "on the night of 3 October", "last Sunday", "two days ago", "أمس").

    A date that names an earlier event ("after it was first hit on 24 September", "since 19
    September") or the day of a statement ("the civil defence said on Thursday") is not the
    event's day: "struck this morning, after it was first hit on 24 September" is this morning.

    Without a publication date, a day and month without a year ("1 October: ...") is read in
    the ``period`` the text states ("1 - 7 October 2017"), when it falls inside it.
    """
    if published is None and _YEAR.search(sentence) is None and period is None:
        return None
    found = [
        d
        for at, d in _dates_in(sentence)
        if d != published and not _not_the_event(sentence, at)  # not the dateline
    ]
    if found:
        return found[0]
    low = sentence.lower()
    if ("between" in low or "from" in low) and _RANGE.search(sentence.translate(_DIGITS)):
        return None  # "between 1 and 4 March": a period, not one day
    named = [
        (phrase, month, day)
        for at, phrase, month, day in _days_and_months(sentence)
        if not _not_the_event(sentence, at)
    ]
    if published is None:
        if period is None or period.start is None or period.end is None:
            return None
        for _, month, day in named:
            resolved = _past_day(month, day, period.end)
            if resolved is not None and resolved >= period.start:
                return resolved
        return None
    for phrase, month, day in named:
        resolved = _dateparser(phrase, published, lang) or _past_day(month, day, published)
        if resolved is not None:
            return resolved
    return _relative_day(sentence, low, published, lang)


def _event_matches(pattern: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    return (m for m in pattern.finditer(sentence) if not _not_the_event(sentence, m.start()))


def _relative_day(sentence: str, low: str, published: date, lang: str) -> date | None:
    """The day a relative phrase names ("two days ago", "last Sunday", "yesterday", "on
    Thursday"), counted back from ``published``."""
    m = next(_event_matches(_AGO, sentence), None)
    if m is not None:
        resolved = _dateparser(m.group().lower(), published, lang)
        if resolved is not None:
            return resolved
    m = next(_event_matches(_DAYS_AGO, sentence), None) if "ago" in low else None
    if m is not None:
        n_word = m.group(1).lower()
        n = int(n_word) if n_word.isdigit() else _NUMBER_WORDS.get(n_word, 1)
        return published - timedelta(days=n)
    m = (
        next(_event_matches(_LAST_WEEKDAY, sentence), None)
        if "last" in low or "past" in low
        else None
    )
    if m is not None:
        resolved = _dateparser(m.group().lower(), published, lang)
        if resolved is not None:
            return resolved
    m = next(_event_matches(_RELATIVE_DAY, sentence), None)
    if m is not None:
        word = m.group(1).lower()
        return published - timedelta(days=1) if word in _YESTERDAY else published
    for m in _WEEKDAY.finditer(sentence):
        if _not_the_event(sentence, m.start(1)):
            continue  # "the civil defence said on Thursday": the statement's day
        wd = _WEEKDAYS.get(m.group(1).lower())
        if wd is not None:
            # "on Thursday" in a report of Thursday is that day (dateparser would go back a week)
            back = (published.weekday() - wd) % 7
            return published - timedelta(days=back)
    return None


# "may" and "mar" are words too ("the toll may 3 ..."): only read them before a day number
_AMBIGUOUS_MONTHS = frozenset({"may", "mar", "march"})


def _days_and_months(sentence: str) -> Iterator[tuple[int, str, int, int]]:
    """(offset, phrase, month, day) of the days a sentence names without a year ("3 October",
    "Oct. 3"), read one at a time."""
    t = sentence.translate(_DIGITS)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for m in pattern.finditer(t):
            name = m.group(month_group)
            month = MONTHS.get(name.lower())
            if month is None or (name.lower() in _AMBIGUOUS_MONTHS and not name[:1].isupper()):
                continue
            yield m.start(), m.group().lower(), month, int(m.group(day_group))
