"""`hubarchive extract`: the record of a saved page, as text for people and as JSON for tools."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from schedules.cli import main

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "le-reve-americain.html"


def test_extract_json_prints_the_record() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["title"] == "Le rêve américain existe encore"
    assert record["published"] == "2025-10-27"


def test_extract_text_names_fields_and_their_layer() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--url", "https://hub.brussels/x"])
    assert result.exit_code == 0, result.output
    assert "published: 2025-10-27  [card]" in result.output
    assert "contact: Eric Gabrys" in result.output


def test_unknown_profile_is_a_readable_error() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED), "--profile", "no_such_site"])
    assert result.exit_code == 2, "a usage error, as for hubarchive crawl (it was 1)"
    assert "no site profile 'no_such_site'" in result.output
    assert "Traceback" not in result.output


def test_a_url_that_is_not_http_is_a_usage_error() -> None:
    for url in ("http://[bad", "ftp://example.org/page.html"):
        result = CliRunner().invoke(main, ["extract", str(SEED), "--url", url])
        assert result.exit_code == 2, (url, result.output)  # 'http://[bad' crashed: exit 70
        assert "not an http(s) URL" in result.output and "Traceback" not in result.output


def test_extract_runs_as_a_real_command(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_bytes(b"<html><body><h1>Only a title<p>and \xff garbage")
    done = subprocess.run(
        [sys.executable, "-m", "schedules.cli", "extract", str(page), "--json"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["title"] == "Only a title"


def test_extract_picks_the_profile_by_the_urls_host(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html lang='fr'><body><article><h1>Un titre</h1><p class='post-category'>Mobilité</p>"
        "<p>Un paragraphe de texte assez long pour faire le corps de cet article.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )

    def sector_key(url: str) -> object:
        result = CliRunner().invoke(main, ["extract", str(page), "--url", url, "--json"])
        return json.loads(result.stdout)["sector_key"]

    assert sector_key("https://hub.brussels/fr/news/un-titre/") == "logistics"
    assert sector_key("https://gazette.example/fr/news/un-titre/") is None  # the generic base


def test_a_binary_file_is_a_one_line_error(tmp_path: Path) -> None:
    program = tmp_path / "program"
    program.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["extract", str(program)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {program} is not an HTML page (it holds binary bytes)"


@pytest.mark.parametrize(
    "head",
    [b"<!DOCTYPE html>\n<html lang='fr'>", b"  \n<html lang='fr'>", b"<!-- saved -->\n<html>"],
)
def test_a_page_with_a_stray_control_byte_is_read_as_the_crawl_reads_it(
    tmp_path: Path, head: bytes
) -> None:
    """A page that opens as HTML (the WHATWG sniffing patterns, checked before the binary test)
    is a page even with a NUL or another control byte in its head: the crawl archives such pages
    (the decoder drops NULs), so `extract` must read them too; it said "binary bytes"."""
    page = tmp_path / "page.html"
    page.write_bytes(
        head
        + b"<head><title>Un titre\x00</title><meta name='x' content='\x01'></head><body>"
        + b"<article><h1>Un titre</h1><p>Un paragraphe assez long pour le corps.</p>"
        + b"</article></body></html>"
    )
    result = CliRunner().invoke(main, ["extract", str(page), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Un titre"


def test_a_utf16_page_with_its_bom_is_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    html = "<html><body><article><h1>Één titel</h1><p>Een alinea tekst.</p></article></body></html>"
    page.write_bytes(html.encode("utf-16"))  # BOM first; half the bytes are NUL
    result = CliRunner().invoke(main, ["extract", str(page), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Één titel"


def test_a_page_on_standard_input_is_read() -> None:
    result = CliRunner().invoke(
        main,
        ["extract", "-", "--url", "https://hub.brussels/fr/news/le-reve/", "--json"],
        input=SEED.read_bytes(),
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Le rêve américain existe encore"


def test_an_empty_file_is_a_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"\n  \n")
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {empty} is empty: there is no page to read"


@pytest.mark.parametrize(
    "content",
    [b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", "\n".encode("utf-16"), b"\xfe\xff"],
    ids=["utf8-bom", "utf8-bom-space", "utf16-bom-newline", "utf16be-bom"],
)
def test_a_file_holding_only_a_byte_order_mark_is_empty(tmp_path: Path, content: bytes) -> None:
    """A BOM is no text: such a file is as empty as a zero-byte one (it printed an empty record
    and exited 0)."""
    empty = tmp_path / "bom.html"
    empty.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {empty} is empty: there is no page to read"


@pytest.mark.parametrize(
    "content",
    [
        b"Le reve americain existe encore.\n\nUn texte sans balise, 3 < 4.\n",
        b"<!DOCTYPE html>\n<!-- saved by hand -->\n",
        "Één tekst zonder enige HTML.".encode("utf-16"),
    ],
    ids=["plain-text", "doctype-and-comment", "utf16-text"],
)
def test_a_file_with_no_html_element_is_a_one_line_error(tmp_path: Path, content: bytes) -> None:
    """Plain text (a notes file, a page saved as text) has no article to read: a one-line error
    and exit 1, as for a binary file; it printed an empty record and exited 0."""
    text = tmp_path / "notes.html"
    text.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(text), "--json"])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {text} is not an HTML page (no HTML element in it)"


def test_a_malformed_page_is_still_read_leniently(tmp_path: Path) -> None:
    """Unclosed tags are HTML all the same (a browser shows them): the record, exit 0."""
    page = tmp_path / "broken.html"
    page.write_bytes(b"<html><body><article><h1>Un titre<p>Un paragraphe sans fin")
    result = CliRunner().invoke(main, ["extract", str(page), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Un titre"


def test_without_url_it_says_which_profile_read_the_page() -> None:
    result = CliRunner().invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 0
    assert "no --url: read with the profile 'hub_brussels'" in result.stderr
    assert "published: 2025-10-27" in result.stdout and "note:" not in result.stdout
    assert "   modified: -\n" in result.stdout  # a missing value reads as "-", not Python's None


def test_an_unknown_encoding_is_a_usage_error_in_one_line() -> None:
    """`--encoding klingon` was accepted and silently ignored."""
    result = CliRunner().invoke(main, ["extract", str(SEED), "--encoding", "klingon"])
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "--encoding 'klingon'" in result.stderr
    for known in ("utf-8", "ISO-8859-1", "latin1"):
        assert CliRunner().invoke(main, ["extract", str(SEED), "--encoding", known]).exit_code == 0


def test_a_one_paragraph_page_says_1_paragraph(tmp_path: Path) -> None:
    """The text record said "body: 1 paragraphs"."""
    page = tmp_path / "one.html"
    text = "Un seul paragraphe, assez long pour être le corps de cet article de test. " * 4
    page.write_text(
        f"<html><head><title>Un titre</title></head><body><article><h1>Un titre</h1>"
        f"<p>{text}</p></article></body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", str(page), "--url", "https://example.org/a/"])
    assert result.exit_code == 0, result.output
    body = next(line for line in result.stdout.splitlines() if line.strip().startswith("body:"))
    assert " 1 paragraph, " in body, body
