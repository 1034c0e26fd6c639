"""Reading files: text, Markdown and HTML become Documents; bad files give one clear reason."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harmwatch.errors import InputError
from harmwatch.ingest import encoding_note, iter_paths, read_bytes, read_file

ENGLISH = "At least 23 civilians were killed in airstrikes on Maarat al-Numan on Sunday.\n"
ARABIC = (
    "قتل 23 مدنيا على الأقل في غارات جوية على معرة النعمان يوم الأحد، "
    "وقال الدفاع المدني إن بين القتلى أطفالا ونساء.\n"
)
FRENCH = (
    "Au moins 23 civils ont été tués dimanche dans des frappes aériennes sur Maarat al-Numan, "
    "selon la défense civile, qui précise que des enfants et des femmes sont parmi les victimes.\n"
)


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_a_text_file_is_read_with_its_sha256_title_and_language(tmp_path: Path) -> None:
    raw = ("Idlib report\r\n\r\n" + ENGLISH).encode()
    document = read_file(write(tmp_path, "report.txt", raw))

    assert document.sha256 == hashlib.sha256(raw).hexdigest()
    assert document.raw == raw
    assert document.text == "Idlib report\n\n" + ENGLISH
    assert document.title == "Idlib report"
    assert document.lang == "en"
    assert document.media_type == "text/plain"
    assert document.encoding == "utf-8"
    assert document.source == str(tmp_path / "report.txt")
    assert document.retrieved_at is not None


def test_a_markdown_file_takes_its_first_heading_as_title(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "r.md", "Draft\n\n# Weekly bulletin\n\n" + ENGLISH))
    assert document.title == "Weekly bulletin"
    assert document.media_type == "text/markdown"


def test_html_is_reduced_to_its_main_text(tmp_path: Path) -> None:
    html = f"""<html><head><title>Airstrikes on Maarat al-Numan - Example News</title>
    <meta name="date" content="2019-05-20"></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/syria">Syria</a></li></ul></nav>
    <div class="cookie-banner">This website uses cookies. Accept all cookies</div>
    <div class="sidebar"><ul><li><a href="/1">Most read: floods in the north</a></li>
    <li><a href="/2">Most read: elections delayed</a></li></ul></div>
    <article><h1>Airstrikes on Maarat al-Numan</h1><p>{ENGLISH}</p>
    <p>The civil defence said rescuers were still searching the rubble on Monday evening.</p>
    </article><footer><p>Copyright 2019 Example News. All rights reserved.</p>
    <p>Subscribe to our newsletter</p></footer>
    <script>var tracking = true;</script></body></html>"""
    document = read_file(write(tmp_path, "page.html", html))

    assert "23 civilians were killed" in document.text
    assert "rescuers were still searching" in document.text
    for boilerplate in ("Home", "cookies", "Most read", "Copyright", "newsletter", "tracking"):
        assert boilerplate not in document.text
    assert document.title == "Airstrikes on Maarat al-Numan"
    assert document.published == date(2019, 5, 20)
    assert document.media_type == "text/html"


def test_an_error_banner_is_not_main_text(tmp_path: Path) -> None:
    html = f"""<html><body><div class="messages error">The website encountered an unexpected
    error. Please try again later.</div><main><p>{ENGLISH}</p></main></body></html>"""
    document = read_file(write(tmp_path, "page.htm", html))
    assert "unexpected error" not in document.text
    assert "23 civilians" in document.text


@pytest.mark.parametrize(
    ("text", "lang"), [(ENGLISH, "en"), (ARABIC, "ar"), (FRENCH, "fr"), ("12 34 56", None)]
)
def test_the_language_is_detected(tmp_path: Path, text: str, lang: str | None) -> None:
    assert read_file(write(tmp_path, "r.txt", text)).lang == lang


# --- bad files ------------------------------------------------------------------------------


def reason(path: Path, **options: int) -> str:
    with pytest.raises(InputError) as raised:
        read_file(path, **options)
    message = str(raised.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message.removeprefix(f"{path}: ")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "empty.txt", b"")) == "empty file"
    assert reason(write(tmp_path, "blank.txt", b" \n\t\n")) == "only whitespace"


def test_a_png_renamed_txt_is_refused_as_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert reason(write(tmp_path, "photo.txt", png)) == "binary content (a PNG image), not text"


def test_other_binary_content_is_refused(tmp_path: Path) -> None:
    blob = bytes((i * 37 + 11) % 256 for i in range(4000))
    assert reason(write(tmp_path, "blob.txt", blob)).startswith("binary content")


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", ENGLISH * 10)
    assert reason(path, max_bytes=100) == (
        "780 bytes is over the 100 bytes limit; raise it with --max-bytes"
    )
    assert read_file(path, max_bytes=1000).text == ENGLISH * 10


def test_html_that_is_only_script_is_refused(tmp_path: Path) -> None:
    html = "<html><head><script>var a = 1;</script></head><body><script>render()</script></body>"
    assert reason(write(tmp_path, "app.html", html)) == (
        "no main text found (the page holds only scripts, menus or an error banner)"
    )


def test_a_broken_link_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert reason(link) == f"broken link to {tmp_path / 'deleted.txt'}, which does not exist"


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert reason(fifo) == "not a regular file (a named pipe); cannot read it"


def test_a_folder_where_a_file_is_expected_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").mkdir()
    assert reason(tmp_path / "notes.txt") == "is a folder where a file was expected"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", ENGLISH)
    path.chmod(0)
    assert reason(path) == "cannot read it (Permission denied)"


def test_a_missing_file_and_an_unknown_suffix_are_refused(tmp_path: Path) -> None:
    assert reason(tmp_path / "nope.txt") == "no such file"
    assert reason(write(tmp_path, "report.odt", b"PK\x03\x04")).startswith("cannot read .odt; ")


# --- encodings ------------------------------------------------------------------------------


def test_a_windows_1256_arabic_file_is_decoded(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "ar.txt", (ARABIC * 3).encode("cp1256")))
    assert document.text == ARABIC * 3
    assert document.lang == "ar"
    assert encoding_note(document.encoding) == f"decoded as {document.encoding}"


def test_a_latin_1_file_is_decoded(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "fr.txt", (FRENCH * 2).encode("cp1252")))
    assert document.text == FRENCH * 2
    assert document.lang == "fr"


def test_mixed_utf8_and_windows_1252_is_repaired_and_says_so(tmp_path: Path) -> None:
    raw = "Déclaration – 23 tués à Idlib.\n".encode() + "Rédigé à Genève, été 2019.\n".encode(
        "cp1252"
    )
    document = read_file(write(tmp_path, "mixed.txt", raw))
    assert document.text == "Déclaration – 23 tués à Idlib.\nRédigé à Genève, été 2019.\n"
    assert document.encoding == "utf-8+cp1252"
    assert encoding_note(document.encoding) == (
        "mixed encodings: bytes that are not UTF-8 were read as Windows-1252"
    )
    assert document.raw == raw


def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "u16.txt", ENGLISH.encode("utf-16")))
    assert document.text == ENGLISH
    assert encoding_note(document.encoding) is None


@settings(max_examples=150, deadline=None)
@given(st.binary(min_size=1, max_size=400))
def test_any_bytes_give_a_document_or_a_clear_refusal(raw: bytes) -> None:
    try:
        document = read_bytes(raw, source="x.txt")
    except InputError as error:
        assert str(error).startswith("x.txt: ")
    else:
        assert document.raw == raw
        assert "\x00" not in document.text


# --- folders ------------------------------------------------------------------------------


def test_a_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.md", "a/y.HTML", "c.odt", ".hidden.txt", ".git/x.txt", "a.htm"):
        write(tmp_path, name, ENGLISH)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")

    found = [path.relative_to(tmp_path).as_posix() for path in iter_paths(tmp_path)]

    assert found == ["a/y.HTML", "a/z.md", "a.htm", "b.txt", "dangling.txt"]
    assert list(iter_paths(tmp_path / "b.txt")) == [tmp_path / "b.txt"]
