"""Column maps: which column of a table holds which field of a report, read from TOML.

A map is what turns any partner's spreadsheet (a KoboToolbox or ODK export, a monitoring group's
incident table) into reports; ACLED, UCDP GED and HXL files have maps built in. docs/import.md
documents every key with a worked example.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmwatch import vocab
from harmwatch.errors import InputError

__all__ = [
    "FIELDS",
    "ColumnMap",
    "FigureSpec",
    "fold_header",
    "load_column_map",
    "parse_column_map",
]

FIELDS: dict[str, str] = {
    "id": "the row's own id (ACLED event_id_cnty, a form's submission id)",
    "date": "the date of the event, or its first day",
    "date_end": "the last day, when the row gives a range",
    "time_precision": "ACLED's code: 1 day, 2 week, 3 month or longer (default from the date)",
    "event_type": "the kind of event, as the file words it (several columns are joined)",
    "perpetrator": "who carried it out (several columns and ;-separated names are all kept)",
    "weapon": "the weapon: one of harmwatch's weapon names, or mapped to one in [values.weapon]",
    "country": "country name or ISO code",
    "admin1": "governorate, province, oblast",
    "admin2": "district",
    "admin3": "sub-district",
    "location": "town, village or site name",
    "latitude": "decimal degrees",
    "longitude": "decimal degrees",
    "geo_precision": "ACLED's code: 1 town, 2 near a town or part of a region, 3 region",
    "source": "the sources the row cites (;-separated)",
}
"""Every field a column map may fill, besides counts (``killed.children``...)."""

_FIGURE_KINDS = ("killed", "injured", "strikes", "facilities_hit")
_SETTINGS = ("encoding", "sheet", "date_format", "split", "required", "constants", "values")
_SPACES = re.compile(r"\s+")


def fold_header(name: str) -> str:
    """A column name as matched: no outer spaces, one space inside, case-folded."""
    return _SPACES.sub(" ", name).strip().casefold()


@dataclass(frozen=True, slots=True)
class FigureSpec:
    """Columns that give one count: ``best`` (summed when several), and a ``low``/``high``
    range where the file has one (UCDP's low/high, min/max air raids)."""

    kind: str
    subject: str
    best: tuple[str, ...] = ()
    low: tuple[str, ...] = ()
    high: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which columns fill which report fields, and how their values are read.

    ``fields`` maps a field (``FIELDS``) to its columns; ``figures`` the counts; ``values`` a
    field to a table of raw value -> value (raw values folded with ``fold_header``);
    ``constants`` fields that hold the same value in every row; ``lenient`` fields whose
    values are looked up in ``values`` but may be missing from it without a complaint;
    ``required`` fields and counts (``killed.people``) a row is skipped without.
    """

    name: str
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    figures: tuple[FigureSpec, ...] = ()
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    date_formats: tuple[str, ...] = ()
    encoding: str | None = None
    sheet: str | None = None
    split: str = ";"
    lenient: frozenset[str] = frozenset()
    time_scale: dict[str, int] = field(default_factory=dict)
    geo_scale: dict[str, int] = field(default_factory=dict)
    required: tuple[str, ...] = ()

    def columns(self) -> list[str]:
        """Every column the map names, in the order named."""
        names = [c for cols in self.fields.values() for c in cols]
        for spec in self.figures:
            names += [*spec.best, *spec.low, *spec.high]
        return list(dict.fromkeys(names))


def load_column_map(path: Path) -> ColumnMap:
    """A column map from a TOML file (see docs/import.md).

    Raises:
        InputError: unreadable file, TOML syntax error, unknown key or value; the message names
            the file and the key.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such column map") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the column map ({error})") from None
    return parse_column_map(text, name=str(path))


def parse_column_map(text: str, *, name: str = "column map") -> ColumnMap:
    """A column map from TOML text; ``name`` is used in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{name}: not valid TOML ({error})") from None
    fields: dict[str, tuple[str, ...]] = {}
    figures: list[FigureSpec] = []
    for key, value in data.items():
        if key in _SETTINGS:
            continue
        if key in _FIGURE_KINDS:
            figures.extend(_figures(name, key, value))
        elif key in FIELDS:
            fields[key] = _columns(name, key, value)
        else:
            known = ", ".join([*FIELDS, *(f"{k}.<subject>" for k in _FIGURE_KINDS), *_SETTINGS])
            raise InputError(f"{name}: unknown key {key!r}; a column map may have {known}")
    if not fields.get("date") and "date" not in data.get("constants", {}):
        raise InputError(f'{name}: no date column; add date = "<column name>"')
    constants = _table(name, "constants", data.get("constants", {}))
    for key in constants:
        if key not in FIELDS:
            raise InputError(f"{name}: unknown field {key!r} in [constants]")
    values: dict[str, dict[str, str]] = {}
    for key, table in _table(name, "values", data.get("values", {}), nested=True).items():
        if key not in FIELDS:
            raise InputError(f"{name}: unknown field {key!r} in [values]")
        values[key] = {fold_header(raw): str(target) for raw, target in table.items()}
    for raw, target in values.get("weapon", {}).items():
        if target and target not in vocab.WEAPONS:
            raise InputError(
                f"{name}: [values.weapon] maps {raw!r} to {target!r}; weapons are "
                + ", ".join(vocab.WEAPONS)
            )
    required = data.get("required", [])
    if isinstance(required, str):
        required = [required]
    figure_keys = {f"{spec.kind}.{spec.subject}" for spec in figures}
    for key in required:
        if key not in fields and key not in figure_keys:
            raise InputError(f"{name}: required names {key!r}, which the map does not fill")
    formats = data.get("date_format", ())
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    encoding = data.get("encoding")
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(str(encoding))
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
    return ColumnMap(
        name=name,
        fields=fields,
        figures=tuple(figures),
        values=values,
        constants={k: str(v) for k, v in constants.items()},
        date_formats=formats,
        encoding=encoding,
        sheet=data.get("sheet"),
        split=str(data.get("split", ";")),
        required=tuple(str(key) for key in required),
    )


def _columns(name: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) and value:
        return (value,)
    if isinstance(value, list) and value and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    raise InputError(f"{name}: {key} must be a column name or a list of them; got {value!r}")


def _table(name: str, key: str, value: Any, *, nested: bool = False) -> dict[str, Any]:
    if not isinstance(value, dict) or (
        nested and not all(isinstance(v, dict) for v in value.values())
    ):
        raise InputError(f"{name}: [{key}] must be a table")
    return value


def _figures(name: str, kind: str, value: Any) -> list[FigureSpec]:
    subjects = vocab.SUBJECTS_BY_KIND[kind]
    if not isinstance(value, dict):
        raise InputError(f'{name}: {kind} needs a subject: {kind}.{subjects[0]} = "<column name>"')
    specs = []
    for subject, columns in value.items():
        key = f"{kind}.{subject}"
        if subject not in subjects:
            raise InputError(f"{name}: unknown {key!r}; {kind} counts are of {', '.join(subjects)}")
        if isinstance(columns, dict):
            unknown = set(columns) - {"best", "low", "high"}
            if unknown or not columns:
                raise InputError(f"{name}: {key} may have best, low and high; got {columns!r}")
            specs.append(
                FigureSpec(
                    kind,
                    subject,
                    *(
                        _columns(name, f"{key}.{part}", columns[part]) if part in columns else ()
                        for part in ("best", "low", "high")
                    ),
                )
            )
        else:
            specs.append(FigureSpec(kind, subject, _columns(name, key, columns)))
    return specs
