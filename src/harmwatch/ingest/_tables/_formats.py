"""The field's standard exports as built-in column maps: ACLED, UCDP GED, and HXL-tagged tables.

Column names and codes are those of ACLED's and UCDP's codebooks (shared research notes,
docs/import.md); HXL hashtags are read with libhxl, tolerant of what real files hold.
"""

from __future__ import annotations

import re

from harmwatch.ingest._tables._map import ColumnMap, FigureSpec, fold_header

__all__ = [
    "ACLED",
    "FORMATS",
    "UCDP",
    "acled_generation",
    "detect_format",
    "hxl_map",
    "hxl_tag_row",
]

FORMATS = ("acled", "ucdp", "hxl", "csv")
"""What ``--format`` accepts: three standards, and ``csv`` for any table with a column map."""

_ACLED_WEAPONS = {
    "air/drone strike": "airstrike",
    "shelling/artillery/missile attack": "shelling",
    "chemical weapon": "chemical",
    "remote explosive/landmine/ied": "other",
    "grenade": "other",
    "suicide bomb": "other",
}

ACLED = ColumnMap(
    name="ACLED",
    fields={
        "id": ("event_id_cnty",),
        "date": ("event_date",),
        "time_precision": ("time_precision",),
        "event_type": ("event_type", "sub_event_type"),
        "perpetrator": ("actor1", "assoc_actor_1"),
        "weapon": ("sub_event_type",),
        "country": ("country",),
        "admin1": ("admin1",),
        "admin2": ("admin2",),
        "admin3": ("admin3",),
        "location": ("location",),
        "latitude": ("latitude",),
        "longitude": ("longitude",),
        "geo_precision": ("geo_precision",),
        "source": ("source",),
    },
    figures=(FigureSpec("killed", "people", ("fatalities",)),),
    values={"weapon": _ACLED_WEAPONS},
    # ACLED's own date forms, and the one a spreadsheet leaves after opening an export
    date_formats=("%d %B %Y", "%Y-%m-%d", "%d-%b-%y", "%d-%m-%Y", "%d/%m/%Y", "%d-%B-%Y"),
    lenient=frozenset({"weapon"}),
    # ACLED fills these in every row: a row without them is cut short or damaged
    required=("country", "latitude", "longitude", "killed.people"),
)
"""ACLED exports, both column sets (before and after the 20 March 2023 change)."""

_ACLED_REQUIRED = {"event_id_cnty", "event_date", "event_type", "actor1", "fatalities"}
_ACLED_BEFORE_2023 = {"data_id", "event_id_no_cnty", "iso3"}
_ACLED_AFTER_2023 = {"disorder_type", "civilian_targeting", "tags"}

UCDP = ColumnMap(
    name="UCDP GED",
    fields={
        "id": ("relid",),
        "date": ("date_start",),
        "date_end": ("date_end",),
        "time_precision": ("date_prec",),
        "event_type": ("type_of_violence",),
        "perpetrator": ("side_a", "side_b"),
        "country": ("country",),
        "admin1": ("adm_1",),
        "admin2": ("adm_2",),
        "location": ("where_coordinates",),
        "latitude": ("latitude",),
        "longitude": ("longitude",),
        "geo_precision": ("where_prec",),
        "source": ("source_original",),
    },
    figures=(
        FigureSpec("killed", "people", ("best",), ("low",), ("high",)),
        FigureSpec("killed", "civilians", ("deaths_civilians",)),
        FigureSpec("killed", "fighters", ("deaths_a", "deaths_b")),
    ),
    values={
        "event_type": {
            "1": "state-based conflict",
            "2": "non-state conflict",
            "3": "one-sided violence",
        },
        "perpetrator": {"civilians": ""},  # side_b of one-sided violence is its victims
    },
    date_formats=("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"),
    lenient=frozenset({"perpetrator"}),
    required=("country", "killed.people"),
    # UCDP's date_prec 1 day .. 5 year, where_prec 1 exact .. 7 water, as ACLED's 1-3
    time_scale={"1": 1, "2": 2, "3": 2, "4": 3, "5": 3},
    geo_scale={"1": 1, "2": 2, "3": 3, "4": 3, "5": 3, "6": 3, "7": 3},
)
"""UCDP Georeferenced Event Dataset (GED) exports: its 49 columns."""

