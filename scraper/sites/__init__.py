"""Site profiles: one TOML file per site, as data (selectors, label phrases, URL patterns, sectors).

A profile has a `[site]` table (key, name, hosts), an `[extract]` table read by `scraper.extract`
and a `[crawl]` table read by `scraper.discover`. Adding a site means adding a file, not code.

Every profile extends the generic base (`base.toml`): a list adds to the base's list (the site's
entries first, then the base's it does not repeat; `<key>_replace = true` keeps the site's list
alone), a table merges with the base's table key by key, any other value replaces the base's.
"""

from __future__ import annotations

import difflib
import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scraper.errors import ProfileError

log = logging.getLogger(__name__)

PROFILE_DIR = Path(__file__).resolve().parent
DEFAULT_PROFILE = "hub_brussels"
#: The generic base every profile extends (and the profile of a site no bundled profile knows).
BASE_PROFILE = "base"

#: The keys each table of a profile may hold (those its readers, `scraper.extract.config` and
#: `scraper.discover` / `schedules.job` / `schedules.notify`, look up). Any other key is refused
#: with the nearest known one: a misspelt key ("selectros") would otherwise be ignored silently.
#: A list key may also come as `<key>_replace = true` (`extend`). `extract.sectors` and
#: `crawl.start_urls` hold keys of the profile's own choosing (sector keys, languages).
KNOWN_KEYS: dict[str, frozenset[str]] = {
    "site": frozenset("key name hosts time_zone".split()),
    "extract": frozenset(
        # CSS selectors (scraper.extract.config.SELECTOR_ROLES, card_sector)
        "content title lead date sector sector_hints contact related breadcrumb card_sector"
        " boilerplate_classes"
        # phrases added to the language vocabulary's
        " related_headings end_headings cta_phrases cta_actions question_labels interview_intros"
        " closing_thanks role_cues speech_cues first_person second_person link_phrases"
        " sector_labels relative_dates name_stopwords site_names"
        # the site's languages, phone regions, sector mapping and whether its staff are contacts
        " languages phone_region fallback_phone_region sectors staff_contacts".split()
    ),
    "crawl": frozenset(
        "start_urls article_patterns exclude_patterns card_selector card_title_selector"
        " card_date_selector next_selectors wp_json sitemaps feeds max_listing_pages concurrency"
        " recheck allow_private user_agent contact notify".split()
    ),
    "crawl.recheck": frozenset({"recent_days", "older_every_days"}),
}


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
    #: the sitemap, feed and WordPress API paths the profile's own `[crawl]` names (a fact about
    #: its site); those it inherits from the generic base are guesses, probed (DECISIONS.md)
    declared_sources: frozenset[str] = frozenset()


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> SiteProfile:
    """Load a bundled profile by key (`hub_brussels`) or any profile file by path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILE_DIR / f"{name_or_path}.toml"
    try:
        return profile_from_text(path.read_text(encoding="utf-8"), str(path))
    except FileNotFoundError as exc:
        if path.parent != PROFILE_DIR:  # a path the user gave: the bundled keys are beside it
            raise ProfileError(f"no site profile: the file {path} does not exist") from exc
        known = ", ".join(available_profiles()) or "none"
        raise ProfileError(f"no site profile {str(name_or_path)!r} (bundled: {known})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read site profile {path}: {exc}") from exc


def profile_from_text(text: str, path: str = "<text>", *, strict: bool = True) -> SiteProfile:
    """A site profile from its TOML `text` (as the archive keeps it in `sites.profile`);
    `path` names it in errors. Raises `ProfileError` for a profile that is not valid. A key no
    reader knows is an error, or with `strict=False` a logged warning (a profile the archive
    stored before such keys were refused keeps reading as it did: its unknown keys ignored)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"site profile {path} is not valid TOML: {exc}") from exc
    site = data.get("site")
    if not isinstance(site, dict):
        raise ProfileError(f"site profile {path} has no [site] table (key, name, hosts)")
    if not site.get("key"):
        raise ProfileError(f'site profile {path}: [site] needs a key (e.g. key = "my_site")')
    hosts = site.get("hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) for h in hosts):
        raise ProfileError(f"site profile {path}: [site] hosts must be a list of host names")
    for table in ("extract", "crawl"):
        if not isinstance(data.get(table) or {}, dict):
            raise ProfileError(f"site profile {path}: [{table}] must be a table")
    try:
        _check_keys(data, path)
    except ProfileError as exc:
        if strict:
            raise
        log.warning("%s: ignored", exc)
    _check_shapes(data, path)
    declared = _declared_sources(data.get("crawl") or {}) if site["key"] != BASE_PROFILE else set()
    if site["key"] != BASE_PROFILE:
        base = _read_base()
        for table in ("extract", "crawl"):
            data[table] = extend(base.get(table) or {}, data.get(table) or {})
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
        hosts=frozenset(h.lower() for h in hosts),
        extract=dict(data.get("extract") or {}),
        crawl=dict(data.get("crawl") or {}),
        source=str(path),
        time_zone=str(zone) if zone is not None else None,
        declared_sources=frozenset(declared),
    )


