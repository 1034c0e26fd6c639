"""Facilities: the ones named next to an event ("the surgical hospital in Kafr Nabl was hit"),
and the registry that gives each facility one stable id across sources, spellings and runs.

A facility's identity is its type, its place and the words that tell it from others of its
kind there ("surgical", "central", a proper name). A hit that names no such word ("the
hospital") goes to the only facility of that type at that place when there is exactly one.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from harmwatch.model import Facility, FacilityHit, FacilityStatus, PlaceMention, Report

__all__ = [
    "DISTINGUISHING_WORDS",
    "REGISTRY_TYPES",
    "facility_descriptor",
    "facility_id",
    "find_facility_hits",
    "register_facilities",
    "sentence_bounds",
]

# Facility types kept in the registry (houses, "civilian facilities" and "other" are not).
REGISTRY_TYPES: frozenset[str] = frozenset(
    ("medical", "school", "civil_defence", "market", "mosque", "camp", "bakery", "water", "power")
)

# Words that tell one facility from another of its type in the same town, in any language the
# extractor reads, mapped to one English word so that "المشفى الجراحي" is the surgical hospital.
DISTINGUISHING_WORDS: dict[str, str] = {
    "surgical": "surgical",
    "maternity": "maternity",
    "national": "national",
    "central": "central",
    "children's": "children",
    "children": "children",
    "paediatric": "children",
    "pediatric": "children",
    "women's": "women",
    "field": "field",
    "cave": "cave",
    "underground": "underground",
    "vegetable": "vegetable",
    "grain": "grain",
    "livestock": "livestock",
    "fish": "fish",
    "primary": "primary",
    "secondary": "secondary",
    "girls": "girls",
    "girls'": "girls",
    "boys": "boys",
    "boys'": "boys",
    "جراحي": "surgical",
    "وطني": "national",
    "مركزي": "central",
    "توليد": "maternity",
    "نسائيه": "maternity",
    "اطفال": "children",
    "هال": "vegetable",
    "خضار": "vegetable",
    "chirurgical": "surgical",
    "quirúrgico": "surgical",
    "chirurgico": "surgical",
}

_FAR = date(9999, 12, 31)
_STOPWORDS = frozenset(
    """the a an its their our this that of in at on near and or to by for from with
    town's city's village's only remaining main busy crowded local nearby small large old new
    whole several two three four five one""".split()
)
_AR_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)
_SENTENCE_BREAK = re.compile(r"[.!?;؛](?:\s|$)|\n")


def _fold(text: str, lang: str) -> str:
    """Arabic letter variants folded one for one (offsets stay those of ``text``)."""
    return text.translate(_AR_FOLD) if lang == "ar" else text


@dataclass(frozen=True, slots=True)
class _Words:
    """The extractor's words of one language that facility hits need."""

    nouns: dict[str, str]
    statuses: dict[str, str]
    hit_cues: tuple[str, ...]


@cache
def _words(lang: str) -> _Words:
    """The facility nouns, status phrases and hit cues of ``lang`` (folded like its text),
    from the extractor's table of that language; none for a language without rules."""
    from harmwatch.extract._languages import LANGUAGES, language

    if lang not in LANGUAGES:
        return _Words({}, {}, ())
    table = language(lang)
    return _Words(
        nouns={_fold(k, lang): v for k, v in table.facility_nouns.items()},
        statuses={_fold(k, lang): v for k, v in table.facility_statuses.items()},
        hit_cues=tuple(_fold(c, lang) for c in table.hit_cues),
    )


@cache
def _noun_pattern(lang: str) -> re.Pattern[str] | None:
    nouns = {noun: kind for noun, kind in _words(lang).nouns.items() if kind in REGISTRY_TYPES}
    if not nouns:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    if lang == "ar":
        return re.compile(rf"(?<!\w)(?:ال)?({alternatives})(?!\w)")
    plural = "(?:s|es)?" if lang == "en" else ""
    return re.compile(rf"\b({alternatives}){plural}\b", re.IGNORECASE)


def _noun_type(lang: str, noun: str) -> str:
    table = _words(lang).nouns
    return table.get(noun) or table.get(noun.lower(), "other")


def facility_descriptor(name: str | None) -> str:
    """The words of a facility's name that tell it from others of its type at its place.

    >>> facility_descriptor("Jisr al-Shughour central hospital")
    'central'
    """
    if not name:
        return ""
    found: set[str] = set()
    for word in _WORD.findall(_AR_DIACRITICS.sub("", name).translate(_AR_FOLD)):
        lower = word.lower()
        if lower.startswith("ال") and len(lower) > 3:
            lower = lower[2:]
        key = DISTINGUISHING_WORDS.get(lower)
        if key is not None:
            found.add(key)
    return " ".join(sorted(found))


def facility_id(type_: str, place_id: str | None, descriptor: str) -> str:
    """The stable registry id of a facility: the same type, place and words give the same id."""
    digest = hashlib.sha256(f"{type_}|{place_id or ''}|{descriptor}".encode()).hexdigest()
    return f"facility:{digest[:12]}"


def sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """The start and end of the sentence (or line) of ``text`` that offset ``at`` is in."""
    return _sentence_bounds(text, at)


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    left = 0
    for found in _SENTENCE_BREAK.finditer(text, max(0, at - 600), at):
        left = found.end()
    after = _SENTENCE_BREAK.search(text, at)
    return left, (len(text) if after is None else after.end())


def _regions(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of an event's claims, each with the sentence after it."""
    found: set[tuple[int, int]] = set()
    for start, _end in spans:
        left, right = _sentence_bounds(text, start)
        if right < len(text) and text[right - 1] != "\n":
            _, after = _sentence_bounds(text, right)
            right = max(right, after)
        found.add((left, right))
    merged: list[tuple[int, int]] = []
    for left, right in sorted(found):
        if merged and left <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return merged


def _worst_status(window: str, lang: str) -> str | None:
    lowered = _fold(window, lang).lower()
    worst: str | None = None
    for cues in (_words(lang).statuses, _words("en").statuses):
        for cue, status in cues.items():
            if cue in lowered:
                worst = _worse(worst, status)
    return worst


def _attacked(window: str, lang: str) -> bool:
    lowered = window.lower()
    cues = _words(lang).hit_cues + _words("en").hit_cues
    return any(cue in lowered for cue in cues)


def _name_word(word: str) -> bool:
    lower = word.lower()
    return (
        lower in DISTINGUISHING_WORDS
        or any(ch.isupper() for ch in word)
        or lower.startswith(("al-", "el-", "ash-", "an-", "ad-", "as-", "ar-", "at-"))
    )


def _surface(text: str, left: int, m: re.Match[str], lang: str) -> str:
    """The facility's name as written: the name words before the noun (after it in Arabic),
    and "in <Place>" after it."""
    if lang == "ar":
        tail = _WORD.findall(text[m.start() : min(len(text), m.end() + 40)])[:3]
        kept = tail[:1]
        for word in tail[1:]:
            if word in ("في", "ب", "من", "على"):
                break
            kept.append(word)
        return " ".join(kept)
    head = re.split(r"[,:;()\[\]\"“”]", text[left : m.start()])[-1].split()
    words: list[str] = []
    for word in reversed(head[-4:]):
        if not _name_word(word):
            break
        words.insert(0, word)
    while words and words[0].lower() in _STOPWORDS:
        words = words[1:]
    name = " ".join([*words, m.group(0)])
    after = re.match(
        r"\s+(?:in|of|at)\s+((?:(?:[A-Z]|al-|el-|ash-|an-|ad-|as-|ar-|at-)[\w'’-]*\s?){1,4})",
        text[m.end() : m.end() + 60],
    )
    if after is not None:
        name += " " + after.group(0).strip()
    return name.strip()


def find_facility_hits(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    lang: str,
    claim_hits: Sequence[FacilityHit] = (),
    mentions: Sequence[PlaceMention] = (),
    place_id: str | None = None,
    sentence_only: bool = False,
) -> list[FacilityHit]:
    """Facilities said to be hit in the sentences of an event's claims (and the sentence after
    each, unless ``sentence_only``), merged with the facility counts (``claim_hits``) of the
    event: one hit per facility type and name. A facility placed in another town ("the
    hospital in Ariha") is left out."""
    pattern = _noun_pattern(lang)
    hits: list[FacilityHit] = []
    if pattern is not None:
        folded = _fold(text, lang) if lang == "ar" else text
        regions = (
            [_sentence_bounds(folded, start) for start, _ in spans]
            if sentence_only
            else _regions(folded, spans)
        )
        placed = sorted((m for m in mentions if m.place is not None), key=lambda m: m.start)
        starts = [m.start for m in placed]
        for left, right in regions:
            for m in pattern.finditer(folded, left, right):
                if _elsewhere(m.end(), placed, starts, place_id):
                    continue
                line_start = folded.rfind("\n", 0, m.start()) + 1
                line_end = folded.find("\n", m.end())
                line_end = len(folded) if line_end < 0 else line_end
                window = folded[max(line_start, m.start() - 60) : min(line_end, m.end() + 80)]
                if not _attacked(window, lang):
                    continue
                s_left, s_right = _sentence_bounds(folded, m.start())
                noun = m.group(1)
                name = _surface(folded, s_left, m, lang)
                descriptor = facility_descriptor(name)
                hits.append(
                    FacilityHit(
                        type=_noun_type(lang, noun if lang == "ar" else noun.lower()),
                        name=name if descriptor else None,
                        status=_worst_status(folded[m.start() : s_right], lang),
                        evidence=text[s_left:s_right].strip()[:300],
                    )
                )
    return _merge_hits([*hits, *claim_hits])


def _elsewhere(
    after: int, placed: Sequence[PlaceMention], starts: Sequence[int], place_id: str | None
) -> bool:
    """Whether the first placed mention up to 40 characters after a facility noun names another
    place than the event's ("the hospital in Ariha"); ``starts`` are ``placed``'s, sorted."""
    k = bisect.bisect_left(starts, after)
    if k == len(starts) or starts[k] > after + 40:
        return False
    found = placed[k].place
    return place_id is not None and found is not None and found.id != place_id


_STATUS_RANK = {None: 0, "damaged": 1, "out_of_service": 2, "destroyed": 3}


def _worse(a: str | None, b: str | None) -> str | None:
    return a if _STATUS_RANK[a] >= _STATUS_RANK[b] else b


def _merge_hits(hits: Sequence[FacilityHit]) -> list[FacilityHit]:
    """One hit per (type, descriptor); a nameless hit joins the only named one of its type."""
    merged: dict[tuple[str, str], FacilityHit] = {}
    for hit in hits:
        key = (hit.type, facility_descriptor(hit.name))
        descriptor = key[1]
        if not descriptor:
            named = [k for k in merged if k[0] == hit.type and k[1]]
            if len(named) == 1:
                key = named[0]
        if key in merged:
            old = merged[key]
            merged[key] = replace(
                old, status=_worse(old.status, hit.status), evidence=old.evidence or hit.evidence
            )
        else:
            merged[key] = hit
    # a nameless hit found before the named one of its type: fold it in now
    for (kind, descriptor), hit in list(merged.items()):
        named = [k for k in merged if k[0] == kind and k[1]]
        if not descriptor and len(named) == 1:
            target = merged[named[0]]
            merged[named[0]] = replace(target, status=_worse(target.status, hit.status))
            del merged[(kind, descriptor)]
    return list(merged.values())


def register_facilities(
    reports: Sequence[Report], known: Sequence[Facility] = ()
) -> tuple[list[Facility], list[Report]]:
    """The facility registry after these reports, and the reports with each hit's facility id.

    Only event reports at a known place register facilities of the registry's types. Known
    facilities keep their id, name and earlier statuses; the result is the same whatever order
    the reports come in.
    """
    ordered = sorted(
        (r for r in reports if not r.period_total and r.place is not None),
        key=lambda r: (r.date_end or r.date_start or _FAR, r.key),
    )
    registry: dict[str, Facility] = {f.id: f for f in known}
    specific: dict[tuple[str, str], set[str]] = {}
    for facility in known:
        place_id = facility.place.id if facility.place is not None else ""
        descriptor = facility_descriptor(facility.name)
        if descriptor:
            specific.setdefault((facility.type, place_id), set()).add(facility.id)
    plan: list[tuple[Report, int, str, str]] = []
    for report in ordered:
        assert report.place is not None
        for n, hit in enumerate(report.facilities):
            if hit.type not in REGISTRY_TYPES:
                continue
            descriptor = facility_descriptor(hit.name)
            fid = facility_id(hit.type, report.place.id, descriptor)
            if descriptor:
                specific.setdefault((hit.type, report.place.id), set()).add(fid)
            plan.append((report, n, fid, descriptor))

    assigned: dict[str, dict[int, str]] = {}
    for report, n, fid, descriptor in plan:
        assert report.place is not None
        if not descriptor:
            only = specific.get((report.facilities[n].type, report.place.id), set())
            if len(only) == 1:
                fid = next(iter(only))
        assigned.setdefault(report.key, {})[n] = fid
        hit = report.facilities[n]
        held = registry.get(fid)
        day = report.date_end or report.date_start
        status = () if hit.status is None else (FacilityStatus(hit.status, day, report.key),)
        if held is None:
            name = hit.name or f"{hit.type.replace('_', ' ').capitalize()}, {report.place.name}"
            facility = Facility(
                id=fid,
                name=name,
                type=hit.type,
                place=report.place,
                lat=report.place.lat,
                lon=report.place.lon,
                aliases=(),
                statuses=status,
            )
        else:
            aliases = held.aliases
            if hit.name and hit.name != held.name and hit.name not in aliases:
                aliases = (*aliases, hit.name)
            kept = tuple(s for s in held.statuses if s.report_key != report.key)
            facility = replace(held, aliases=aliases, statuses=(*kept, *status))
        registry[fid] = facility

    for fid, facility in registry.items():
        statuses = sorted(facility.statuses, key=lambda s: (s.date or _FAR, s.report_key))
        registry[fid] = replace(
            facility, statuses=tuple(statuses), aliases=tuple(sorted(facility.aliases))
        )

    out: list[Report] = []
    for report in reports:
        ids = assigned.get(report.key, {})
        stray = any(
            h.facility_id is not None and h.facility_id not in registry for h in report.facilities
        )
        if not ids and not stray:
            out.append(report)
            continue
        # a hit keeps only a registry id: one the registry does not hold is dropped
        hits = tuple(
            replace(hit, facility_id=ids[n])
            if n in ids
            else (replace(hit, facility_id=None) if hit.facility_id not in registry else hit)
            for n, hit in enumerate(report.facilities)
        )
        out.append(replace(report, facilities=hits))
    return [registry[k] for k in sorted(registry)], out