_UCDP_REQUIRED = {"relid", "date_start", "date_end", "best", "low", "high", "type_of_violence"}


def detect_format(header: list[str], rows: list[list[str]]) -> str | None:
    """``acled``, ``ucdp`` or ``hxl`` when a table's header (or its first rows) says so."""
    names = {fold_header(cell) for cell in header}
    if _ACLED_REQUIRED <= names:
        return "acled"
    if _UCDP_REQUIRED <= names:
        return "ucdp"
    if hxl_tag_row(rows) is not None:
        return "hxl"
    return None


def acled_generation(header: list[str]) -> str:
    """Which ACLED column set a header has, in words for the summary."""
    names = {fold_header(cell) for cell in header}
    if _ACLED_AFTER_2023 & names:
        return "columns since March 2023"
    if _ACLED_BEFORE_2023 & names:
        return "columns before March 2023"
    return "core columns"


# --- HXL ------------------------------------------------------------------------------------------

_HXL_ROWS = 25  # the hashtag row may be anywhere in the first rows (libhxl looks as far)
_BARE_WORD = re.compile(r"\s+(?=[A-Za-z_][\w]*(\s|$))")


def _repair_tag(cell: str) -> str:
    """A hashtag as real files write it, made standard: ``#country +ISO`` -> ``#country+ISO``,
    ``#affected aidworker +killed`` -> ``#affected+aidworker+killed``."""
    text = cell.strip()
    if not text.startswith("#"):
        return text
    parts = text.split()
    out = parts[0]
    for part in parts[1:]:
        out += part if part.startswith("+") else "+" + part
    return out


def hxl_tag_row(rows: list[list[str]]) -> int | None:
    """The index of the hashtag row among the first rows (libhxl's rule), or None."""
    from hxl.model import Column

    for index, row in enumerate(rows[:_HXL_ROWS]):
        cells = [cell.strip() for cell in row if cell.strip()]
        tags = [cell for cell in cells if cell.startswith("#")]
        if not tags or len(tags) * 2 < len(cells):
            continue
        parsed = [Column.parse(_repair_tag(tag), use_exception=False) for tag in tags]
        if sum(1 for column in parsed if column) * 2 >= len(tags):
            return index
    return None


# HXL tag patterns -> report fields, most specific first (see docs/import.md)
_HXL_FIELDS: tuple[tuple[str, str], ...] = (
    ("#date+end", "date_end"),
    ("#date+reported", ""),
    ("#date", "date"),
    ("#event+id", "id"),
    ("#event+code", "id"),
    ("#meta+id", "id"),
    ("#event+type", "event_type"),
    ("#event+category", "event_type"),
    ("#country+name", "country"),
    ("#country+iso", "country"),
    ("#country+code", "country"),
    ("#country", "country"),
    ("#adm1+code", ""),
    ("#adm1", "admin1"),
    ("#admin1", "admin1"),
    ("#admin", "admin1"),
    ("#adm2+code", ""),
    ("#adm2", "admin2"),
    ("#admin2", "admin2"),
    ("#adm3+code", ""),
    ("#adm3", "admin3"),
    ("#admin3", "admin3"),
    ("#loc+name", "location"),
    ("#geo+lat", "latitude"),
    ("#lat", "latitude"),
    ("#geo+lon", "longitude"),
    ("#geo+long", "longitude"),
    ("#long", "longitude"),
    ("#lon", "longitude"),
    ("#group+perp+name", "perpetrator"),
    ("#group+name+first", "perpetrator"),
    ("#group+perp", "perpetrator"),
    ("#weapon", "weapon"),
    ("#weapons", "weapon"),
    ("#meta+source", "source"),
)
# attributes of #affected / #inneed... -> victim group
_HXL_GROUPS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"children"}), "children"),
    (frozenset({"infants"}), "children"),
    (frozenset({"adolescents"}), "children"),
    (frozenset({"f", "adults"}), "women"),
    (frozenset({"m", "adults"}), "men"),
    (frozenset({"f"}), "women"),
    (frozenset({"m"}), "men"),
    (frozenset({"healthworker"}), "medical_staff"),
    (frozenset({"aid_healthworker"}), "medical_staff"),
    (frozenset({"civilians"}), "civilians"),
    (frozenset({"fighters"}), "fighters"),
    (frozenset({"aidworker"}), "other"),
    (frozenset({"teacher"}), "other"),
    (frozenset({"student"}), "other"),
)
_HXL_WEAPONS = {
    "aerial bomb: plane": "airstrike",
    "aerial bomb: helicopter": "airstrike",
    "aerial bomb: drone": "drone",
    "aerial bomb: missile": "missile",
    "aerial bomb": "airstrike",
    "airstrike": "airstrike",
    "air strike": "airstrike",
    "drone": "drone",
    "missile": "missile",
    "shelling": "shelling",
    "artillery": "shelling",
    "barrel bomb": "barrel_bomb",
    "cluster munition": "cluster_munition",
    "chemical": "chemical",
}


