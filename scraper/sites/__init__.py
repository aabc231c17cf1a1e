"""Site profiles: one TOML file per site, as data (selectors, label phrases, URL patterns, sectors).

A profile has a `[site]` table (key, name, hosts), an `[extract]` table read by `scraper.extract`
and a `[crawl]` table read by `scraper.discover`. Adding a site means adding a file, not code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scraper.errors import ProfileError

PROFILE_DIR = Path(__file__).resolve().parent
DEFAULT_PROFILE = "hub_brussels"


@dataclass(frozen=True)
class SiteProfile:
    """A loaded profile: identity plus the raw tables each layer interprets."""

    key: str
    name: str
    hosts: frozenset[str]
    extract: dict[str, Any] = field(default_factory=dict)
    crawl: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    #: the IANA zone the site prints its days in (`[site] time_zone`); None: a timestamp's day is
    #: the one its own offset gives
    time_zone: str | None = None


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> SiteProfile:
    """Load a bundled profile by key (`hub_brussels`) or any profile file by path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILE_DIR / f"{name_or_path}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        known = ", ".join(available_profiles()) or "none"
        raise ProfileError(f"no site profile {str(name_or_path)!r} (bundled: {known})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"site profile {path} is not valid TOML: {exc}") from exc
    site = data.get("site") or {}
    if not site.get("key"):
        raise ProfileError(f"site profile {path} has no [site] key")
    zone = site.get("time_zone")
    if zone is not None:
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ProfileError(
                f"site profile {path}: time_zone {zone!r} is not an IANA zone (e.g. Europe/Brussels)"
            ) from exc
    return SiteProfile(
        key=str(site["key"]),
        name=str(site.get("name", site["key"])),
        hosts=frozenset(h.lower() for h in site.get("hosts", [])),
        extract=dict(data.get("extract") or {}),
        crawl=dict(data.get("crawl") or {}),
        source=str(path),
        time_zone=str(zone) if zone is not None else None,
    )


def available_profiles() -> list[str]:
    """Keys of the profiles bundled with the package."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


#: What only hub.brussels is: left out of `generic_profile`.
_SITE_ONLY_KEYS = ("site_names", "sectors", "languages")


def generic_profile() -> SiteProfile:
    """The profile for a site no bundled profile knows: the bundled selectors and phrases, without
    hub.brussels' names, hosts, sector mapping, time zone and languages (a timestamp keeps the
    day its offset gives; any language may be identified)."""
    base = load_profile()
    extract = {k: v for k, v in base.extract.items() if k not in _SITE_ONLY_KEYS}
    return SiteProfile(
        key="generic",
        name="",
        hosts=frozenset(),
        extract=extract,
        crawl=dict(base.crawl),
        source=base.source,
        time_zone=None,
    )
