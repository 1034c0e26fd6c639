"""Shared fixtures: real databases only (a SQLite file per test, a PostgreSQL schema per test).

PostgreSQL comes from ``HARMWATCH_TEST_PG`` (default postgresql://postgres@127.0.0.1:5432/test).
Where no server answers, a throwaway one is started from Debian's binaries for this session;
where that is impossible too, PostgreSQL tests are skipped with the reason.
Each test session (each xdist worker) gets a database of its own, dropped at the end.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from harmwatch.store import Store

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def _answers(conninfo: str) -> str | None:
    """None if a server answers at ``conninfo``, else why not."""
    try:
        with psycopg.connect(conninfo, connect_timeout=3, autocommit=True) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start_throwaway_server() -> tuple[str, list[str], Path] | str:
    """Start PostgreSQL in a temp folder: (conninfo, pg_ctl stop command, folder) or why not."""
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        return "no PostgreSQL binaries under /usr/lib/postgresql/*/bin"
    bin_dir = Path(initdbs[-1]).parent
    folder = Path(tempfile.mkdtemp(prefix="harmwatch-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run a server as"
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data = folder / "data"
    port = _free_port()
    try:
        subprocess.run(
            [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
             "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w",
             "-l", str(folder / "server.log"), "start"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        return f"could not start a throwaway PostgreSQL server: {error}"
    stop = [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop, folder


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Conninfo of a PostgreSQL server to create test databases on."""
    conninfo = os.environ.get("HARMWATCH_TEST_PG", PG_DEFAULT)
    why_not = _answers(conninfo)
    if why_not is None:
        yield conninfo
        return
    started = _start_throwaway_server()
    if isinstance(started, str):
        pytest.skip(f"no PostgreSQL: {conninfo} does not answer ({why_not}); {started}")
    conninfo, stop, folder = started
    try:
        yield conninfo
    finally:
        subprocess.run(stop, capture_output=True, timeout=60, check=False)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_database(pg_server: str) -> Iterator[str]:
    """Conninfo of a database made for this test session (this xdist worker), dropped after."""
    name = f"harmwatch_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    info["dbname"] = name
    conninfo = psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in info.items() if v})
    try:
        yield conninfo
    finally:
        with psycopg.connect(pg_server, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _url_from_conninfo(conninfo: str, *, schema: str | None = None) -> str:
    info = psycopg.conninfo.conninfo_to_dict(conninfo)
    user = info.get("user", "postgres")
    password = f":{info['password']}" if info.get("password") else ""
    host = info.get("host", "127.0.0.1")
    port = info.get("port", "5432")
    url = f"postgresql://{user}{password}@{host}:{port}/{info['dbname']}"
    return url + (f"?options=-csearch_path%3D{schema}" if schema else "")


@pytest.fixture
def pg_url(pg_database: str) -> Iterator[str]:
    """A harmwatch database URL on PostgreSQL: a fresh, empty schema for this test."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_database, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    yield _url_from_conninfo(pg_database, schema=schema)
    with psycopg.connect(pg_database, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A harmwatch database URL for a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'harmwatch.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """A new, empty database, once on SQLite and once on PostgreSQL."""
    return str(
        request.getfixturevalue(f"{request.param}_url" if request.param == "sqlite" else "pg_url")
    )


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An open Store on a new database (SQLite and PostgreSQL)."""
    with Store.open(db_url) as opened:
        yield opened


# --- a real HTTP server on 127.0.0.1 ------------------------------------------------------------

ARTICLE_HTML = """<!doctype html><html><head><title>Strikes on Saraqib market | News</title>
<meta property="article:published_time" content="2019-05-20T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div id="cookies">We use cookies to improve your experience. Accept all cookies</div>
<article><h1>Strikes on Saraqib market</h1>
<p>At least 12 civilians were killed and 30 injured when airstrikes hit the market in Saraqib
on Sunday morning, rescuers said.</p>
<p>The civil defence said two of its volunteers were among the injured as they returned to the
site after the first strike.</p></article>
<footer>Copyright 2019 Example News. All rights reserved.</footer>
<script>trackVisit();</script></body></html>"""

SECOND_HTML = """<html><head><title>Hospital hit in Kafranbel</title></head><body><article>
<p>A hospital in Kafranbel was put out of service after being struck twice on Monday, the
health directorate said. Staff moved patients to a field clinic.</p></article></body></html>"""


def _feed(base: str) -> str:
    items = "".join(
        f"<item><title>{name}</title><link>{base}{path}</link></item>"
        for name, path in (("Saraqib", "/article.html"), ("Gone", "/missing"),
                           ("Kafranbel", "/second.html"))
    )  # fmt: skip
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
        f"<link>{base}/</link><description>news</description>{items}</channel></rss>"
    )


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        if self.path == "/article.html":
            self._send(200, ARTICLE_HTML.encode(), "text/html; charset=utf-8")
        elif self.path == "/second.html":
            self._send(200, SECOND_HTML.encode(), "text/html")
        elif self.path == "/report.txt":
            self._send(200, b"12 killed in Ariha.", "text/plain; charset=utf-8")
        elif self.path == "/arabic.txt":
            body = "قتل 12 مدنيا في غارات جوية على سوق سراقب يوم الأحد".encode("cp1256")
            self._send(200, body, "text/plain; charset=windows-1256")
        elif self.path == "/feed.xml":
            self._send(200, _feed(base).encode(), "application/rss+xml")
        elif self.path == "/atom.xml":
            atom = (
                '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                "<title>Example Monitor</title><id>urn:x</id>"
                "<updated>2019-05-20T00:00:00Z</updated>"
                '<entry><title>Saraqib</title><link href="/article.html"/><id>urn:1</id>'
                "<updated>2019-05-20T00:00:00Z</updated></entry></feed>"
            )
            self._send(200, atom.encode(), "application/atom+xml")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        elif self.path == "/drip":  # one byte every 0.2 s, for a minute: never a read timeout
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "300")
            self.end_headers()
            for _ in range(300):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        elif self.path == "/drip-headers":  # the headers themselves, one byte every 0.2 s
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + b"X" * 300:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        elif self.path == "/broken":
            self._send(500, b"The website encountered an unexpected error.", "text/html")
        elif self.path == "/big":
            self._send(200, b"x" * 5000, "text/plain")
        elif self.path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif self.path == "/script-only.html":
            self._send(200, b"<html><body><script>app()</script></body></html>", "text/html")
        else:
            self._send(404, b"not found", "text/plain")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (timeout tests) is expected


@pytest.fixture(scope="session")
def http_server() -> Iterator[str]:
    """Base URL of a local HTTP server with articles, a feed, a 404, a 500 and a slow page."""
    server = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
