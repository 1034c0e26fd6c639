"""Who may do what: one table from each permission to the roles that hold it."""

from __future__ import annotations

from harmwatch import vocab
from harmwatch.errors import Forbidden
from harmwatch.model import User

__all__ = ["PERMISSIONS", "can", "require"]

PERMISSIONS: dict[str, tuple[str, ...]] = {
    "read": vocab.ROLES,
    "read_confidential": ("analyst", "admin"),
    "ingest": ("analyst", "admin"),
    "review": ("analyst", "admin"),
    "manage_users": ("admin",),
}
"""Each permission and the roles (``vocab.ROLES``) that hold it; docs/review.md shows it."""

_DOING = {
    "read": "reading",
    "read_confidential": "seeing confidential fields",
    "ingest": "storing documents as a named user",
    "review": "reviewing incidents",
    "manage_users": "managing users",
}


def can(user: User | None, permission: str) -> bool:
    """Whether ``user`` (None: nobody named) holds ``permission``."""
    return user is not None and not user.disabled and user.role in PERMISSIONS[permission]


def require(user: User | None, permission: str) -> User:
    """``user`` if they hold ``permission``, else Forbidden saying which role it needs."""
    doing = _DOING[permission]
    roles = " or ".join(PERMISSIONS[permission])
    if user is None:
        raise Forbidden(f"{doing} needs a named user: give --as NAME or set HARMWATCH_USER")
    if user.disabled:
        raise Forbidden(f"user {user.name} is disabled")
    if user.role not in PERMISSIONS[permission]:
        raise Forbidden(f"{user.name} has the role {user.role}; {doing} needs the role {roles}")
    return user
