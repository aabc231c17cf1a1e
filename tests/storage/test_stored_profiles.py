"""A profile the archive stored before unknown keys were refused keeps reading as it did."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine

from schedules.reparse import stored_profile
from scraper.errors import ProfileError
from scraper.sites import profile_from_text
from storage.db import transaction
from storage.schema import Site

OLD_TEXT = (
    '[site]\nkey = "shop"\nname = "Shop"\nhosts = ["shop.example"]\n'
    '[extract]\nselectros = [".x"]\nsectors = { food = ["Food"] }\n'
)


def test_a_stored_profile_with_a_key_now_refused_is_read_with_a_warning(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """`reparse` and `warc import` read a site's pages with its stored profile: a key that was
    ignored when it was stored is still ignored (a warning names it), not a reason to fall back
    to the default profile (which would re-read the site's articles as hub.brussels's)."""
    with pytest.raises(ProfileError, match="unknown key 'selectros'"):
        profile_from_text(OLD_TEXT, "shop.toml")  # a file given today is refused
    with transaction(engine) as session:
        site = Site(key="shop", base_url="https://shop.example", profile=OLD_TEXT)
        session.add(site)
        session.flush()
        with caplog.at_level(logging.WARNING):
            profile = stored_profile(session, site.id)
    assert profile is not None and profile.key == "shop"
    assert profile.extract["sectors"]["food"] == ["Food"]
    assert "unknown key 'selectros'" in caplog.text
