"""``harmwatch users``: who may read and review, and their API tokens."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from harmwatch.cli._app import Settings, app, group, settings
from harmwatch.cli._output import err_console, say

if TYPE_CHECKING:
    from harmwatch.model import User
    from harmwatch.store import Store

__all__ = ["current_user", "format_user", "os_actor"]

users_app = group(help="Users and roles: add, list, disable, new tokens.")
app.add_typer(users_app, name="users")

ROLES = "viewer, analyst or admin"  # vocab.ROLES, spelt out so that --help imports nothing


def os_actor(command: str) -> str:
    """The actor recorded for a write by no registered user: ``<login> (<command>)``."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return f"{login} ({command})"


def current_user(store: Store, run: Settings) -> User | None:
    """The user named by ``--as`` / ``HARMWATCH_USER`` (checked: registered and active)."""
    from harmwatch.review import acting_user

    return None if run.user is None else acting_user(store, run.user)


def format_user(user: User) -> str:
    """One line: ``rima                 admin    active    2026-12-02``."""
    created = user.created_at.date().isoformat() if user.created_at else ""
    status = "disabled" if user.disabled else "active"
    return f"{user.name:<20} {user.role:<8} {status:<9} {created}".rstrip()


def _show_token(token: str, what: str) -> None:
    err_console().print(
        f"{what}; the API token below is shown this once: keep it secret", markup=False
    )
    sys.stdout.write(token + "\n")
    sys.stdout.flush()


@users_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="User name: letters, digits, . _ - @.")],
    role: Annotated[str, typer.Option("--role", help=f"One of {ROLES}.")] = "viewer",
) -> None:
    """Add a user and print their API token once (only a slow hash of it is kept).

    The first user of a database must be an admin and needs no --as; after that, only an
    admin adds users.

    Example: harmwatch --as rima users add omar --role analyst
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db) as store:
        by = current_user(store, run)
        user, token = review.add_user(
            store, name, role, by=by, unnamed=os_actor("harmwatch users add")
        )
    _show_token(token, f"added {user.name} ({user.role})")


@users_app.command("list")
def list_(ctx: typer.Context) -> None:
    """List the users with their role and whether they are active.

    Example: harmwatch users list
    """
    from harmwatch.store import Store

    with Store.open(settings(ctx).db, upgrade=False) as store:
        found = store.list_users()
    if not found:
        err_console().print(
            "no users yet: add the first admin with `harmwatch users add NAME --role admin`",
            markup=False,
        )
    for user in found:
        say(format_user(user))


@users_app.command("disable")
def disable(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user to disable.")],
) -> None:
    """Disable a user: their token stops working and they can no longer act. Needs an admin.

    Example: harmwatch --as rima users disable omar
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db) as store:
        user = review.disable_user(store, name, by=current_user(store, run))
    say(f"disabled {user.name}")


@users_app.command("rotate")
def rotate(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user who gets a new token.")],
) -> None:
    """Give a user a new API token (the old one stops working) and print it once.

    An admin rotates anyone's token; a user may rotate their own.

    Example: harmwatch --as omar users rotate omar
    """
    from harmwatch import review
    from harmwatch.store import Store

    run = settings(ctx)
    with Store.open(run.db) as store:
        token = review.rotate_token(store, name, by=current_user(store, run))
    _show_token(token, f"new token for {name}")
