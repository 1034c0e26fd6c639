"""Users as the review workflow sees them: who is acting, and who may add or change users.

The first user of a database must be an admin and is the one added by nobody in particular
(the operating-system account that ran the command is recorded); after that only an admin adds
or disables users, and a user may rotate their own token.
"""

from __future__ import annotations

from harmwatch.errors import Forbidden, NotFound, Unauthorized
from harmwatch.model import User
from harmwatch.review._roles import require
from harmwatch.store import Store

__all__ = ["acting_user", "add_user", "authenticate", "disable_user", "rotate_token"]


def acting_user(store: Store, name: str) -> User:
    """The registered, active user called ``name`` (as ``--as NAME`` names them).

    Raises Unauthorized when there is no such user or they are disabled.
    """
    try:
        user = store.get_user(name)
    except NotFound:
        raise Unauthorized(
            f"no user named {name!r}: `harmwatch users list` shows who there is, an admin adds "
            "users with `harmwatch users add`"
        ) from None
    if user.disabled:
        raise Unauthorized(f"user {name} is disabled")
    return user


def authenticate(store: Store, token: str) -> User:
    """The active user an API token belongs to; raises Unauthorized for any other token."""
    return store.authenticate(token)


def add_user(
    store: Store, name: str, role: str, *, by: User | None, unnamed: str
) -> tuple[User, str]:
    """Add a user; returns (user, token). The token is shown once and never stored.

    Args:
        by: the admin adding them; None only for the first user of a database, who must be
            an admin (``unnamed`` is then recorded as the actor, e.g. the OS account).
        unnamed: the actor recorded when ``by`` is None.
    """
    if by is None:
        if store.list_users():
            require(None, "manage_users")
        if role != "admin":
            raise Forbidden("the first user of a database must be an admin (--role admin)")
        return store.add_user(name, role, actor=unnamed, only_if_first=True)
    require(by, "manage_users")
    return store.add_user(name, role, actor=by.name)


def disable_user(store: Store, name: str, *, by: User | None) -> User:
    """Disable a user (their token stops working); needs an admin."""
    require(by, "manage_users")
    assert by is not None
    return store.disable_user(name, actor=by.name)


def rotate_token(store: Store, name: str, *, by: User | None) -> str:
    """A new token for ``name``, shown once; an admin, or the user for themself."""
    if by is None or by.name != name:
        require(by, "manage_users")
    assert by is not None
    return store.rotate_token(name, actor=by.name)
