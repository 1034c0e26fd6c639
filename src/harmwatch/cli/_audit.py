"""``harmwatch audit``: read the audit log, print its head hash, verify it against the rows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from harmwatch.cli._app import app, group, settings
from harmwatch.cli._output import err_console, fail, json_line, say
from harmwatch.errors import InputError, NotFound

if TYPE_CHECKING:
    from harmwatch.store import AuditEntry, AuditReport

__all__ = ["entry_json", "format_entry", "format_report"]

audit_app = group(help="The audit log: every change, hash-chained; verify it, publish its head.")
app.add_typer(audit_app, name="audit")

_SHOWN_PROBLEMS = 20


def entry_json(entry: AuditEntry) -> dict[str, object]:
    """An entry as JSON, with ``at`` exactly as hashed (UTC, microseconds, no offset)."""
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds"),
        "actor": entry.actor,
        "action": entry.action,
        "entity": entry.entity,
        "before": entry.before,
        "after": entry.after,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


def format_entry(entry: AuditEntry) -> str:
    """One line: ``     7  2026-12-02T10:11:12Z  rima  incident.grade  incident:412``."""
    at = entry.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{entry.seq:>6}  {at}  {entry.actor}  {entry.action}  {entry.entity}"


def format_report(report: AuditReport) -> list[str]:
    """The lines ``audit verify`` prints when nothing is wrong."""
    rows = ", ".join(f"{count} {table.replace('_', ' ')}" for table, count in report.rows.items())
    lines = [
        f"audit log intact: {report.entries} entries, head {report.head or '(empty)'}",
        f"rows match the log: {rows}",
    ]
    if report.published_head_seq is not None:
        lines.append(
            f"published head is entry {report.published_head_seq} of {report.entries}: "
            "nothing up to it was changed"
        )
    return lines


def _parse_since(value: str | None) -> datetime | date | None:
    if value is None:
        return None
    try:
        if "T" in value or " " in value:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"--since must be a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM:SSZ); got {value!r}"
        ) from None


@audit_app.command("verify")
def verify(
    ctx: typer.Context,
    head: Annotated[
        str | None,
        typer.Option(
            "--head",
            metavar="HASH",
            help="A head hash published earlier (`audit head`): check it is still in the chain.",
        ),
    ] = None,
) -> None:
    """Re-compute the hash chain and check every document, extraction and user against it.

    Names the first broken entry or row and exits 1 if anything does not match. With --head,
    also checks that a head published earlier is still in the chain (so that entries cut from
    the end, or a chain rewritten and re-hashed from some entry on, are found).

    Example: harmwatch audit verify --head 5b0c6f...e9
    """
    from harmwatch.store import Store

    with Store.open(settings(ctx).db, upgrade=False) as store:
        report = store.check_audit(head=head)
    for note in report.notes:
        err_console().print(f"note: {note}", markup=False)
    if report.ok:
        for line in format_report(report):
            say(line)
        return
    for problem in report.problems[:_SHOWN_PROBLEMS]:
        fail(problem.message)
    if len(report.problems) > _SHOWN_PROBLEMS:
        fail(f"... and {len(report.problems) - _SHOWN_PROBLEMS} more problems")
    raise typer.Exit(1)


@audit_app.command("head")
def head(ctx: typer.Context) -> None:
    """Print the hash of the last audit entry: publish it, and check it later with verify --head.

    Example: harmwatch audit head > published-head.txt
    """
    from harmwatch.store import Store

    with Store.open(settings(ctx).db, upgrade=False) as store:
        last = store.audit_head()
    if last is None:
        raise NotFound("the audit log is empty: there is no head to publish yet")
    say(last.hash)


@audit_app.command("log")
def log(
    ctx: typer.Context,
    entity: Annotated[
        str | None,
        typer.Option(
            "--entity",
            help="Only entries about this entity (document:SHA256, incident:412, user:NAME); "
            "a value ending in ':' matches all of that kind.",
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only entries by this actor.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE|TIME", help="Only entries at or after this (UTC)."),
    ] = None,
    output: Annotated[
        Literal["text", "jsonl"],
        typer.Option("--format", help="text: one line per entry; jsonl: every field, hashes too."),
    ] = "text",
) -> None:
    """Show audit entries in order: who did what to which entity, and when.

    Example: harmwatch audit log --entity incident:412 --since 2026-01-01 --format jsonl
    """
    from harmwatch.store import Store

    moment = _parse_since(since)
    with Store.open(settings(ctx).db, upgrade=False) as store:
        for entry in store.iter_audit(entity=entity, actor=actor, since=moment):
            if output == "jsonl":
                json_line(entry_json(entry))
            else:
                say(format_entry(entry))
