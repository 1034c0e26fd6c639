"""Folders and pages as an attacker (or a careless partner) makes them: links out of the folder,
loops, pages too deep to parse, markup that would make a naive reader quadratic."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from harmwatch.errors import InputError
from harmwatch.ingest import (
    Skipped,
    iter_paths,
    read_bytes,
    read_file,
    sniff_media_type,
    walk_paths,
)
from harmwatch.ingest._html import page_text

SENTENCE = "At least 12 civilians were killed in Saraqib on Sunday, rescuers said."


def test_a_link_out_of_the_folder_is_skipped_with_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "partner"
    folder.mkdir()
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "a.txt").write_text(SENTENCE)

    found = list(walk_paths(folder))

    assert found == [
        folder / "a.txt",
        Skipped(
            folder / "passwd.txt",
            f"{folder}/passwd.txt: a link to the file /etc/passwd, outside {folder}; not read "
            "(--follow-symlinks reads it)",
        ),
    ]
    assert list(iter_paths(folder)) == [folder / "a.txt"]
    assert list(iter_paths(folder, follow_symlinks=True)) == [
        folder / "a.txt",
        folder / "passwd.txt",
    ]


def test_a_link_loop_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(SENTENCE)
    (folder / "sub" / "back").symlink_to(folder)
    (folder / "self").symlink_to(folder / "sub")

    assert list(walk_paths(folder)) == [folder / "sub" / "a.txt"]
    assert list(walk_paths(folder, follow_symlinks=True)) == [folder / "sub" / "a.txt"]


def test_a_file_named_on_the_command_line_is_read_even_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text(SENTENCE)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert list(walk_paths(tmp_path / "link.txt")) == [tmp_path / "link.txt"]


@pytest.mark.parametrize("depth", [300, 10_000, 100_000])
def test_a_page_too_deep_to_parse_falls_back_to_its_plain_text(tmp_path: Path, depth: int) -> None:
    html = (
        "<html><head><title>Deep</title><script>var x = '<p>not text</p>';</script></head><body>"
        + "<div>" * depth
        + f"<p>{SENTENCE}</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(html)

    started = time.monotonic()
    document = read_file(path)

    assert time.monotonic() - started < 20
    assert SENTENCE in document.text
    assert "not text" not in document.text
    assert document.raw == html.encode()  # the original bytes, always


def test_a_page_of_only_scripts_is_still_refused() -> None:
    with pytest.raises(InputError, match="no main text found"):
        read_bytes(b"<html><body><script>go()</script></body></html>", source="s.html",
                   media_type="text/html")  # fmt: skip


@pytest.mark.parametrize(
    "hostile",
    ["<a" * 200_000, "<!--" * 200_000, "<script>" * 200_000, "<" * 400_000,
     "<p>" * 200_000, "</script " * 100_000, "&#" * 200_000],
)  # fmt: skip
def test_the_plain_text_reader_is_linear_on_hostile_markup(hostile: str) -> None:
    started = time.monotonic()
    page_text(hostile)
    short = time.monotonic() - started
    started = time.monotonic()
    page_text(hostile * 4)
    long = time.monotonic() - started
    # bounds against a quadratic blow-up (minutes), not a speed target (bench/ measures speed)
    assert long < 30
    assert long < 12 * short + 0.5  # four times the input, not sixteen times the time


def test_plain_text_keeps_words_apart_where_blocks_end() -> None:
    assert page_text("<p>Sara<b>qib</b>: 12 &amp; 3</p><script>a<b</script><li>next</li>") == (
        "Saraqib: 12 & 3\nnext"
    )


@pytest.mark.parametrize(
    ("raw", "media_type"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "text/html"),
        (b"\xef\xbb\xbf  <html lang='ar'><p>x</p>", "text/html"),
        (b"<div class='story'><p>12 killed</p></div>", "text/html"),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", "text/html"),
        (b"<?xml version='1.0'?><rss version='2.0'><channel>", "text/plain"),
        (b"12 killed in <Saraqib> on Sunday", "text/plain"),
        (b"At least 12 civilians were killed.", "text/plain"),
    ],
)
def test_html_is_told_by_its_content(raw: bytes, media_type: str) -> None:
    assert sniff_media_type(raw) == media_type
