"""Re-extraction: the running extractor over stored documents, a new extraction beside the old.

Claims are never edited or deleted: each document gets one more extraction, recorded with the
running extractor's version, and the newest extraction is the current one. A review decision that
refers to an old claim keeps referring to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from harmwatch.errors import HarmwatchError, InputError
from harmwatch.extract import EXTRACTOR_VERSION, version_key
from harmwatch.pipeline._analyze import Analyze
from harmwatch.store import DEFAULT_ACTOR, Store

__all__ = ["Reextracted", "count_outdated", "outdated_documents", "reextract_documents"]


@dataclass(frozen=True, slots=True)
class Reextracted:
    """One document's re-extraction: its old and new version, its claims, or why it failed."""

    sha256: str
    source: str
    old_version: str | None
    claims: int = 0
    reason: str | None = None  # set when extracting it failed (the batch goes on)

    @property
    def ok(self) -> bool:
        return self.reason is None


def _is_older(version: str | None, than: str) -> bool:
    return version is not None and version_key(version) < version_key(than)


def outdated_documents(
    store: Store,
    *,
    version: str = EXTRACTOR_VERSION,
    since: str | None = None,
    everything: bool = False,
) -> Iterator[tuple[str, str | None]]:
    """(sha256, newest extraction's version) of the documents to extract again.

    Those whose newest extraction is older than ``version``; with ``since``, only those whose
    newest extraction is by ``since`` or a later version; with ``everything``, also documents
    never extracted.
    """
    floor = version_key(since) if since is not None else None
    for sha256, newest in store.newest_extractor_versions():
        if newest is None:
            if everything:
                yield sha256, None
            continue
        if not _is_older(newest, version):
            continue  # current (or newer: a later harmwatch wrote it)
        if floor is not None and version_key(newest) < floor:
            continue
        yield sha256, newest


def count_outdated(store: Store, *, version: str = EXTRACTOR_VERSION) -> int:
    """How many documents have a newest extraction older than ``version`` (for db info)."""
    return sum(1 for _ in outdated_documents(store, version=version))


def reextract_documents(
    store: Store,
    *,
    analyze: Analyze,
    since: str | None = None,
    everything: bool = False,
    version: str = EXTRACTOR_VERSION,
    actor: str = DEFAULT_ACTOR,
) -> Iterator[Reextracted]:
    """Extract the outdated documents again (see :func:`outdated_documents`), storing each new
    extraction beside the old ones; a second run finds nothing to do."""
    if since is not None and not since.startswith("harmwatch-"):
        raise InputError(f"--since {since!r}: expected an extractor version like {version}")
    todo = list(outdated_documents(store, version=version, since=since, everything=everything))
    for sha256, old in todo:
        document = store.get_document(sha256)
        try:
            extraction = analyze(document)
            store.save_extraction(sha256, extraction, extractor_version=version, actor=actor)
        except HarmwatchError as error:
            yield Reextracted(sha256, document.source, old, reason=str(error))
            continue
        yield Reextracted(sha256, document.source, old, claims=len(extraction.claims))
