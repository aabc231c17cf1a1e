"""The README's minimal profile for another site loads as a profile (the docs cannot drift)."""

from __future__ import annotations

import re
from pathlib import Path

from scraper.sites import profile_from_text

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_example_profile_is_a_valid_profile() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    examples = [b for b in blocks if 'key = "example_news"' in b]
    assert len(examples) == 1, "the README's example profile is gone or doubled"
    profile = profile_from_text(examples[0], "README.md")
    assert profile.key == "example_news"
    assert "news.example.org" in profile.hosts