def profile_hosts(text: str) -> list[str]:
    """The hosts a stored profile `text` names (`[site] hosts`), read leniently: none when the
    text is not TOML or names them otherwise than as a list of strings (a profile stored
    unreadable still has its key and start URL). The archive's site lookup asks it, for a site
    named by a URL on one of its hosts."""
    try:
        site = tomllib.loads(text).get("site", {})
    except tomllib.TOMLDecodeError:
        return []
    hosts = site.get("hosts", []) if isinstance(site, dict) else []
    return [host for host in hosts if isinstance(host, str)] if isinstance(hosts, list) else []


def _check_keys(data: dict[str, Any], path: str) -> None:
    """Raise `ProfileError` for a table or key of `data` no reader knows (`KNOWN_KEYS`), naming
    the nearest known one."""
    tables = {"site", "extract", "crawl"}
    for table in data:
        if table not in tables:
            raise ProfileError(
                _unknown(f"site profile {path}: unknown table [{table}]", table, tables)
            )
    recheck = (data.get("crawl") or {}).get("recheck")
    nested = {"crawl.recheck": recheck if isinstance(recheck, dict) else {}}
    for table, values in [(t, data.get(t) or {}) for t in sorted(tables)] + list(nested.items()):
        known = KNOWN_KEYS[table]
        for key in values:
            base_key = key.removesuffix("_replace")
            if key not in known and not (key != base_key and base_key in known):
                where = f"site profile {path}: unknown key {key!r} in [{table}]"
                raise ProfileError(_unknown(where, key, known))


#: The shape of a key's value where it is not a string or a list of strings (every other key of
#: `[extract]` and `[crawl]`): a wrong one is refused naming the key, rather than failing inside
#: a reader ("'int' object is not iterable", exit 70) or being read as nothing.
_SHAPES: dict[str, dict[str, str]] = {
    "extract": {
        "phone_region": "text",
        "fallback_phone_region": "text",
        "sectors": "table",
        "staff_contacts": "true or false",
    },
    "crawl": {
        "start_urls": "table",
        "recheck": "table",
        "card_selector": "text",
        "card_title_selector": "text",
        "card_date_selector": "text",
        "wp_json": "text",
        "user_agent": "text",
        "contact": "text",
        "max_listing_pages": "whole number",
        "concurrency": "whole number",
        "allow_private": "true or false",
    },
}
_SHAPE_WORDS = {
    "texts": "a string or a list of strings",
    "text": "a string",
    "table": "a table",
    "whole number": "a whole number",
    "true or false": "true or false",
}


def _fits(value: Any, shape: str) -> bool:
    if shape == "texts":
        return isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        )
    if shape == "table":  # of lists of strings (sectors, languages' listings) or of numbers
        return isinstance(value, dict) and all(
            _fits(v, "texts") or (isinstance(v, int) and not isinstance(v, bool))
            for v in value.values()
        )
    if shape == "whole number":
        return isinstance(value, int) and not isinstance(value, bool)
    if shape == "true or false":
        return isinstance(value, bool)
    return isinstance(value, str)


