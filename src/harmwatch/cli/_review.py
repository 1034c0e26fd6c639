"""``harmwatch review``: the queue, an incident with its evidence, and analysts' decisions.

Every write names the incident version its author read (``--version``, as ``review show``
prints it) and acts as the user named by ``--as`` / ``HARMWATCH_USER``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from harmwatch import vocab
from harmwatch.cli._app import app, group, settings
from harmwatch.cli._output import err_console, json_line, say
from harmwatch.cli._users import current_user
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from harmwatch.model import Incident, Place, Tally
    from harmwatch.review import QueueItem, ReviewedIncident, SourceEvidence
    from harmwatch.store import ReviewWrite, Store

__all__ = ["format_queue_item", "format_reviewed"]

review_app = group(
    help="Review incidents: the queue, an incident with its evidence, grades and corrections."
)
app.add_typer(review_app, name="review")

Version = Annotated[
    int,
    typer.Option("--version", help="The incident version you read (`review show` prints it)."),
]
Reason = Annotated[str, typer.Option("--reason", help="Why: kept with the decision.")]


def _done(written: ReviewWrite, what: str) -> None:
    versions = ", ".join(
        f"incident {i} is now version {v}" for i, v in sorted(written.versions.items())
    )
    say(f"{what}; {versions}")


# --- reading -----------------------------------------------------------------------------------


def format_queue_item(item: QueueItem) -> str:
    """One line: ``  412 v3  2017-10-01  Kafranbel  new: not graded yet``."""
    day = item.first_date.isoformat() if item.first_date else "undated"
    reasons = "; ".join(item.reasons)
    return f"{item.incident_id:>6} v{item.version:<3} {day:<10}  {item.place or '-'}  {reasons}"


def _dates(incident: Incident) -> str:
    if incident.first_date is None:
        return "unknown"
    first = incident.first_date.isoformat()
    last = incident.last_date
    return first if last is None or last == incident.first_date else f"{first}..{last.isoformat()}"


def _place(place: Place | None) -> str:
    if place is None:
        return "unknown"
    where = ", ".join(x for x in (place.name, place.admin2, place.admin1) if x)
    return f"{where} ({place.id})"


def _tally(tally: Tally) -> str:
    spread = "" if tally.low == tally.high else f" ({tally.low}-{tally.high})"
    return f"{tally.kind} {tally.subject}: {tally.best}{spread}, {tally.rule}"


def format_reviewed(reviewed: ReviewedIncident, evidence: list[SourceEvidence]) -> list[str]:
    """``review show`` as lines: the incident, what analysts changed, each source quoted."""
    now, linked = reviewed.incident, reviewed.original
    corrected = {c.field: c for c in reviewed.corrections}
    grading = reviewed.grading
    grade = now.grade or "not graded"
    if grading is not None and grading.at is not None:
        grade += f" by {grading.actor} on {grading.at.date().isoformat()}"
    lines = [f"incident {now.id} (version {now.version}): {grade}"]
    for reason in reviewed.needs_review:
        lines.append(f"needs review: {reason}")

    def field(label: str, name: str, shown: str, was: str) -> None:
        entry = corrected.get(name)
        note = (
            ""
            if entry is None
            else f"  [corrected by {entry.actor}: {entry.reason}; linked: {was}]"
        )
        lines.append(f"{label}: {shown}{note}")

    field("date", "date", _dates(now), _dates(linked))
    field("place", "place", _place(now.place), _place(linked.place))
    perpetrators = ", ".join(f"{a.perpetrator} ({a.certainty})" for a in now.attributions)
    was = ", ".join(a.perpetrator for a in linked.attributions) or "none"
    field("perpetrators", "perpetrator", perpetrators or "unknown", was)
    if now.weapons:
        lines.append(f"weapons: {', '.join(now.weapons)}")
    for tally in now.tallies:
        lines.append(_tally(tally))
    lines.append(f"sources ({len(evidence)}):")
    for source in evidence:
        title = f" {source.title!r}" if source.title else ""
        lines.append(f"  {source.source}{title} (report {source.report_key})")
        for item in source.evidence:
            mark = "[rejected] " if item.rejected else ""
            origin = f"added by {item.added_by}" if item.added_by else f"claim {item.claim}"
            confidence = "" if item.confidence is None else f", confidence {item.confidence:.2f}"
            lines.append(
                f"    {mark}{item.kind} {item.subject} {item.value} ({item.bound}): "
                f'"{item.quote}" ({origin}{confidence})'
            )
            if item.sentence and item.sentence != item.quote:
                lines.append(f"      in: {item.sentence}")
    if reviewed.notes:
        lines.append("notes:")
        for note in reviewed.notes:
            secret = " [confidential]" if f"note:{note.id}" in reviewed.confidential else ""
            day = note.at.date().isoformat() if note.at else ""
            lines.append(f"  #{note.id} {note.actor} {day}{secret}: {note.value}")
    if reviewed.merged_from:
        lines.append(f"merged from: {', '.join(map(str, reviewed.merged_from))}")
    if reviewed.confidential:
        lines.append(f"confidential: {', '.join(reviewed.confidential)}")
    if reviewed.withheld:
        lines.append(f"withheld from you: {', '.join(reviewed.withheld)}")
    return lines


@review_app.command("queue")
def queue(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Show at most this many.")] = 50,
    output: Annotated[
        Literal["text", "jsonl"], typer.Option("--format", help="text, or jsonl for scripts.")
    ] = "text",
) -> None:
    """List incidents that need a person, most urgent first: confirmed ones a relink changed,
    sources changed since graded, low-confidence claims, never graded.

    Example: harmwatch review queue --limit 20
    """
    from harmwatch.review import review_queue
    from harmwatch.serialize import queue_item_to_dict
    from harmwatch.store import Store

    with Store.open(settings(ctx).db, upgrade=False) as store:
        items = review_queue(store, limit=limit)
    if output == "jsonl":
        for item in items:
            json_line(queue_item_to_dict(item))
        return
    if not items:
        err_console().print("nothing waits for review", markup=False)
    for item in items:
        say(format_queue_item(item))


@review_app.command("show")
def show(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    output: Annotated[
        Literal["text", "json"], typer.Option("--format", help="text, or json for scripts.")
    ] = "text",
) -> None:
    """Show an incident as reviewed, with each source's counts quoted from its text.

    A viewer (or no --as) sees no confidential field, note or source.

    Example: harmwatch --as omar review show 412
    """
    from harmwatch import review
    from harmwatch.serialize import reviewed_incident_to_dict, source_evidence_to_dict
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        user = current_user(store, run)
        reviewed = review.reviewed_incident(store, incident_id, user=user)
        evidence = review.incident_evidence(store, reviewed)
    if output == "json":
        data: dict[str, Any] = reviewed_incident_to_dict(reviewed)
        data["evidence"] = [source_evidence_to_dict(s) for s in evidence]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for line in format_reviewed(reviewed, evidence):
        say(line)


# --- decisions ---------------------------------------------------------------------------------


@review_app.command("grade")
def grade(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    value: Annotated[str, typer.Argument(metavar="GRADE", help=", ".join(vocab.GRADES))],
    version: Version,
    reason: Reason = "",
) -> None:
    """Grade an incident (confirmed, fair, weak, contested, discounted: docs/review.md).

    Example: harmwatch --as omar review grade 412 fair --version 3 --reason "two local sources"
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        written = review.grade_incident(
            store, incident_id, value, by=current_user(store, run), version=version, reason=reason
        )
    _done(written, f"graded incident {incident_id} {value}")


