"""Reading URLs and feeds from a real local HTTP server: documents, WARC records, clear errors."""

from __future__ import annotations

import io
import time
from datetime import date

import pytest
from warcio.archiveiterator import ArchiveIterator

from harmwatch.errors import InputError
from harmwatch.ingest import Feed, open_url, read_feed, read_url


def test_a_page_is_fetched_reduced_and_kept_with_its_warc_record(http_server: str) -> None:
    document = read_url(f"{http_server}/article.html")

    assert document.source == f"{http_server}/article.html"
    assert "12 civilians were killed" in document.text
    assert "cookies" not in document.text
    assert document.title == "Strikes on Saraqib market"
    assert document.published == date(2019, 5, 20)
    assert document.warc is not None
    records = [
        (
            record.rec_type,
            record.rec_headers.get_header("WARC-Target-URI"),
            record.http_headers.get_statuscode() if record.rec_type == "response" else None,
            record.content_stream().read(),
        )
        for record in ArchiveIterator(io.BytesIO(document.warc))
    ]
    assert records == [
        ("request", document.source, None, b""),
        ("response", document.source, "200", document.raw),
    ]


def test_a_redirect_is_followed_and_recorded(http_server: str) -> None:
    document = read_url(f"{http_server}/moved")
    assert document.source == f"{http_server}/article.html"
    assert document.warc is not None
    records = list(ArchiveIterator(io.BytesIO(document.warc)))
    statuses = [r.http_headers.get_statuscode() for r in records if r.rec_type == "response"]
    assert statuses == ["301", "200"]


def test_the_charset_the_server_declares_is_used(http_server: str) -> None:
    document = read_url(f"{http_server}/arabic.txt")
    assert "غارات جوية" in document.text
    assert document.lang == "ar"


def test_a_feed_lists_its_items_pages(http_server: str) -> None:
    feed = read_feed(f"{http_server}/feed.xml")
    assert feed == Feed(
        url=f"{http_server}/feed.xml",
        title="Example News",
        links=(
            f"{http_server}/article.html",
            f"{http_server}/missing",
            f"{http_server}/second.html",
        ),
    )
    assert isinstance(open_url(f"{http_server}/feed.xml"), Feed)


def test_an_atom_feed_lists_its_entries_pages(http_server: str) -> None:
    feed = read_feed(f"{http_server}/atom.xml")
    assert feed.title == "Example Monitor"
    assert feed.links == (f"{http_server}/article.html",)


def test_a_page_is_not_a_feed_and_a_feed_is_not_a_page(http_server: str) -> None:
    with pytest.raises(InputError, match="is not an RSS/Atom feed"):
        read_feed(f"{http_server}/article.html")
    with pytest.raises(InputError, match="is an RSS/Atom feed"):
        read_url(f"{http_server}/feed.xml")


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/missing", {}, "the server answered 404 Not Found"),
        ("/broken", {}, "the server answered 500 Internal Server Error"),
        ("/slow", {"timeout": 0.3}, "timed out (no answer within 0.3 s)"),
        ("/big", {"max_bytes": 1000}, "5 kB is over the 1 kB limit; raise it with --max-bytes"),
        ("/image.png", {}, "unsupported content type image/png; harmwatch reads HTML, plain"),
        ("/script-only.html", {}, "no main text found"),
    ],
)
def test_a_url_that_cannot_be_read_gives_one_clear_line(
    http_server: str, path: str, options: dict[str, float], reason: str
) -> None:
    url = f"{http_server}{path}"
    with pytest.raises(InputError) as raised:
        read_url(url, **options)  # type: ignore[arg-type]
    message = str(raised.value)
    assert message.startswith(f"{url}: {reason}")
    assert "\n" not in message


def test_a_server_that_is_not_there_is_a_clear_line() -> None:
    with pytest.raises(InputError, match=r"^http://127.0.0.1:1/x: cannot connect"):
        read_url("http://127.0.0.1:1/x")


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_server_that_sends_a_byte_at_a_time_meets_the_overall_deadline(
    http_server: str, path: str
) -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as raised:
        read_url(f"{http_server}{path}", timeout=1, deadline=1.5)
    assert time.monotonic() - started < 5
    assert str(raised.value) == (
        f"{http_server}{path}: the download did not finish within 1.5 s (its overall deadline); "
        "raise it with --deadline"
    )
