"""Rows of a table become reports; a row that cannot be read is a problem with its row, column
and value, and every good row is still imported."""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal, Protocol

from harmwatch import vocab
from harmwatch.errors import InputError
from harmwatch.ingest._tables._formats import (
    ACLED,
    UCDP,
    acled_generation,
    detect_format,
    hxl_map,
    hxl_tag_row,
)
from harmwatch.ingest._tables._map import ColumnMap, fold_header
from harmwatch.ingest._tables._sheet import CSV, XLSX, read_sheet
from harmwatch.model import Document, Figure, Place, Report

__all__ = [
    "UNKNOWN_POLICIES",
    "PlaceLookup",
    "RowProblem",
    "TableImport",
    "read_table",
]

UNKNOWN_POLICIES = ("keep", "reject")
"""What becomes of a value a column map does not list: kept (with a warning), or the row
rejected."""

Unknown = Literal["keep", "reject"]
_MISSING = {"", "na", "n/a", "nan", "null", "none", "-", "--", "unkn", "unknown", "#n/a"}
_NUMBER_MARKS = re.compile("[,\u00a0 '+]")
_INT = re.compile(r"^[+]?[0-9][0-9,\u00a0 ']*(?:\.0+)?\+?$")  # "1,234", "7.0", "10+" (at least)
_FOOTNOTE = re.compile(r"\s*\(\d{4}-\d{0,4}\)$")  # ACLED's "(2000-)" after an actor's name
# ACLED's and UCDP's names for a state's forces: "Military Forces of Russia", "Government of Syria"
_STATE_FORCES = re.compile(
    r"^(?:military forces|government|police forces|air force|armed forces) of (?:the )?(.+)$", re.I
)


_PLACE_NAMES = ("location", "admin3", "admin2", "admin1", "country")  # most precise first


def _missing(value: str) -> bool:
    """True for a cell that says "not given" (``NA``, ``-``, ``unknown``...)."""
    return len(value) <= 7 and not value.isdigit() and value.casefold() in _MISSING


