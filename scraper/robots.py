"""robots.txt rules per host, parsed by protego; the text is fetched by `scraper.fetch`, never here."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one host for one user agent: what may be fetched, how slowly, which sitemaps."""

    parser: Protego | None
    user_agent: str
    #: set when robots.txt could not be read for a transient reason: then nothing may be fetched
    unavailable: str | None = None

    def allows(self, url: str) -> bool:
        if self.unavailable:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, self.user_agent))

    @property
    def crawl_delay(self) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(self.user_agent)
        return float(delay) if delay is not None else None

    @property
    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser is not None else []


def parse_robots(text: str, user_agent: str) -> RobotsRules:
    """Rules from the text of a robots.txt (an empty text allows everything)."""
    return RobotsRules(parser=Protego.parse(text), user_agent=user_agent)


def allow_all(user_agent: str) -> RobotsRules:
    """The rules of a host whose robots.txt is missing (4xx): everything allowed (RFC 9309)."""
    return RobotsRules(parser=None, user_agent=user_agent)


def unavailable(user_agent: str, reason: str) -> RobotsRules:
    """The rules of a host whose robots.txt failed (5xx, network): nothing allowed (RFC 9309)."""
    return RobotsRules(parser=None, user_agent=user_agent, unavailable=reason)


def robots_url(url: str) -> str:
    """The robots.txt URL governing `url`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


@dataclass
class RobotsCache:
    """Rules per origin, loaded once per crawl through `load(robots_url) -> RobotsRules`
    (thread-safe: fetching threads asking together load a host's rules once)."""

    load: Callable[[str], RobotsRules]
    _rules: dict[str, RobotsRules] = field(default_factory=dict)
    _loading: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def rules_for(self, url: str) -> RobotsRules:
        key = robots_url(url)
        found = self._rules.get(key)
        if found is not None:
            return found
        with self._loading:
            if key not in self._rules:
                self._rules[key] = self.load(key)
            return self._rules[key]

    def peek(self, url: str) -> RobotsRules | None:
        """The rules of `url`'s origin if already loaded (never loads)."""
        return self._rules.get(robots_url(url))