def _check_shapes(data: dict[str, Any], path: str) -> None:
    """Raise `ProfileError` for a known key of `[extract]` or `[crawl]` whose value has another
    shape than its reader takes (`_SHAPES`; a list's `<key>_replace` is true or false)."""
    for table in ("extract", "crawl"):
        for key, value in (data.get(table) or {}).items():
            if key.endswith("_replace"):
                shape = "true or false"
            else:
                shape = _SHAPES[table].get(key, "texts")
            if key in KNOWN_KEYS[table] or key.endswith("_replace"):
                if not _fits(value, shape):
                    raise ProfileError(
                        f"site profile {path}: [{table}] {key} must be {_SHAPE_WORDS[shape]}, "
                        f"not {value!r}"
                    )


def _unknown(message: str, name: str, known: set[str] | frozenset[str]) -> str:
    near = difflib.get_close_matches(name, sorted(known), n=1)
    return f"{message} (did you mean {near[0]!r}?)" if near else message


def _declared_sources(crawl: dict[str, Any]) -> set[str]:
    """The source paths a profile's own `[crawl]` table names, before the base extends it."""
    named: list[Any] = [crawl.get("wp_json")]
    for key in ("sitemaps", "feeds"):
        value = crawl.get(key)
        named += value if isinstance(value, list) else [value]
    return {v for v in named if isinstance(v, str) and v}


def available_profiles() -> list[str]:
    """Keys of the profiles bundled with the package."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.toml"))


def _read_base() -> dict[str, Any]:
    return tomllib.loads((PROFILE_DIR / f"{BASE_PROFILE}.toml").read_text(encoding="utf-8"))


def extend(base: dict[str, Any], site: dict[str, Any]) -> dict[str, Any]:
    """`site` over `base`: lists add to the base's (site entries first; `<key>_replace = true`
    keeps the site's alone), tables merge key by key, other values replace the base's."""
    out = dict(base)
    for key, value in site.items():
        if key.endswith("_replace"):
            continue
        known = base.get(key)
        if isinstance(value, list) and isinstance(known, list) and not site.get(f"{key}_replace"):
            out[key] = value + [v for v in known if v not in value]
        elif isinstance(value, dict) and isinstance(known, dict):
            out[key] = extend(known, value)
        else:
            out[key] = value
    return out


def profile_for_host(host: str) -> SiteProfile | None:
    """The bundled site profile whose `[site].hosts` holds `host` (case-insensitive, with or
    without `www.`), if any; the generic base is no site's."""
    host = host.lower().rstrip(".").removeprefix("www.")
    for key in available_profiles():
        if key == BASE_PROFILE:
            continue
        profile = load_profile(key)
        if host and host in {h.removeprefix("www.") for h in profile.hosts}:
            return profile
    return None


def profile_for_url(url: str) -> SiteProfile:
    """The bundled profile whose `[site].hosts` holds `url`'s host, else the generic base."""
    return profile_for_host(urlsplit(url).hostname or "") or load_profile(BASE_PROFILE)


def generic_profile() -> SiteProfile:
    """The profile for a site no bundled profile knows: the generic base (no site names, hosts,
    sector mapping, time zone or language restriction: a timestamp keeps the day its offset
    gives; any language may be identified)."""
    return load_profile(BASE_PROFILE)


def site_for_url(url: str) -> tuple[str, SiteProfile | None]:
    """The site a URL belongs to when no profile is named: (the key of the bundled profile whose
    hosts hold its host, that profile) or (its origin `scheme://host[:port]`, None)."""
    parts = urlsplit(url)
    owner = profile_for_host(parts.hostname or "")
    if owner is not None:
        return owner.key, owner
    return f"{parts.scheme}://{parts.netloc}".lower(), None
