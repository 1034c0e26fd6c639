"""review stage: who may do what, and analysts' decisions on incidents.

Every door (the CLI now, the API later) calls these functions with the acting ``User``; each
write is checked against ``PERMISSIONS`` and recorded in the audit log by the store.

    user = acting_user(store, "rima")
    token = rotate_token(store, "rima", by=user)
"""

from __future__ import annotations

from harmwatch.review._roles import PERMISSIONS, can, require
from harmwatch.review._users import (
    acting_user,
    add_user,
    authenticate,
    disable_user,
    rotate_token,
)

__all__ = [
    "PERMISSIONS",
    "acting_user",
    "add_user",
    "authenticate",
    "can",
    "disable_user",
    "require",
    "rotate_token",
]
