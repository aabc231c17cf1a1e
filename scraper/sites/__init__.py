"""Site profiles: one TOML file per site, as data (selectors, label phrases, URL patterns, sectors).

A profile has a `[site]` table (key, name, hosts), an `[extract]` table read by `scraper.extract`
and a `[crawl]` table read by `scraper.discover`. Adding a site means adding a file, not code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    return SiteProfile(
        key=str(site["key"]),
        name=str(site.get("name", site["key"])),
        hosts=frozenset(h.lower() for h in site.get("hosts", [])),
        extract=dict(data.get("extract") or {}),
        crawl=dict(data.get("crawl") or {}),
        source=str(path),
    )


def available_profiles() -> list[str]:
    """Keys of the profiles bundled with the package."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def profile_for_host(host: str) -> SiteProfile | None:
    """The bundled profile whose `[site].hosts` holds `host` (case-insensitive), if any."""
    host = host.lower().rstrip(".")
    for key in available_profiles():
        profile = load_profile(key)
        if host in profile.hosts:
            return profile
    return None


def site_for_url(url: str) -> tuple[str, SiteProfile | None]:
    """The site a URL belongs to when no profile is named: (the key of the bundled profile whose
    hosts hold its host, that profile) or (its origin `scheme://host[:port]`, None)."""
    parts = urlsplit(url)
    owner = profile_for_host(parts.hostname or "")
    if owner is not None:
        return owner.key, owner
    return f"{parts.scheme}://{parts.netloc}".lower(), None
