"""Every error harmwatch raises on purpose, under one base.

    HarmwatchError            anything the user can act on (status 500 if not narrower)
    ├── InputError            a bad file, URL, row or option (400)
    ├── Unauthorized          a token or user name that matches no active user (401)
    ├── Forbidden             a write the acting user's role does not allow (403)
    ├── NotFound              an id or name that is not there (404)
    ├── Conflict              a stale review, a broken audit chain, a duplicate key (409)
    └── ConfigError           a database URL or setting that cannot work (500)

Any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "Conflict",
    "Forbidden",
    "HarmwatchError",
    "InputError",
    "NotFound",
    "Unauthorized",
]


class HarmwatchError(Exception):
    """Base of harmwatch's own errors; the message is one line a user can act on."""

    status: int = 500


class InputError(HarmwatchError):
    """A file, URL, row or option that cannot be read or used."""

    status = 400


class Unauthorized(HarmwatchError):
    """A token or user name that matches no active user."""

    status = 401


class Forbidden(HarmwatchError):
    """A write that the acting user's role does not allow, or a write by nobody."""

    status = 403


class NotFound(HarmwatchError):
    """An id or name that is not there."""

    status = 404


class Conflict(HarmwatchError):
    """A change that clashes with what is stored."""

    status = 409


class ConfigError(HarmwatchError):
    """A setting that cannot work, such as a database URL."""

    status = 500
