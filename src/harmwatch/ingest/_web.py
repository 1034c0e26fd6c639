"""URLs and RSS/Atom feeds: fetched with httpx, each exchange kept as WARC records."""

from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from harmwatch import __version__
from harmwatch.errors import InputError
from harmwatch.ingest._document import HTML, MARKDOWN, PLAIN, read_bytes
from harmwatch.ingest._files import DEFAULT_MAX_BYTES, format_size
from harmwatch.ingest._media import DOCX, PDF
from harmwatch.model import Document

if TYPE_CHECKING:
    import httpx

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_TIMEOUT",
    "Feed",
    "make_client",
    "open_url",
    "read_feed",
    "read_url",
]

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for a server to connect or to send the next bytes."""

DEFAULT_DEADLINE = 300.0
"""Seconds a whole download may take, however steadily the server sends (``--deadline``)."""

_FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/xml",
    "text/xml",
}
_DOCUMENT_TYPES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/plain": PLAIN,
    "text/markdown": MARKDOWN,
    PDF: PDF,
    DOCX: DOCX,
}
_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True, slots=True)
class Feed:
    """An RSS or Atom feed: its title and the pages its items link to, in feed order."""

    url: str
    title: str | None
    links: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Fetched:
    url: str
    media_type: str
    charset: str | None
    body: bytes
    warc: bytes
    retrieved_at: datetime


def make_client(*, timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """An HTTP client with harmwatch's timeouts, redirects followed and its user agent."""
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": f"harmwatch/{__version__}"},
    )


def open_url(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
) -> Document | Feed:
    """Fetch an http(s) URL: a Document for a page, a Feed for an RSS/Atom feed.

    Raises:
        InputError: naming the URL and the reason (timeout, past the deadline, refused,
            HTTP 404/500, too big, unsupported content type, unreadable body).

    ``timeout`` bounds each wait for the server; ``deadline`` the whole download.
    """
    fetched = _fetch(url, max_bytes=max_bytes, client=client, timeout=timeout, deadline=deadline)
    if _looks_like_feed(fetched):
        return _parse_feed(fetched)
    media_type = _DOCUMENT_TYPES.get(fetched.media_type)
    if media_type is None:
        raise InputError(
            f"{url}: unsupported content type {fetched.media_type or '(none)'}; harmwatch "
            "reads HTML, plain text, Markdown and RSS/Atom feeds"
        )
    return read_bytes(
        fetched.body,
        source=fetched.url,
        media_type=media_type,
        charset=fetched.charset,
        retrieved_at=fetched.retrieved_at,
        warc=fetched.warc,
    )


def read_url(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
) -> Document:
    """The Document at an http(s) URL (raises InputError if it is a feed or cannot be read)."""
    found = open_url(url, max_bytes=max_bytes, client=client, timeout=timeout, deadline=deadline)
    if isinstance(found, Feed):
        raise InputError(f"{url}: is an RSS/Atom feed; read it with read_feed")
    return found


def read_feed(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
) -> Feed:
    """The RSS/Atom feed at an http(s) URL (raises InputError if it is not one)."""
    found = open_url(url, max_bytes=max_bytes, client=client, timeout=timeout, deadline=deadline)
    if not isinstance(found, Feed):
        raise InputError(f"{url}: is not an RSS/Atom feed")
    return found


def _fetch(
    url: str, *, max_bytes: int, client: httpx.Client | None, timeout: float, deadline: float
) -> _Fetched:
    """Download in a thread of its own, left behind at the deadline: httpx's timeouts are per
    read, so a server that sends one byte a second (even of its headers) never times out."""
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{url}: not an http(s) URL")
    ends = time.monotonic() + deadline
    found: list[_Fetched | BaseException] = []

    def download() -> None:
        try:
            found.append(_download(url, max_bytes, client, timeout, deadline, ends))
        except BaseException as error:
            found.append(error)

    thread = threading.Thread(target=download, name="harmwatch-download", daemon=True)
    thread.start()
    thread.join(deadline)
    if not found:  # still downloading: leave it (it stops at its next chunk or read timeout)
        raise _past_deadline(url, deadline)
    if isinstance(found[0], BaseException):
        raise found[0]
    return found[0]