def hxl_map(tag_row: list[str], header: list[str] | None) -> tuple[ColumnMap, list[str], list[str]]:
    """A column map for an HXL table, the column names it refers to, and notes on tags that
    were repaired or not used.

    Columns are named by position (``#1`` ...) since HXL files need not have a header row.
    """
    from hxl.model import Column, TagPattern

    patterns = [(TagPattern.parse(pattern), target) for pattern, target in _HXL_FIELDS]
    fields: dict[str, list[tuple[int, str]]] = {}
    figures: dict[tuple[str, str], list[str]] = {}
    notes: list[str] = []
    names = [f"#{n + 1}" for n in range(len(tag_row))]
    for n, cell in enumerate(tag_row):
        raw = cell.strip()
        if not raw:
            continue
        repaired = _repair_tag(raw)
        column = Column.parse(repaired, header=(header or [""] * len(tag_row))[n] or None,
                              use_exception=False)  # fmt: skip
        label = f"column {n + 1} ({raw})"
        if not column:
            notes.append(f"{label}: not an HXL hashtag; ignored")
            continue
        if repaired != raw and repaired.replace("+", " +") != raw.replace(" +", " +"):
            notes.append(f"{label}: read as {column.display_tag}")
        figure = _hxl_figure(column)
        if figure is not None:
            figures.setdefault(figure, []).append(names[n])
            continue
        rank, target = next(
            ((r, t) for r, (pattern, t) in enumerate(patterns) if pattern.match(column)),
            (len(patterns), None),
        )
        if target:
            fields.setdefault(target, []).append((rank, names[n]))
        elif target is None:
            notes.append(f"{label}: {column.display_tag} has no report field; kept in the file")
    # a name beats a class: "#group+perp+name" over "#group+perp"; "+name" over "+iso"
    for key in ("perpetrator", "country"):
        if len(fields.get(key, ())) > 1:
            fields[key] = [min(fields[key])]
    column_map = ColumnMap(
        name="HXL",
        fields={k: tuple(name for _, name in v) for k, v in fields.items()},
        figures=tuple(
            FigureSpec(kind, subject, tuple(cols)) for (kind, subject), cols in figures.items()
        ),
        values={"weapon": _HXL_WEAPONS},
        date_formats=("%Y-%m-%d", "%Y-%m", "%Y", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S"),
        lenient=frozenset({"weapon"}),
    )
    return column_map, names, notes


def _hxl_figure(column: object) -> tuple[str, str] | None:
    """(kind, subject) of a count column: ``#affected+killed+children`` -> killed, children;
    ``#indicator+health_facility+destroyed+num`` -> facilities_hit, medical."""
    tag = getattr(column, "tag", None)
    attributes = {a.lower() for a in getattr(column, "attributes", ())}
    if tag == "#affected":
        kind = "killed" if "killed" in attributes else "injured" if "injured" in attributes else ""
        if not kind:
            return None
        subject = next((s for need, s in _HXL_GROUPS if need <= attributes), "people")
        return kind, subject
    if (
        tag == "#indicator"
        and "health_facility" in attributes
        and (attributes & {"destroyed", "damaged"})
    ):
        return "facilities_hit", "medical"
    return None