def _place_value(value: str, store: Store, data_dir: str) -> Place:
    from harmwatch.pipeline import load_gazetteer

    gazetteer = load_gazetteer(store=store, data_dir=Path(data_dir))  # with the team's places
    if ":" in value:
        return gazetteer.get(value)
    match = gazetteer.geocode(value)
    if match.place is None:
        raise InputError(f"no place {value!r} in the gazetteer; give its id (geonames:...)")
    return match.place


@review_app.command("correct")
def correct(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    field: Annotated[
        str,
        typer.Argument(
            help="date, place, perpetrator, or best:<kind>:<group> (best:killed:children)."
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            help="2017-10-01 or 2017-10-01..2017-10-03; a place id or name; actor names "
            "(comma-separated); a whole number."
        ),
    ],
    version: Version,
    reason: Reason,
    confidential: Annotated[
        bool, typer.Option("--confidential", help="Analysts and admins only.")
    ] = False,
) -> None:
    """Correct a field of an incident with a reason; the linked value is kept beside it.

    Example: harmwatch --as omar review correct 412 date 2017-09-30 --version 4 --reason "UTC"
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        given: Any = _place_value(value, store, run.data_dir) if field == "place" else value
        written = review.correct_field(
            store, incident_id, field, given, by=current_user(store, run), version=version,
            reason=reason, confidential=confidential,
        )  # fmt: skip
    _done(written, f"corrected {field} of incident {incident_id}")


@review_app.command("reject-claim")
def reject_claim(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    claim: Annotated[str, typer.Argument(help="The claim as `review show` names it: SHA256:N.")],
    version: Version,
    reason: Reason,
) -> None:
    """Reject a wrongly extracted claim: it stops counting, and stays stored.

    Example: harmwatch --as omar review reject-claim 412 8bfd...c3:2 --version 4 --reason "a date"
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        written = review.reject_claim(
            store, incident_id, claim, by=current_user(store, run), version=version, reason=reason
        )
    _done(written, f"rejected claim {claim}")


