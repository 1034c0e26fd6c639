"""What analysts do to incidents: grade, correct, reject or add claims, merge, split, annotate.

Every function takes the acting ``User`` (``by``) and the incident version they read; the
store refuses the write if the incident moved on since ("incident 412 changed since you opened
it; reload and review again"). Each write is one review entry with its audit entry; nothing
linking found is written over (see ``_view.apply_review`` for how the current view is derived).
A decision that must outlive a relink also records a pin (``LinkDecision``): the incident keeps
its id and its reports whatever linking later proposes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from harmwatch import vocab
from harmwatch.errors import ConfigError, InputError, NotFound
from harmwatch.model import (
    Claim,
    Facility,
    Incident,
    LinkDecision,
    Place,
    Report,
    ReviewEntry,
    User,
)
from harmwatch.review._roles import require
from harmwatch.review._view import Rebuild, content_digest, field_kind
from harmwatch.serialize import claim_to_dict, place_json
from harmwatch.store import NEW_INCIDENT, ReviewWrite, Store

__all__ = [
    "add_claim",
    "add_note",
    "correct_field",
    "grade_incident",
    "linked_rebuild",
    "mark_confidential",
    "merge_incidents",
    "parse_claim_key",
    "reject_claim",
    "split_incident",
]


class LinkedRebuild:
    """Linking's own way to make one incident of reports: facilities matched against (and
    added to) the store's registry, then ``build_incident``; ``registry`` is the registry after
    every call, to store with the incidents."""

    def __init__(self, known: Sequence[Facility], register: Any, build: Any) -> None:
        self._register = register
        self._build = build
        self._registry: dict[str, Facility] = {f.id: f for f in known}

    @property
    def registry(self) -> list[Facility]:
        """The facility registry with what the reports rebuilt so far added."""
        return list(self._registry.values())

    def __call__(
        self, reports: Sequence[Report], *, incident_id: int | None, version: int = 1
    ) -> Incident:
        registry, placed = self._register(reports, known=self.registry)
        self._registry.update((f.id, f) for f in registry)
        incident: Incident = self._build(placed, incident_id=incident_id, version=version)
        return incident


def linked_rebuild(store: Store, *, required: bool = True) -> LinkedRebuild | None:
    """A ``LinkedRebuild`` on the store's facility registry, so that a merge or split gives
    exactly what a relink of those reports gives. Without the linking stage: ConfigError, or
    None when not ``required``."""
    from harmwatch import link

    build = getattr(link, "build_incident", None)
    register = getattr(link, "register_facilities", None)
    if build is None or register is None:
        if required:
            raise ConfigError("merging and splitting need the linking stage, which is missing")
        return None
    return LinkedRebuild(store.facilities(), register, build)


def _reason(reason: str, what: str) -> str:
    text = reason.strip()
    if not text:
        raise InputError(f"{what} needs a reason (--reason): say why, for whoever reads it later")
    return text


def _reviewer(by: User | None) -> User:
    return require(by, "review")


def _pin(incident: Incident, user: User, why: str) -> LinkDecision:
    assert incident.id is not None
    return LinkDecision("pin", incident.reports, incident.id, actor=user.name, reason=why)


def grade_incident(
    store: Store, incident_id: int, grade: str, *, by: User | None, version: int, reason: str = ""
) -> ReviewWrite:
    """Grade an incident (``vocab.GRADES``, the Airwars grades) and pin its reports to it.

    The grade entry records a digest of what linking made of the incident, so that a later
    change of its sources puts it back in the review queue.
    """
    user = _reviewer(by)
    if grade not in vocab.GRADES:
        raise InputError(f"grade must be one of {', '.join(vocab.GRADES)}; got {grade!r}")
    incident = store.get_incident(incident_id)
    entry = ReviewEntry(
        incident_id,
        "grade",
        user.name,
        value={"grade": grade, "content_sha256": content_digest(incident)},
        reason=reason.strip(),
        incident_version=version,
    )
    decisions = [] if _is_pinned(store, incident) else [_pin(incident, user, f"graded {grade}")]
    return store.add_review(
        entry, versions={incident_id: version}, grade=grade, set_grade=True, decisions=decisions
    )


def _is_pinned(store: Store, incident: Incident) -> bool:
    pinned = {
        key
        for decision in store.link_decisions()
        if decision.kind == "pin" and decision.incident_id == incident.id
        for key in decision.reports
    }
    return set(incident.reports) <= pinned


# --- corrections, one parser per field ---------------------------------------------------------


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"a date must be YYYY-MM-DD; got {text!r}") from None


def _date_value(value: Any, incident: Incident) -> dict[str, Any]:
    if isinstance(value, dict):
        first, last = value.get("first"), value.get("last") or value.get("first")
        value = f"{first}..{last}"
    if isinstance(value, tuple | list) and len(value) == 2:
        first_day, last_day = (v if isinstance(v, date) else _day(str(v)) for v in value)
    elif isinstance(value, date):
        first_day = last_day = value
    else:
        text = str(value)
        first_text, _, last_text = text.partition("..")
        first_day = _day(first_text)
        last_day = _day(last_text) if last_text else first_day
    if last_day < first_day:
        raise InputError(f"the last date {last_day} is before the first {first_day}")
    was = {
        "first": None if incident.first_date is None else incident.first_date.isoformat(),
        "last": None if incident.last_date is None else incident.last_date.isoformat(),
    }
    return {"first": first_day.isoformat(), "last": last_day.isoformat(), "was": was}


def _place_value(value: Any, incident: Incident) -> dict[str, Any]:
    if isinstance(value, Place):
        place, precision = value, 1
    elif isinstance(value, dict) and isinstance(value.get("place"), dict):
        place = Place(**value["place"])
        precision = int(value.get("geo_precision", 1))
    else:
        raise InputError("a place correction needs a gazetteer place (an id such as geonames:…)")
    if precision not in vocab.GEO_PRECISIONS:
        raise InputError(
            f"geo_precision must be one of {', '.join(map(str, vocab.GEO_PRECISIONS))}"
        )
    was = None if incident.place is None else incident.place.id
    return {"place": place_json(place), "geo_precision": precision, "was": was}


def _perpetrator_value(value: Any, incident: Incident) -> dict[str, Any]:
    certainty = "known"
    if isinstance(value, dict):
        certainty = value.get("certainty", "known")
        value = value.get("perpetrators", [])
    names = [n.strip() for n in (value.split(",") if isinstance(value, str) else value)]
    names = [n for n in names if n]
    known = {actor.name for actor in vocab.actors()}
    unknown = [n for n in names if n not in known]
    if not names or unknown:
        raise InputError(
            f"perpetrator {', '.join(unknown) or '(none)'} is not an actor harmwatch knows: "
            "use the names in data/actors.csv (Russia, Syrian government, ...)"
        )
    if certainty not in vocab.PERPETRATOR_CERTAINTIES:
        raise InputError(f"certainty must be one of {', '.join(vocab.PERPETRATOR_CERTAINTIES)}")
    was = [a.perpetrator for a in incident.attributions]
    return {"perpetrators": names, "certainty": certainty, "was": was}


def _best_field(name: str) -> tuple[str, str]:
    parts = name.split(":")
    if len(parts) != 3 or parts[1] not in vocab.CLAIM_KINDS:
        raise InputError(
            f"a best value is named best:<kind>:<group>, e.g. best:killed:children; got {name!r}"
        )
    if parts[2] not in vocab.SUBJECTS_BY_KIND[parts[1]]:
        groups = ", ".join(vocab.SUBJECTS_BY_KIND[parts[1]])
        raise InputError(f"{parts[1]} counts one of {groups}; got {parts[2]!r}")
    return parts[1], parts[2]


def _best_value(name: str, value: Any, incident: Incident) -> dict[str, Any]:
    kind, subject = _best_field(name)
    try:
        best = int(value["best"] if isinstance(value, dict) else value)
    except (TypeError, ValueError, KeyError):
        raise InputError(f"a best value is a whole number; got {value!r}") from None
    if best < 0:
        raise InputError(f"a best value cannot be negative; got {best}")
    was = next((t.best for t in incident.tallies if (t.kind, t.subject) == (kind, subject)), None)
    return {"best": best, "was": was}


def _field_value(name: str, value: Any, incident: Incident) -> dict[str, Any]:
    kind = field_kind(name)
    if kind not in vocab.CORRECTABLE_FIELDS or (kind != "best" and name != kind):
        fields = ", ".join(f for f in vocab.CORRECTABLE_FIELDS if f != "best")
        raise InputError(
            f"can correct {fields} or best:<kind>:<group> (e.g. best:killed:children); got {name!r}"
        )
    if kind == "best":
        return _best_value(name, value, incident)
    parser = {"date": _date_value, "place": _place_value, "perpetrator": _perpetrator_value}[kind]
    return parser(value, incident)


def correct_field(
    store: Store,
    incident_id: int,
    field: str,
    value: Any,
    *,
    by: User | None,
    version: int,
    reason: str,
    confidential: bool = False,
) -> ReviewWrite:
    """Supersede one field of an incident with a reason; the linked value stays beside it.

    Args:
        field: ``date`` (``2017-10-01`` or ``2017-10-01..2017-10-03``), ``place`` (a
            gazetteer ``Place``), ``perpetrator`` (actor names, comma-separated), or
            ``best:<kind>:<group>`` (a victim group's best value, e.g. ``best:killed:children``).
        confidential: the corrected value is for analysts only (viewers see the field withheld).
    """
    user = _reviewer(by)
    why = _reason(reason, "a correction")
    incident = store.get_incident(incident_id)
    entry = ReviewEntry(
        incident_id,
        "correct",
        user.name,
        field=field,
        value=_field_value(field, value, incident),
        reason=why,
        confidential=confidential,
        incident_version=version,
    )
    decisions = [] if _is_pinned(store, incident) else [_pin(incident, user, f"{field} corrected")]
    return store.add_review(entry, versions={incident_id: version}, decisions=decisions)


# --- claims ------------------------------------------------------------------------------------


def parse_claim_key(key: str) -> tuple[str, int]:
    """``<document sha256>:<ordinal>`` -> (sha256, ordinal); InputError otherwise."""
    sha256, _, ordinal = key.rpartition(":")
    if len(sha256) != 64 or not ordinal.isdigit():
        raise InputError(
            f"a claim is named <document sha256>:<ordinal> (as `review show` lists it); got {key!r}"
        )
    return sha256, int(ordinal)


def _stored_claim(store: Store, key: str) -> Claim:
    sha256, ordinal = parse_claim_key(key)
    claims = store.claims_for(sha256)
    if ordinal >= len(claims):
        raise NotFound(f"no claim {key}: document {sha256} has {len(claims)} claims")
    return claims[ordinal]


def reject_claim(
    store: Store, incident_id: int, claim: str, *, by: User | None, version: int, reason: str
) -> ReviewWrite:
    """Mark an extracted claim wrong: it stops counting (the claim itself is kept)."""
    user = _reviewer(by)
    why = _reason(reason, "rejecting a claim")
    found = _stored_claim(store, claim)
    store.get_incident(incident_id)
    entry = ReviewEntry(
        incident_id,
        "reject_claim",
        user.name,
        target=claim,
        value={"claim": claim_to_dict(found)},
        reason=why,
        incident_version=version,
    )
    return store.add_review(entry, versions={incident_id: version})


def add_claim(
    store: Store,
    incident_id: int,
    *,
    document_sha256: str,
    start: int,
    end: int,
    kind: str,
    subject: str,
    value: int,
    bound: str = "exact",
    by: User | None,
    version: int,
    reason: str,
) -> ReviewWrite:
    """Add a count an analyst read in a stored document, with its evidence span there."""
    user = _reviewer(by)
    why = _reason(reason, "adding a claim")
    try:
        vocab.check_value("kind", kind, vocab.CLAIM_KINDS)
        vocab.check_value("subject", subject, vocab.SUBJECTS_BY_KIND[kind])
        vocab.check_value("bound", bound, vocab.BOUNDS)
    except ValueError as error:
        raise InputError(str(error)) from None
    if value < 0:
        raise InputError(f"a count cannot be negative; got {value}")
    document = store.get_document(document_sha256)
    if not 0 <= start < end <= len(document.text):
        raise InputError(
            f"the evidence span {start}-{end} is not inside document {document_sha256} "
            f"(its text has {len(document.text)} characters)"
        )
    store.get_incident(incident_id)
    entry = ReviewEntry(
        incident_id,
        "add_claim",
        user.name,
        target=f"{document_sha256}:{start}-{end}",
        value={
            "document_sha256": document_sha256,
            "start": start,
            "end": end,
            "text": document.text[start:end],
            "kind": kind,
            "subject": subject,
            "value": value,
            "bound": bound,
        },
        reason=why,
        incident_version=version,
    )
    return store.add_review(entry, versions={incident_id: version})


# --- notes and confidentiality -----------------------------------------------------------------


def add_note(
    store: Store,
    incident_id: int,
    text: str,
    *,
    by: User | None,
    version: int,
    confidential: bool = False,
) -> ReviewWrite:
    """Attach a note (confidential: analysts and admins only, never in public output)."""
    user = _reviewer(by)
    if not text.strip():
        raise InputError("a note needs some text")
    store.get_incident(incident_id)
    entry = ReviewEntry(
        incident_id,
        "note",
        user.name,
        value=text.strip(),
        confidential=confidential,
        incident_version=version,
    )
    return store.add_review(entry, versions={incident_id: version})


def mark_confidential(
    store: Store,
    incident_id: int,
    field: str,
    *,
    by: User | None,
    version: int,
    confidential: bool = True,
    reason: str = "",
) -> ReviewWrite:
    """Hide a field or note from viewers (or, with ``confidential=False``, show it again).

    ``field`` is ``date``, ``place``, ``perpetrator``, ``best:<kind>:<group>``, ``sources``
    or ``note:<entry id>``.
    """
    user = _reviewer(by)
    kind = field_kind(field)
    if kind not in vocab.CONFIDENTIAL_FIELDS:
        raise InputError(
            f"can mark confidential {', '.join(vocab.CONFIDENTIAL_FIELDS)} "
            f"(best:<kind>:<group>, note:<id>); got {field!r}"
        )
    if kind == "best" and field != "best":
        _best_field(field)
    if kind == "note":
        note_id = field.partition(":")[2]
        notes = store.reviews_of([incident_id]).get(incident_id, [])
        if not any(e.action == "note" and str(e.id) == note_id for e in notes):
            raise NotFound(f"incident {incident_id} has no note {note_id or '(no id given)'}")
    store.get_incident(incident_id)
    entry = ReviewEntry(
        incident_id,
        "confidential",
        user.name,
        field=field,
        value=confidential,
        reason=reason.strip(),
        incident_version=version,
    )
    return store.add_review(entry, versions={incident_id: version})


# --- merges and splits -------------------------------------------------------------------------


def merge_incidents(
    store: Store,
    keep_id: int,
    other_id: int,
    *,
    by: User | None,
    version: int,
    other_version: int,
    reason: str,
    rebuild: Rebuild | None = None,
) -> ReviewWrite:
    """Merge incident ``other_id`` into ``keep_id``: one incident of both's reports, which
    every relink keeps together; ``other_id`` no longer exists (its review history stays).
    ``rebuild`` defaults to ``linked_rebuild(store)``."""
    user = _reviewer(by)
    why = _reason(reason, "a merge")
    rebuild = rebuild or linked_rebuild(store)
    assert rebuild is not None
    if keep_id == other_id:
        raise InputError(f"cannot merge incident {keep_id} with itself")
    keep, other = store.get_incident(keep_id), store.get_incident(other_id)
    reports = store.get_reports([*keep.reports, *other.reports])
    merged = rebuild(reports, incident_id=keep_id, version=keep.version)
    entry = ReviewEntry(
        keep_id,
        "merge",
        user.name,
        target=str(other_id),
        value={"merged": other_id, "reports": list(other.reports), "other_grade": other.grade},
        reason=why,
        incident_version=version,
    )
    pin = LinkDecision("pin", merged.reports, keep_id, actor=user.name, reason=f"merged {other_id}")
    return store.add_review(
        entry,
        versions={keep_id: version, other_id: other_version},
        decisions=[pin],
        rewrite=[merged],
        retire=[other_id],
        registry=getattr(rebuild, "registry", ()),
    )


def split_incident(
    store: Store,
    incident_id: int,
    report_keys: Sequence[str],
    *,
    by: User | None,
    version: int,
    reason: str,
    rebuild: Rebuild | None = None,
) -> ReviewWrite:
    """Take reports out of an incident into a new one (``ReviewWrite.created``); both are
    pinned, so that no relink joins them again. ``rebuild`` defaults to
    ``linked_rebuild(store)``."""
    user = _reviewer(by)
    why = _reason(reason, "a split")
    rebuild = rebuild or linked_rebuild(store)
    assert rebuild is not None
    incident = store.get_incident(incident_id)
    moving = sorted(set(report_keys))
    strangers = [key for key in moving if key not in incident.reports]
    if strangers:
        raise InputError(f"report {strangers[0]} is not in incident {incident_id}")
    staying = [key for key in incident.reports if key not in set(moving)]
    if not moving or not staying:
        raise InputError("a split takes some of an incident's reports out, not none or all")
    rest = rebuild(store.get_reports(staying), incident_id=incident_id, version=incident.version)
    new = rebuild(store.get_reports(moving), incident_id=None, version=1)
    entry = ReviewEntry(
        incident_id,
        "split",
        user.name,
        target=",".join(moving),
        value={"reports": moving},
        reason=why,
        incident_version=version,
    )
    decisions = [
        LinkDecision("pin", tuple(staying), incident_id, actor=user.name, reason=why),
        LinkDecision("pin", tuple(moving), NEW_INCIDENT, actor=user.name, reason=why),
    ]
    return store.add_review(
        entry,
        versions={incident_id: version},
        decisions=decisions,
        rewrite=[rest, new],
        registry=getattr(rebuild, "registry", ()),
    )
