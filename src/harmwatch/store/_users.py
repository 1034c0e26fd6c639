"""Users and their API tokens: only a slow, salted hash of each token is ever stored.

A token reads ``hw_<token id>_<secret>``. The token id (12 hex digits, random) finds the user's
row without trying every hash; the whole token is checked against the row's scrypt hash
(``scrypt$<n>$<r>$<p>$<salt>$<hash>``, base64), so that a copy of the database does not give
anyone a token that works.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from harmwatch import vocab
from harmwatch.errors import Conflict, InputError, NotFound, Unauthorized
from harmwatch.model import User
from harmwatch.store._audit import append_entry
from harmwatch.store._digest import user_digest
from harmwatch.store._schema import users

__all__ = [
    "add_user",
    "authenticate",
    "check_name",
    "disable_user",
    "get_user",
    "hash_token",
    "list_users",
    "new_token",
    "rotate_token",
    "token_matches",
]

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_TOKEN = re.compile(r"hw_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})")
# scrypt cost: 16 MiB of memory and some tens of milliseconds per check.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


def check_name(name: str) -> str:
    """``name`` if it can be a user name, else InputError saying what names look like."""
    if not _NAME.fullmatch(name):
        raise InputError(
            f"user name {name!r} is not allowed: use 1-64 letters, digits, '.', '_', '-' or '@', "
            "starting with a letter or digit"
        )
    return name


def new_token() -> tuple[str, str]:
    """A fresh (token id, token): the token is shown to its user once, never stored."""
    token_id = secrets.token_hex(6)
    return token_id, f"hw_{token_id}_{secrets.token_urlsafe(32)}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_token(token: str, *, salt: bytes | None = None) -> str:
    """The salted scrypt hash of ``token`` in the form kept in the ``users`` table."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = hashlib.scrypt(
        token.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def token_matches(token: str, stored: str) -> bool:
    """Whether ``token`` is the one whose hash is ``stored`` (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        computed = hashlib.scrypt(
            token.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(base64.b64decode(digest)),
        )
    except ValueError:
        return False
    return hmac.compare_digest(_b64(computed), digest)


def _user(row: Row[Any]) -> User:
    return User(
        name=row.name,
        role=row.role,
        disabled=row.disabled,
        created_at=row.created_at.replace(tzinfo=UTC),
    )


def _row(connection: Connection, name: str) -> Row[Any]:
    row = connection.execute(sa.select(users).where(users.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user named {name!r}; `harmwatch users list` shows who there is")
    return row


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    """What an audit entry says about a user: never the token, only a digest over its hash."""
    return {
        "name": row["name"],
        "role": row["role"],
        "disabled": row["disabled"],
        "row_sha256": user_digest(row),
    }


def get_user(connection: Connection, name: str) -> User:
    """The user called ``name``; NotFound if there is none."""
    return _user(_row(connection, name))


def list_users(connection: Connection) -> list[User]:
    """Every user, by name."""
    return [_user(row) for row in connection.execute(sa.select(users).order_by(users.c.name))]


def add_user(
    connection: Connection,
    name: str,
    role: str,
    *,
    actor: str,
    now: datetime,
    only_if_first: bool = False,
) -> tuple[User, str]:
    """Add a user with a new token; returns (user, token). Conflict if the name is taken."""
    check_name(name)
    try:
        vocab.check_value("role", role, vocab.ROLES)
    except ValueError as error:
        raise InputError(str(error)) from None
    if only_if_first and connection.execute(sa.select(users.c.name).limit(1)).first():
        raise Conflict("users exist already: the first-user exception no longer applies")
    if connection.execute(sa.select(users.c.name).where(users.c.name == name)).first():
        raise Conflict(f"a user named {name!r} exists already")
    token_id, token = new_token()
    row = {
        "name": name,
        "role": role,
        "token_id": token_id,
        "token_hash": hash_token(token),
        "disabled": False,
        "created_at": now,
        "updated_at": now,
    }
    connection.execute(sa.insert(users), row)
    append_entry(
        connection,
        at=now,
        actor=actor,
        action="user.add",
        entity=f"user:{name}",
        before=None,
        after=_summary(row),
    )
    return _user(_row(connection, name)), token


def _active_admins(connection: Connection) -> int:
    query = sa.select(sa.func.count()).where(users.c.role == "admin", users.c.disabled.is_(False))
    return int(connection.execute(query).scalar_one())


def disable_user(connection: Connection, name: str, *, actor: str, now: datetime) -> User:
    """Disable a user (their token stops working); refuses to disable the last active admin."""
    row = _row(connection, name)._asdict()
    if row["disabled"]:
        return _user(_row(connection, name))
    if row["role"] == "admin" and _active_admins(connection) == 1:
        raise Conflict(f"{name} is the last active admin; add another admin before disabling")
    changed = {**row, "disabled": True, "updated_at": now}
    connection.execute(
        sa.update(users).where(users.c.name == name).values(disabled=True, updated_at=now)
    )
    append_entry(
        connection,
        at=now,
        actor=actor,
        action="user.disable",
        entity=f"user:{name}",
        before=_summary(row),
        after=_summary(changed),
    )
    return _user(_row(connection, name))


def rotate_token(connection: Connection, name: str, *, actor: str, now: datetime) -> str:
    """Give a user a new token (the old one stops working); returns the new token."""
    row = _row(connection, name)._asdict()
    token_id, token = new_token()
    changed = {**row, "token_id": token_id, "token_hash": hash_token(token), "updated_at": now}
    connection.execute(
        sa.update(users)
        .where(users.c.name == name)
        .values(token_id=token_id, token_hash=changed["token_hash"], updated_at=now)
    )
    append_entry(
        connection,
        at=now,
        actor=actor,
        action="user.rotate",
        entity=f"user:{name}",
        before=_summary(row),
        after=_summary(changed),
    )
    return token


def authenticate(connection: Connection, token: str) -> User:
    """The active user whose token this is; Unauthorized for any other token."""
    refused = Unauthorized("the token matches no active user")
    found = _TOKEN.fullmatch(token.strip())
    if found is None:
        raise refused
    row = connection.execute(sa.select(users).where(users.c.token_id == found.group(1))).first()
    if row is None or not token_matches(token.strip(), row.token_hash):
        raise refused
    if row.disabled:
        raise Unauthorized(f"user {row.name} is disabled")
    return _user(row)