@review_app.command("add-claim")
def add_claim(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    document: Annotated[str, typer.Option("--document", help="The stored document's sha256.")],
    start: Annotated[int, typer.Option("--start", min=0, help="Evidence span start.")],
    end: Annotated[int, typer.Option("--end", min=1, help="Evidence span end.")],
    kind: Annotated[str, typer.Option("--kind", help=", ".join(vocab.CLAIM_KINDS))],
    subject: Annotated[str, typer.Option("--subject", help="The victim group, weapon or type.")],
    value: Annotated[int, typer.Option("--value", min=0, help="The count.")],
    version: Version,
    reason: Reason,
    bound: Annotated[str, typer.Option("--bound", help=", ".join(vocab.BOUNDS))] = "exact",
) -> None:
    """Add a count by hand, with its evidence span in a stored document's text.

    Example: harmwatch --as omar review add-claim 412 --document 8bfd...c3 --start 40 --end 50
    --kind injured --subject people --value 40 --version 4 --reason "missed by extraction"
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        written = review.add_claim(
            store, incident_id, document_sha256=document, start=start, end=end, kind=kind,
            subject=subject, value=value, bound=bound, by=current_user(store, run),
            version=version, reason=reason,
        )  # fmt: skip
    _done(written, f"added a {kind} {subject} claim to incident {incident_id}")


@review_app.command("merge")
def merge(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident that stays.")],
    other: Annotated[int, typer.Argument(metavar="OTHER", help="The incident merged into it.")],
    version: Version,
    other_version: Annotated[
        int, typer.Option("--other-version", help="The version of OTHER you read.")
    ],
    reason: Reason,
) -> None:
    """Merge incident OTHER into ID: one incident of both's reports, kept by every relink.

    Example: harmwatch --as omar review merge 412 415 --version 4 --other-version 2 --reason "same"
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        written = review.merge_incidents(
            store, incident_id, other, by=current_user(store, run), version=version,
            other_version=other_version, reason=reason,
        )  # fmt: skip
    _done(written, f"merged incident {other} into {incident_id}")


@review_app.command("split")
def split(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    reports: Annotated[
        list[str], typer.Argument(metavar="REPORT...", help="Report keys to take out.")
    ],
    version: Version,
    reason: Reason,
) -> None:
    """Take reports out of an incident into a new one; no relink joins them again.

    Example: harmwatch --as omar review split 412 8bfd...c3:1 --version 4 --reason "a day later"
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        written = review.split_incident(
            store, incident_id, reports, by=current_user(store, run), version=version,
            reason=reason,
        )  # fmt: skip
    _done(written, f"split incident {written.created[0]} out of {incident_id}")


@review_app.command("note")
def note(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    text: Annotated[str, typer.Argument(help="The note.")],
    version: Version,
    confidential: Annotated[
        bool, typer.Option("--confidential", help="Analysts and admins only.")
    ] = False,
) -> None:
    """Attach a note to an incident (confidential: never shown to viewers or published).

    Example: harmwatch --as omar review note 412 "witness called" --confidential --version 4
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        written = review.add_note(
            store, incident_id, text, by=current_user(store, run), version=version,
            confidential=confidential,
        )  # fmt: skip
    _done(written, f"note #{written.entry.id} added to incident {incident_id}")


@review_app.command("confidential")
def confidential(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident.")],
    field: Annotated[
        str,
        typer.Argument(help=f"{', '.join(vocab.CONFIDENTIAL_FIELDS[:-1])} or note:<id>."),
    ],
    version: Version,
    off: Annotated[bool, typer.Option("--off", help="Show it to viewers again.")] = False,
    reason: Reason = "",
) -> None:
    """Mark a field or note confidential: hidden from viewers and public output.

    Example: harmwatch --as omar review confidential 412 sources --version 5
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        written = review.mark_confidential(
            store, incident_id, field, by=current_user(store, run), version=version,
            confidential=not off, reason=reason,
        )  # fmt: skip
    state = "public again" if off else "confidential"
    _done(written, f"{field} of incident {incident_id} is {state}")
