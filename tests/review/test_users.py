"""Users and roles: tokens are shown once and kept only as slow hashes; roles decide writes."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa

from harmwatch import review
from harmwatch.errors import Conflict, Forbidden, InputError, Unauthorized
from harmwatch.model import User
from harmwatch.store import Store
from harmwatch.store._engine import make_engine, normalise_url


def _admin(store: Store) -> User:
    user, _token = review.add_user(store, "rima", "admin", by=None, unnamed="root (test)")
    return user


def _stored_hashes(db_url: str) -> dict[str, str]:
    engine = make_engine(normalise_url(db_url))
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT name, token_hash FROM users")).all()
    finally:
        engine.dispose()
    return {name: token_hash for name, token_hash in rows}


def test_a_token_authenticates_its_user_and_only_a_slow_hash_is_stored(
    store: Store, db_url: str
) -> None:
    admin = _admin(store)
    user, token = review.add_user(store, "omar", "analyst", by=admin, unnamed="-")

    assert review.authenticate(store, token) == user
    stored = _stored_hashes(db_url)["omar"]
    assert token not in stored
    assert hashlib.sha256(token.encode()).hexdigest() not in stored
    assert stored.startswith("scrypt$16384$8$1$")
    entries = list(store.iter_audit(entity="user:omar"))
    assert [(e.actor, e.action) for e in entries] == [("rima", "user.add")]
    assert token not in str(entries[0].after) and stored not in str(entries[0].after)


def test_a_wrong_or_malformed_token_is_refused(store: Store) -> None:
    _admin(store)
    for token in ("", "hw_000000000000_" + "a" * 43, "Bearer x", "hw_zz_y"):
        with pytest.raises(Unauthorized, match="the token matches no active user"):
            review.authenticate(store, token)


def test_rotating_a_token_retires_the_old_one(store: Store) -> None:
    admin = _admin(store)
    _user, old = review.add_user(store, "omar", "analyst", by=admin, unnamed="-")
    omar = review.acting_user(store, "omar")

    new = review.rotate_token(store, "omar", by=omar)  # a user may rotate their own

    assert review.authenticate(store, new).name == "omar"
    with pytest.raises(Unauthorized):
        review.authenticate(store, old)
    assert [e.action for e in store.iter_audit(entity="user:omar")] == ["user.add", "user.rotate"]


def test_a_disabled_user_can_neither_authenticate_nor_act(store: Store) -> None:
    admin = _admin(store)
    _user, token = review.add_user(store, "omar", "analyst", by=admin, unnamed="-")

    review.disable_user(store, "omar", by=admin)

    with pytest.raises(Unauthorized, match="user omar is disabled"):
        review.authenticate(store, token)
    with pytest.raises(Unauthorized, match="user omar is disabled"):
        review.acting_user(store, "omar")
    assert store.get_user("omar").disabled


def test_only_an_admin_manages_users(store: Store) -> None:
    admin = _admin(store)
    review.add_user(store, "omar", "analyst", by=admin, unnamed="-")
    analyst = review.acting_user(store, "omar")

    with pytest.raises(
        Forbidden, match="omar has the role analyst; managing users needs the role admin"
    ):
        review.add_user(store, "sam", "viewer", by=analyst, unnamed="-")
    with pytest.raises(Forbidden, match="managing users needs a named user"):
        review.add_user(store, "sam", "viewer", by=None, unnamed="-")
    with pytest.raises(Forbidden):
        review.rotate_token(store, "rima", by=analyst)
    assert [u.name for u in store.list_users()] == ["omar", "rima"]


def test_the_first_user_must_be_an_admin(store: Store) -> None:
    with pytest.raises(Forbidden, match="the first user of a database must be an admin"):
        review.add_user(store, "omar", "viewer", by=None, unnamed="root (test)")
    admin = _admin(store)
    assert admin.role == "admin"
    [entry] = store.iter_audit(entity="user:rima")
    assert entry.actor == "root (test)"


def test_the_last_active_admin_cannot_be_disabled(store: Store) -> None:
    admin = _admin(store)
    with pytest.raises(Conflict, match="rima is the last active admin"):
        review.disable_user(store, "rima", by=admin)


def test_names_roles_and_duplicates_are_checked(store: Store) -> None:
    admin = _admin(store)
    with pytest.raises(InputError, match="user name 'o mar' is not allowed"):
        review.add_user(store, "o mar", "analyst", by=admin, unnamed="-")
    with pytest.raises(InputError, match="role must be one of viewer, analyst, admin"):
        review.add_user(store, "omar", "editor", by=admin, unnamed="-")
    with pytest.raises(Conflict, match="a user named 'rima' exists already"):
        review.add_user(store, "rima", "analyst", by=admin, unnamed="-")


def test_roles_grant_what_the_table_says() -> None:

    viewer, analyst, admin = (User(name=r, role=r) for r in ("viewer", "analyst", "admin"))
    assert [review.can(u, "review") for u in (viewer, analyst, admin)] == [False, True, True]
    assert [review.can(u, "manage_users") for u in (viewer, analyst, admin)] == [False, False, True]
    assert review.can(User(name="x", role="admin", disabled=True), "review") is False
    assert review.can(None, "read") is False