class PlaceLookup(Protocol):
    """Finds the place a row names (no coordinates given): the place and its geo precision
    (ACLED's 1-3), or None when it cannot say."""

    def __call__(
        self,
        *,
        location: str | None,
        admin3: str | None,
        admin2: str | None,
        admin1: str | None,
        country: str | None,
    ) -> tuple[Place, int] | None: ...


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was skipped (``error``) or imported with something to know (a warning)."""

    row: int
    reason: str
    column: str | None = None
    value: str | None = None
    error: bool = True

    def format(self, source: str) -> str:
        """``data.csv: row 12, column 'Fatalities' = 'five': not a whole number``."""
        where = f"row {self.row}" if self.row else "file"
        if self.column:
            where += f", column {self.column!r}"
        if self.value is not None:
            where += f" = {self.value[:80]!r}"
        return f"{source}: {where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class TableImport:
    """What reading a table gave: the file as a document, one report per good row, every
    problem, notes on the file as a whole (its kind, its encoding) and on its columns (tags
    repaired or without a report field, columns a map names that the file lacks)."""

    document: Document
    format: str
    reports: tuple[Report, ...]
    problems: tuple[RowProblem, ...]
    rows: int
    notes: tuple[str, ...] = ()
    column_notes: tuple[str, ...] = ()

    @property
    def skipped(self) -> int:
        """Rows not imported."""
        return len({p.row for p in self.problems if p.error})

    @property
    def warnings(self) -> int:
        """Problems in rows that were imported all the same."""
        return sum(1 for p in self.problems if not p.error)

    def reasons(self) -> Counter[str]:
        """How many rows were skipped for each reason."""
        return Counter(p.reason.split(" (")[0].split(":")[0] for p in self.problems if p.error)


def read_table(
    raw: bytes,
    *,
    source: str,
    media_type: str = CSV,
    format: str | None = None,
    column_map: ColumnMap | None = None,
    source_name: str | None = None,
    unknown: Unknown = "keep",
    lookup: PlaceLookup | None = None,
    retrieved_at: datetime | None = None,
) -> TableImport:
    """Read a CSV or XLSX table into reports, one per good row.

    Args:
        raw: the file's bytes (kept byte for byte in the document; their sha256 is its key).
        source: where it came from (path or URI), used in messages and stored.
        media_type: CSV or XLSX.
        format: ``acled``, ``ucdp``, ``hxl`` or ``csv`` (a table read with ``column_map``);
            default: told from the header, or ``csv`` when a column map is given.
        column_map: which column holds which field (required for ``csv``).
        source_name: the name reports give as their source (default: the format's name).
        unknown: ``keep`` or ``reject`` a row whose value a map does not list.
        lookup: finds the place of a row without coordinates; None leaves such rows unplaced.
        retrieved_at: when the file was received (default now, UTC).

    Raises:
        InputError: the file as a whole cannot be read (encoding, no header, no date column,
            unknown format); row problems are returned, not raised.
    """
    if unknown not in UNKNOWN_POLICIES:
        raise InputError(f"--unknown must be keep or reject; got {unknown!r}")
    sheet = read_sheet(
        raw,
        source=source,
        media_type=media_type,
        encoding=column_map.encoding if column_map else None,
        sheet=column_map.sheet if column_map else None,
    )
    rows = sheet.rows
    first = next((n for n, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if first is None:
        raise InputError(f"{source}: the table is empty")
    chosen = format or ("csv" if column_map else detect_format(rows[first], rows))
    notes: list[str] = []
    column_notes: list[str] = []
    if chosen is None:
        raise InputError(
            f"{source}: cannot tell what kind of table this is; give --format acled, ucdp or "
            "hxl, or a column map with --map (harmwatch import --suggest-map FILE writes one)"
        )
    header_index = first
    if chosen == "hxl":
        tag_index = hxl_tag_row(rows)
        if tag_index is None:
            raise InputError(f"{source}: no HXL hashtag row in the first 25 rows")
        header = rows[tag_index - 1] if tag_index > 0 else None
        plan_map, names, hxl_notes = hxl_map(rows[tag_index], header)
        column_notes += hxl_notes
        columns = {name: n for n, name in enumerate(names)}
        header_index = tag_index
        width = len(rows[tag_index])
        unnamed: list[int] = []
    else:
        if chosen == "csv":
            if column_map is None:
                raise InputError(f"{source}: --format csv needs a column map (--map MAP.toml)")
            plan_map = column_map
            header_index = _header_row(rows, plan_map) if column_map else first
        else:
            plan_map = {"acled": ACLED, "ucdp": UCDP}.get(chosen)  # type: ignore[assignment]
            if plan_map is None:
                raise InputError(f"--format must be acled, ucdp, hxl or csv; got {chosen!r}")
            if column_map is not None:
                plan_map = column_map
        if chosen == "acled":
            notes.append(f"ACLED export ({acled_generation(rows[header_index])})")
        header_row = rows[header_index]
        columns = {}
        for n, name in enumerate(header_row):
            columns.setdefault(fold_header(name), n)
        width = len(header_row)
        unnamed = [n for n, name in enumerate(header_row) if not name.strip()]
    plan = _Plan(plan_map, columns, source=source, unknown=unknown, notes=column_notes)
    sha256 = hashlib.sha256(raw).hexdigest()
    name = source_name or (plan_map.name if chosen != "csv" else "field form")
    document = Document(
        sha256=sha256,
        source=source,
        raw=raw,
        text=sheet.text,
        media_type=sheet.media_type,
        title=f"{name} table: {source.rsplit('/', 1)[-1]}"
        + (f" (sheet {sheet.name.strip()})" if sheet.name else ""),
        retrieved_at=retrieved_at or datetime.now(UTC),
        encoding=sheet.encoding,
    )
    if sheet.encoding not in (None, "utf-8", "utf-8-sig"):
        notes.append(f"decoded as {sheet.encoding}")
    converter = _Converter(plan, sha256=sha256, source_name=name, lookup=lookup)
    reports: list[Report] = []
    problems: list[RowProblem] = []
    count = 0
    last = len(rows) - 1
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        number = index + 1
        if len(row) < width and media_type != XLSX:
            reason = "truncated" if index == last else "too few cells"
            problems.append(
                RowProblem(number, f"{reason}: {len(row)} of {width} columns", value=row[-1])
            )
            continue
        if len(row) < width:
            row = row + [""] * (width - len(row))  # an XLSX row without its empty last cells
        stray = [row[n] for n in unnamed if n < len(row) and row[n].strip()]
        stray += [c for c in row[width:] if c.strip()]
        report, found = converter.convert(row, number)
        if report is None and index == last:
            found = [
                dataclasses.replace(p, reason=p.reason + " (the last row: is the file cut short?)")
                for p in found
            ]
        problems.extend(found)
        if report is not None:
            reports.append(report)
            if stray:
                problems.append(
                    RowProblem(
                        number,
                        "values in columns without a name, not imported",
                        value=", ".join(stray),
                        error=False,
                    )
                )
    return TableImport(
        document, chosen, tuple(reports), tuple(problems), count, tuple(notes), tuple(column_notes)
    )


def _header_row(rows: list[list[str]], column_map: ColumnMap) -> int:
    """The first row (of the first 25) that holds the most of the map's columns."""
    wanted = {fold_header(c) for c in column_map.columns()}
    best, best_count = 0, -1
    for index, row in enumerate(rows[:25]):
        found = sum(1 for cell in row if fold_header(cell) in wanted)
        if found > best_count:
            best, best_count = index, found
    return best


# --- the plan: columns resolved once per file ---------------------------------------------------


_Cols = list[tuple[str, int]]  # (column name, index) of each column a field reads


@dataclass(slots=True)
class _Plan:
    column_map: ColumnMap
    columns: dict[str, int]
    source: str
    unknown: Unknown
    notes: list[str]
    fields: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    figures: list[tuple[str, str, _Cols, _Cols, _Cols]] = field(default_factory=list)

    def __post_init__(self) -> None:
        missing: list[str] = []

        def resolve(names: tuple[str, ...]) -> list[tuple[str, int]]:
            found = []
            for name in names:
                index = self.columns.get(name) if name.startswith("#") else None
                if index is None:
                    index = self.columns.get(fold_header(name))
                if index is None:
                    missing.append(name)
                else:
                    found.append((name.strip(), index))
            return found

        for key, names in self.column_map.fields.items():
            self.fields[key] = resolve(names)
        for spec in self.column_map.figures:
            self.figures.append(
                (spec.kind, spec.subject, resolve(spec.best), resolve(spec.low), resolve(spec.high))
            )
        if not self.fields.get("date") and "date" not in self.column_map.constants:
            wanted = self.column_map.fields.get("date", ("a date column",))
            raise InputError(
                f"{self.source}: no column {wanted[0]!r} for the date; its columns are "
                + ", ".join(repr(c) for c in list(self.columns)[:40])
            )
        if missing:
            self.notes.append(
                "columns named by the map but not in the file: "
                + ", ".join(repr(m) for m in dict.fromkeys(missing))
            )


# --- one row --------------------------------------------------------------------------------------


class _RowError(Exception):
    def __init__(self, problem: RowProblem) -> None:
        self.problem = problem


class _Converter:
    """Turns rows into reports with the caches that make a large file fast."""

    def __init__(
        self, plan: _Plan, *, sha256: str, source_name: str, lookup: PlaceLookup | None
    ) -> None:
        self.plan = plan
        self.map = plan.column_map
        self.sha256 = sha256
        self.source_name = source_name
        self.lookup = lookup
        self._dates: dict[str, tuple[date, date, int] | None] = {}
        self._places: dict[tuple[str | None, ...], tuple[Place, int] | None] = {}
        self._actors = _actor_table()

    def convert(self, row: list[str], number: int) -> tuple[Report | None, list[RowProblem]]:
        warnings: list[RowProblem] = []
        try:
            report = self._report([cell.strip() for cell in row], number, warnings)
        except _RowError as error:
            return None, [error.problem]
        return report, warnings

    # cells ---------------------------------------------------------------------------------

    def _values(self, row: list[str], key: str) -> list[tuple[str, str]]:
        """(column, text) of each non-empty cell of a field, or its constant (cells stripped)."""
        out = []
        for column, index in self.plan.fields.get(key, ()):
            value = row[index] if index < len(row) else ""
            if value and not _missing(value):
                out.append((column, value))
        if not out and key in self.map.constants:
            out.append(("(constant)", self.map.constants[key]))
        return out

    def _first(self, row: list[str], key: str) -> tuple[str, str] | None:
        for column, index in self.plan.fields.get(key, ()):
            value = row[index] if index < len(row) else ""
            if value and not _missing(value):
                return column, value
        constant = self.map.constants.get(key)
        return ("(constant)", constant) if constant is not None else None

    def _mapped(
        self, key: str, column: str, value: str, number: int, warnings: list[RowProblem]
    ) -> str | None:
        """A value through the field's value map: its target, or per the unknown policy."""
        table = self.map.values.get(key)
        if table is None:
            return value
        target = table.get(fold_header(value))
        if target is not None:
            return target or None
        if key in self.map.lenient:
            return value if key != "weapon" else None
        known = ", ".join(repr(k) for k in list(table)[:12])
        problem = RowProblem(number, f"unknown {key}: not in the map ({known})", column, value)
        if self.plan.unknown == "reject":
            raise _RowError(problem)
        warnings.append(
            RowProblem(number, f"unknown {key}, kept as given", column, value, error=False)
        )
        return value

    # fields --------------------------------------------------------------------------------

    def _report(self, row: list[str], number: int, warnings: list[RowProblem]) -> Report:
        found = self._first(row, "date")
        if found is None:
            column = (self.plan.fields.get("date") or [("date", 0)])[0][0]
            raise _RowError(RowProblem(number, "missing date", column, ""))
        for key in self.map.required:
            self._require(row, key, number)
        start, end, precision = self._date(found, number)
        found_end = self._first(row, "date_end")
        if found_end is not None:
            end = max(end, self._date(found_end, number)[1])
        if end < start:
            raise _RowError(
                RowProblem(number, f"the end date {end} is before the start {start}", *found)
            )
        time_precision = self._precision(row, "time_precision", self.map.time_scale, number,
                                         warnings) or precision  # fmt: skip
        figures = tuple(self._figures(row, number, warnings))
        place, geo_precision = self._place(row, number, warnings)
        perpetrators: list[str] = []
        for column, value in self._values(row, "perpetrator"):
            for name in value.split(self.map.split) if self.map.split else [value]:
                name = name.strip()
                mapped = (
                    self._mapped("perpetrator", column, name, number, warnings) if name else None
                )
                if mapped:
                    canonical = self._canonical(mapped)
                    if canonical not in perpetrators:
                        perpetrators.append(canonical)
        weapons: list[str] = []
        for column, value in self._values(row, "weapon"):
            weapon = self._mapped("weapon", column, value, number, warnings)
            if weapon is None:
                continue
            if weapon not in vocab.WEAPONS:
                folded = fold_header(weapon).replace(" ", "_")
                weapon = folded if folded in vocab.WEAPONS else "other"
            if weapon not in weapons:
                weapons.append(weapon)
        event_parts = []
        for column, value in self._values(row, "event_type"):
            mapped = self._mapped("event_type", column, value, number, warnings)
            if mapped:
                event_parts.append(mapped)
        external = self._first(row, "id")
        return Report(
            key=f"{self.sha256}:row{number}",
            document_sha256=self.sha256,
            source=self.source_name,
            date_start=start,
            date_end=end,
            time_precision=time_precision,
            place=place,
            geo_precision=geo_precision,
            perpetrators=tuple(perpetrators),
            weapons=tuple(weapons),
            figures=figures,
            event_type=": ".join(event_parts) or None,
            external_id=external[1] if external else None,
            row=number,
            cited_sources=tuple(self._sources(row)),
            place_name=next(
                (found[1] for key in _PLACE_NAMES if (found := self._first(row, key))), None
            ),
        )

    def _require(self, row: list[str], key: str, number: int) -> None:
        if "." in key:
            spec = next(s for s in self.plan.figures if f"{s[0]}.{s[1]}" == key)
            columns = [*spec[2], *spec[3], *spec[4]]
            present = any(i < len(row) and row[i].strip() for _, i in columns)
        else:
            columns = self.plan.fields.get(key, [])
            present = self._first(row, key) is not None
        if not present and columns:
            column = columns[0][0]
            raise _RowError(RowProblem(number, f"missing {key}", column, ""))

    def _canonical(self, name: str) -> str:
        """The project's name for an actor (``Military Forces of Russia (2015-)`` -> ``Russia``),
        else the name as given."""
        bare = _FOOTNOTE.sub("", name).strip()
        found = self._actors.get(fold_header(bare))
        if found is None and (state := _STATE_FORCES.match(bare)):
            found = self._actors.get(fold_header(state.group(1)))
        return found or name

    def _date(self, found: tuple[str, str], number: int) -> tuple[date, date, int]:
        column, text = found
        cached = self._dates.get(text, False)
        if cached is False:
            cached = _parse_date(text, self.map.date_formats)
            self._dates[text] = cached
        if cached is None:
            formats = ", ".join(self.map.date_formats) or "YYYY-MM-DD"
            raise _RowError(RowProblem(number, f"not a date (expected {formats})", column, text))
        return cached  # type: ignore[return-value]

    def _precision(
        self,
        row: list[str],
        key: str,
        scale: dict[str, int],
        number: int,
        warnings: list[RowProblem],
    ) -> int | None:
        found = self._first(row, key)
        if found is None:
            return None
        column, text = found
        code = text.strip().removesuffix(".0")
        allowed = vocab.TIME_PRECISIONS if key == "time_precision" else vocab.GEO_PRECISIONS
        value = scale.get(code) if scale else (int(code) if code.isdigit() else None)
        if value is None or value not in allowed:
            warnings.append(RowProblem(number, f"not a {key} code; ignored", column, text, False))
            return None
        return value

    def _figures(self, row: list[str], number: int, warnings: list[RowProblem]) -> list[Figure]:
        figures = []
        for kind, subject, best_cols, low_cols, high_cols in self.plan.figures:
            best, plus = self._sum(row, best_cols, number)
            low = self._sum(row, low_cols, number)[0] if low_cols else None
            high = self._sum(row, high_cols, number)[0] if high_cols else None
            if best is None and low is None and high is None:
                continue
            value = best if best is not None else low if low is not None else high
            assert value is not None
            bound = "at_least" if plus or (best is None and low is not None) else "exact"
            if len(best_cols) == 1 and not low_cols and not high_cols:
                cells = f"{best_cols[0][0]}: {row[best_cols[0][1]]}"
            else:
                cells = ", ".join(
                    f"{c}: {row[i]}" for c, i in (*best_cols, *low_cols, *high_cols) if row[i]
                )
            if (low is not None and low > value) or (high is not None and high < value):
                warnings.append(
                    RowProblem(
                        number,
                        f"{kind} {subject}: low <= best <= high does not hold "
                        f"(low {low}, best {value}, high {high}); imported as given",
                        error=False,
                    )
                )
            figures.append(
                Figure(
                    kind=kind,
                    subject=subject,
                    value=value,
                    bound=bound,
                    low=low,
                    high=high,
                    evidence=f"row {number}, {cells}",
                )
            )
        return figures

    @staticmethod
    def _sum(
        row: list[str], columns: list[tuple[str, int]], number: int
    ) -> tuple[int | None, bool]:
        """The sum of the columns' whole numbers (None if all are empty), and whether one was
        written as a lower bound (``10+``)."""
        total: int | None = None
        plus = False
        for column, index in columns:
            text = row[index]
            if not text:
                continue
            if text.isdigit():
                total = (total or 0) + int(text)
                continue
            if _missing(text):
                continue
            if not _INT.match(text):
                raise _RowError(RowProblem(number, "not a whole number", column, text))
            plus = plus or text.endswith("+")
            total = (total or 0) + int(float(_NUMBER_MARKS.sub("", text)))
        return total, plus

    def _place(
        self, row: list[str], number: int, warnings: list[RowProblem]
    ) -> tuple[Place | None, int | None]:
        names = {
            key: (found[1] if (found := self._first(row, key)) else None)
            for key in ("location", "admin3", "admin2", "admin1", "country")
        }
        precision = self._precision(row, "geo_precision", self.map.geo_scale, number, warnings)
        lat, lon = self._first(row, "latitude"), self._first(row, "longitude")
        if lat is not None and lon is not None:
            try:
                y, x = float(lat[1].replace(",", ".")), float(lon[1].replace(",", "."))
            except ValueError:
                bad = lat if not _is_float(lat[1]) else lon
                raise _RowError(RowProblem(number, "not a coordinate", *bad)) from None
            if not (-90 <= y <= 90 and -180 <= x <= 180) or (y == 0 and x == 0):
                raise _RowError(
                    RowProblem(number, "coordinates out of range", lat[0], f"{lat[1]}, {lon[1]}")
                )
            name = names["location"] or names["admin3"] or names["admin2"] or names["admin1"]
            place = Place(
                id=f"point:{y:.5f},{x:.5f}",
                name=name or f"{y:.5f}, {x:.5f}",
                lat=y,
                lon=x,
                feature="point",
                admin1=names["admin1"],
                admin2=names["admin2"],
                admin3=names["admin3"],
                country=names["country"],
            )
            if precision is None:
                precision = 1 if names["location"] else 2
            return place, precision
        if lat is not None or lon is not None:
            given = lat or lon
            assert given is not None
            warnings.append(
                RowProblem(number, "only one of latitude and longitude; ignored", *given, False)
            )
        if self.lookup is None or not any(names.values()):
            return None, precision
        key = tuple(names.values())
        if key not in self._places:
            self._places[key] = self.lookup(**names)
        located = self._places[key]
        if located is None:
            where = ", ".join(v for v in names.values() if v)
            warnings.append(RowProblem(number, "place not found in the gazetteer", None, where,
                                       error=False))  # fmt: skip
            return None, precision
        place, found_precision = located
        return place, precision or found_precision

    def _sources(self, row: list[str]) -> list[str]:
        out: list[str] = []
        for _, value in self._values(row, "source"):
            for name in value.split(self.map.split) if self.map.split else [value]:
                name = name.strip()
                if name and name not in out:
                    out.append(name)
        return out


def _is_float(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _parse_date(text: str, formats: tuple[str, ...]) -> tuple[date, date, int] | None:
    """(first day, last day, ACLED time precision) of a date as written, or None.

    A whole date is precision 1; ``2019-04`` or ``April 2019`` the month (3); ``2019`` the
    year (3).
    """
    text = " ".join(text.split())
    for fmt in (*formats, "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"):
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if "%d" in fmt:
            day = moment.date()
            return day, day, 1
        if "%m" in fmt or "%b" in fmt or "%B" in fmt:
            last = calendar.monthrange(moment.year, moment.month)[1]
            return moment.date(), moment.date().replace(day=last), 3
        return date(moment.year, 1, 1), date(moment.year, 12, 31), 3
    for fmt, precision in (("%Y-%m", 3), ("%B %Y", 3), ("%b %Y", 3), ("%Y", 3)):
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%Y":
            return date(moment.year, 1, 1), date(moment.year, 12, 31), precision
        last = calendar.monthrange(moment.year, moment.month)[1]
        return moment.date(), moment.date().replace(day=last), precision
    return None


def _actor_table() -> dict[str, str]:
    """Folded actor names and aliases -> the canonical actor (``vocab.actors``)."""
    table: dict[str, str] = {}
    for actor in vocab.actors():
        for alias in (actor.name, *actor.aliases):
            table.setdefault(fold_header(alias), actor.name)
    return table
