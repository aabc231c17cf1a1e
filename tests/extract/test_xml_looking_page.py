"""A page that looks like XML (an XML declaration, an RSS body saved as .html) is read as HTML, and
bs4's advice to use an XML parser never reaches the user's stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_an_xml_looking_page_is_read_without_a_parser_warning_on_stderr(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<rss><channel><item><title>Mission économique</title></item></channel></rss>",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "schedules.cli",
            "extract",
            str(page),
            "--url",
            "https://example.org/a",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "XMLParsedAsHTMLWarning" not in done.stderr and "XML parser" not in done.stderr
