"""A starting column map for a table, guessed from its header and first rows."""

from __future__ import annotations

import json
import re

from harmwatch.ingest._tables._map import fold_header
from harmwatch.ingest._tables._rows import _parse_date
from harmwatch.ingest._tables._sheet import read_sheet

__all__ = ["suggest_map"]

# (field, pattern on the folded header), first match wins; counts are found separately
_FIELD_RULES: tuple[tuple[str, str], ...] = (
    ("id", r"^(incident |event |submission |record )?(id|_id|uuid|no\.?|number)$"),
    ("date_end", r"\b(end|to) date\b|\bdate (end|to)\b"),
    ("date", r"\bdate\b|^when$|_date$|^date_"),
    ("latitude", r"\blat(itude)?\b|_latitude$"),
    ("longitude", r"\b(lon|long|longitude|lng)\b|_longitude$"),
    ("admin1", r"governorate|province|\boblast\b|\bstate\b|region|admin ?1|adm1"),
    ("admin2", r"district|\braion\b|admin ?2|adm2|county"),
    ("admin3", r"sub-?district|hromada|admin ?3|adm3|commune"),
    ("location", r"location|village|town|\bcity\b|\barea\b|place|site|neighbo"),
    ("country", r"country"),
    ("perpetrator", r"perpetrator|actor|responsible|attacker|party"),
    ("weapon", r"weapon|munition|attack type|attack_type"),
    ("event_type", r"type|category"),
    ("source", r"source|reported by|informant"),
)
_KINDS = (("killed", r"killed|fatalit|deaths?\b|dead|died"), ("injured", r"injur|wounded"))
_GROUPS = (
    ("children", r"child|minor|boy|girl|kid"),
    ("women", r"wom[ae]n|female"),
    ("men", r"\bm[ae]n\b|\bmale"),
    ("medical_staff", r"health ?worker|medical|doctor|nurse|paramedic"),
    ("rescuers", r"rescue|civil defen"),
    ("fighters", r"fighter|combatant|soldier|military"),
    ("civilians", r"civilian"),
)


def suggest_map(raw: bytes, *, source: str, media_type: str) -> str:
    """TOML text of a column map for this table: each column matched to a field where its name
    says which, the encoding and date format seen, the rest listed as comments to fill in."""
    sheet = read_sheet(raw, source=source, media_type=media_type)
    rows = sheet.rows
    header_index = next(
        (n for n, row in enumerate(rows) if sum(1 for c in row if c.strip()) > 1), 0
    )
    header = rows[header_index] if rows else []
    samples = rows[header_index + 1 : header_index + 51]
    lines = [f"# Column map for {source.rsplit('/', 1)[-1]}, suggested from its header: check it."]
    lines.append("# Keys are documented in docs/import.md; a key left out is not imported.")
    if sheet.encoding and sheet.encoding not in ("utf-8", "utf-8-sig"):
        lines.append(f'encoding = "{sheet.encoding}"')
    if sheet.name:
        lines.append(f"sheet = {json.dumps(sheet.name)}")
    used: set[str] = set()
    mapped: list[str] = []
    figures: list[str] = []
    unmapped: list[str] = []
    date_format: str | None = None
    for n, name in enumerate(header):
        folded = fold_header(name)
        if not folded:
            continue
        kind = next((k for k, pattern in _KINDS if re.search(pattern, folded)), None)
        if kind:
            group = next((g for g, p in _GROUPS if re.search(p, folded)), "people")
            key = f"{kind}.{group}"
            if key not in used:
                used.add(key)
                figures.append(f"{key} = {json.dumps(name)}")
                continue
        target = next(
            (f for f, pattern in _FIELD_RULES if f not in used and re.search(pattern, folded)),
            None,
        )
        if target:
            used.add(target)
            mapped.append(f"{target} = {json.dumps(name)}")
            if target == "date":
                date_format = _date_format([row[n] for row in samples if n < len(row)])
        else:
            unmapped.append(name)
    if date_format:
        lines.append(f'date_format = "{date_format}"')
    lines += ["", *mapped, *figures]
    if "date" not in used:
        lines.append('date = ""  # no column looks like the date: name it here')
    if unmapped:
        lines += ["", "# columns not mapped (add them above if they hold a field):"]
        lines += [f"#   {json.dumps(name)}" for name in unmapped]
    lines += [
        "",
        "# [constants]             fields that are the same for every row, e.g.",
        '# country = "Yemen"',
        "# [values.weapon]         the file's words -> harmwatch's weapons, e.g.",
        '# "Air strike" = "airstrike"',
    ]
    return "\n".join(lines) + "\n"


def _date_format(values: list[str]) -> str | None:
    """The first strptime format that reads every sample date (day before month when both
    could be either, as most field forms write them)."""
    values = [v.strip() for v in values if v.strip()]
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y",
                "%d-%b-%y", "%Y/%m/%d", "%d/%m/%y"):  # fmt: skip
        if values and all(_parse_date(v, (fmt,)) is not None for v in values[:50]):
            return fmt
    return None
