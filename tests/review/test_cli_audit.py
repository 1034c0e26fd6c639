"""``harmwatch audit`` as an auditor meets it: log, head, verify, and a published head."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from builders import a_document, an_extraction, tamper
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.store import Store

runner = CliRunner()


def _filled(db_url: str) -> list[str]:
    shas = []
    with Store.open(db_url) as store:
        for text in ("At least 23 civilians were killed.", "Eight people were killed."):
            document = a_document(text)
            store.add_document(document, an_extraction(), actor="rima")
            shas.append(document.sha256)
        store.add_user("rima", "admin", actor="root (harmwatch users add)")
    return shas


def test_verify_on_an_intact_database_says_what_it_checked(db_url: str) -> None:
    _filled(db_url)
    with Store.open(db_url) as store:
        head = store.audit_head()
    assert head is not None

    result = runner.invoke(app, ["--db", db_url, "audit", "verify"])

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"audit log intact: 3 entries, head {head.hash}",
        "rows match the log: 2 documents, 2 extractions, 1 users, 0 review entries, "
        "0 link decisions",
    ]


def test_verify_names_the_tampered_row_and_exits_1(db_url: str) -> None:
    shas = _filled(db_url)
    tamper(db_url, f"UPDATE claims SET value = 2 WHERE document_sha256 = '{shas[0]}'")

    result = runner.invoke(app, ["--db", db_url, "audit", "verify"])

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: the claims of extraction harmwatch-0.1.0 of document {shas[0]} differ from "
        "what entry 1 recorded\n"
    )


def test_a_published_head_is_checked_later(db_url: str) -> None:
    _filled(db_url)
    published = runner.invoke(app, ["--db", db_url, "audit", "head"]).stdout.strip()
    with Store.open(db_url) as store:
        store.add_document(a_document("A later report."))

    still = runner.invoke(app, ["--db", db_url, "audit", "verify", "--head", published])
    assert still.exit_code == 0
    assert still.stdout.splitlines()[-1] == (
        "published head is entry 3 of 4: nothing up to it was changed"
    )

    tamper(db_url, "DELETE FROM audit_log WHERE seq >= 3", "DELETE FROM users")
    later = a_document("A later report.").sha256
    tamper(db_url, f"DELETE FROM documents WHERE sha256 = '{later}'")
    cut = runner.invoke(app, ["--db", db_url, "audit", "verify", "--head", published])
    assert cut.exit_code == 1
    assert cut.stderr.startswith(f"Error: published head {published} is not in the audit log")


def test_head_of_an_empty_log_is_one_clear_line(db_url: str) -> None:
    Store.open(db_url).close()
    result = runner.invoke(app, ["--db", db_url, "audit", "head"])
    assert result.exit_code == 1
    assert result.stderr == "Error: the audit log is empty: there is no head to publish yet\n"


def test_log_filters_and_prints_lines_or_json(db_url: str) -> None:
    shas = _filled(db_url)

    text = runner.invoke(app, ["--db", db_url, "audit", "log", "--entity", "document:"])
    lines = text.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[0] == "1"
    assert lines[0].split()[2:] == ["rima", "document.add", f"document:{shas[0]}"]

    by_actor = runner.invoke(
        app, ["--db", db_url, "audit", "log", "--actor", "root (harmwatch users add)"]
    )
    assert [line.split()[-1] for line in by_actor.stdout.splitlines()] == ["user:rima"]

    future = runner.invoke(app, ["--db", db_url, "audit", "log", "--since", "2999-01-01"])
    assert (future.exit_code, future.stdout) == (0, "")

    bad = runner.invoke(app, ["--db", db_url, "audit", "log", "--since", "yesterday"])
    assert bad.exit_code == 1
    assert "--since must be a date" in bad.stderr


def test_the_jsonl_log_lets_anyone_recompute_the_chain_without_harmwatch(db_url: str) -> None:
    _filled(db_url)
    result = runner.invoke(app, ["--db", db_url, "audit", "log", "--format", "jsonl"])
    entries = [json.loads(line) for line in result.stdout.splitlines()]

    # The recipe in docs/review.md, written out by hand.
    prev = "0" * 64
    for entry in entries:
        body = [entry[k] for k in ("seq", "at", "actor", "action", "entity", "before", "after")]
        canonical = json.dumps(
            [*body, prev], sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == entry["hash"]
        assert entry["prev_hash"] == prev
        prev = entry["hash"]
    head = runner.invoke(app, ["--db", db_url, "audit", "head"]).stdout.strip()
    assert prev == head


def test_ingest_refuses_to_extend_a_broken_chain_and_says_so(db_url: str, tmp_path: Path) -> None:
    _filled(db_url)
    tamper(db_url, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 3")
    report = tmp_path / "later.txt"
    report.write_text("Three civilians were killed in Ariha.\n")

    result = runner.invoke(app, ["--db", db_url, "ingest", str(report)])

    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the audit log is broken at entry 3 (its content no longer matches its hash); "
        "nothing was written. Run `harmwatch audit verify` and restore the database from a "
        "backup\n"
    )
    with Store.open(db_url) as store:
        assert store.count_documents() == 2
