"""review stage: who may do what, and analysts' decisions on incidents.

Every door (the CLI now, the API later) calls these functions with the acting ``User``; each
write names the incident version its author read, is checked against ``PERMISSIONS``, and is
recorded (a review entry and its audit entry) by the store. Nothing linking found is written
over: ``reviewed_incident`` derives the current view from the linked incident and the entries.

    user = acting_user(store, "rima")
    reviewed = reviewed_incident(store, 412, user=user)
    grade_incident(store, 412, "fair", by=user, version=reviewed.incident.version)
    for item in review_queue(store):
        print(item.incident_id, item.reasons)
"""

from __future__ import annotations

from harmwatch.review._actions import (
    LinkedRebuild,
    add_claim,
    add_note,
    correct_field,
    grade_incident,
    linked_rebuild,
    mark_confidential,
    merge_incidents,
    parse_claim_key,
    reject_claim,
    split_incident,
)
from harmwatch.review._read import (
    CONFIDENCE_FLOOR,
    DEFAULT_CHECKS,
    Evidence,
    QueueItem,
    SourceEvidence,
    arithmetic,
    incident_evidence,
    review_queue,
    reviewed_incident,
)
from harmwatch.review._roles import PERMISSIONS, can, require
from harmwatch.review._users import (
    acting_user,
    add_user,
    authenticate,
    disable_user,
    rotate_token,
)
from harmwatch.review._view import (
    Rebuild,
    ReviewedIncident,
    apply_review,
    claim_key,
    content_digest,
    redact,
)
from harmwatch.store import STALE_REVIEW, ReviewWrite

__all__ = [
    "CONFIDENCE_FLOOR",
    "DEFAULT_CHECKS",
    "PERMISSIONS",
    "STALE_REVIEW",
    "Evidence",
    "LinkedRebuild",
    "QueueItem",
    "Rebuild",
    "ReviewWrite",
    "ReviewedIncident",
    "SourceEvidence",
    "acting_user",
    "add_claim",
    "add_note",
    "add_user",
    "apply_review",
    "arithmetic",
    "authenticate",
    "can",
    "claim_key",
    "content_digest",
    "correct_field",
    "disable_user",
    "grade_incident",
    "incident_evidence",
    "linked_rebuild",
    "mark_confidential",
    "merge_incidents",
    "parse_claim_key",
    "redact",
    "reject_claim",
    "require",
    "review_queue",
    "reviewed_incident",
    "rotate_token",
    "split_incident",
]
