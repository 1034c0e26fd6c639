"""Tables of incidents (CSV, XLSX): ACLED, UCDP GED, HXL and field-form exports -> reports.

Private to ``harmwatch.ingest``, which exports its public names.
"""

from __future__ import annotations

from harmwatch.ingest._tables._formats import FORMATS
from harmwatch.ingest._tables._map import (
    FIELDS,
    ColumnMap,
    FigureSpec,
    load_column_map,
    parse_column_map,
)
from harmwatch.ingest._tables._rows import (
    UNKNOWN_POLICIES,
    PlaceLookup,
    RowProblem,
    TableImport,
    read_table,
)
from harmwatch.ingest._tables._sheet import CSV, XLSX
from harmwatch.ingest._tables._suggest import suggest_map

__all__ = [
    "CSV",
    "FIELDS",
    "FORMATS",
    "UNKNOWN_POLICIES",
    "XLSX",
    "ColumnMap",
    "FigureSpec",
    "PlaceLookup",
    "RowProblem",
    "TableImport",
    "load_column_map",
    "parse_column_map",
    "read_table",
    "suggest_map",
]