def _download(
    url: str,
    max_bytes: int,
    client: httpx.Client | None,
    timeout: float,
    deadline: float,
    ends: float,
) -> _Fetched:
    import httpx

    own_client = client is None
    http = make_client(timeout=timeout) if client is None else client
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(
                    f"{url}: the server answered {response.status_code} "
                    f"{response.reason_phrase or ''}".rstrip()
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_big(url, int(declared), max_bytes)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _too_big(url, size, max_bytes, at_least=True)
                if time.monotonic() > ends:
                    raise _past_deadline(url, deadline)
                chunks.append(chunk)
            body = b"".join(chunks)
            retrieved_at = datetime.now(UTC)
            content_type = response.headers.get("content-type", "")
            warc = _warc_records(response, body, retrieved_at)
            final_url = str(response.url)
    except httpx.TimeoutException:
        raise InputError(f"{url}: timed out (no answer within {timeout:g} s)") from None
    except httpx.ConnectError as error:
        raise InputError(f"{url}: cannot connect ({error})") from None
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: too many redirects") from None
    except httpx.DecodingError:
        raise InputError(f"{url}: the server sent a body that cannot be decoded") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise InputError(f"{url}: not a valid http(s) URL ({error})") from None
    except httpx.HTTPError as error:
        raise InputError(f"{url}: {type(error).__name__}: {error}") from None
    finally:
        if own_client:
            http.close()
    media_type, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    return _Fetched(
        url=final_url,
        media_type=media_type.strip().lower(),
        charset=charset,
        body=body,
        warc=warc,
        retrieved_at=retrieved_at,
    )


def _past_deadline(url: str, deadline: float) -> InputError:
    return InputError(
        f"{url}: the download did not finish within {deadline:g} s (its overall deadline); "
        "raise it with --deadline"
    )


def _too_big(url: str, size: int, max_bytes: int, *, at_least: bool = False) -> InputError:
    more = "more than " if at_least else ""
    return InputError(
        f"{url}: {more}{format_size(size)} is over the {format_size(max_bytes)} limit; "
        "raise it with --max-bytes"
    )


def _warc_records(response: httpx.Response, body: bytes, retrieved_at: datetime) -> bytes:
    """The exchange (request, any redirects, response) as gzipped WARC/1.1 records.

    The body is stored decoded (as kept in ``raw``), so Content-Encoding is dropped and
    Content-Length set to match it.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="1.1")
    warc_date = retrieved_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for hop in [*response.history, response]:
        request = hop.request
        target = request.url.raw_path.decode("ascii", errors="replace")
        request_headers = StatusAndHeaders(
            f"{request.method} {target} HTTP/1.1",
            list(request.headers.multi_items()),
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                str(request.url),
                "request",
                payload=io.BytesIO(b""),
                http_headers=request_headers,
                warc_headers_dict={"WARC-Date": warc_date},
            )
        )
        payload = body if hop is response else b""
        headers = [
            (key, value)
            for key, value in hop.headers.multi_items()
            if key.lower() not in _DROPPED_HEADERS
        ]
        headers.append(("Content-Length", str(len(payload))))
        response_headers = StatusAndHeaders(
            f"{hop.status_code} {hop.reason_phrase}", headers, protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                str(request.url),
                "response",
                payload=io.BytesIO(payload),
                http_headers=response_headers,
                warc_headers_dict={"WARC-Date": warc_date},
            )
        )
    return buffer.getvalue()


def _looks_like_feed(fetched: _Fetched) -> bool:
    if fetched.media_type in _FEED_TYPES:
        return True
    if fetched.media_type in ("text/html", "application/xhtml+xml", "text/plain"):
        head = fetched.body[:1024].lstrip().lower()
        return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)
    return False


def _parse_feed(fetched: _Fetched) -> Feed:
    import feedparser

    parsed = feedparser.parse(fetched.body)
    links: list[str] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if isinstance(link, str) and link:
            absolute = urljoin(fetched.url, link)
            if absolute not in links:
                links.append(absolute)
    if not links and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception")
        detail = f" ({reason})" if reason else ""
        raise InputError(f"{fetched.url}: not a readable RSS/Atom feed{detail}")
    title = parsed.feed.get("title") if parsed.get("feed") else None
    return Feed(
        url=fetched.url, title=title if isinstance(title, str) else None, links=tuple(links)
    )
