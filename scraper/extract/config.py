"""The `[extract]` table of a site profile as a typed value, with generic defaults for unknown sites."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers

from scraper import lexicon
from scraper.extract.selectors import SelectorIndex
from scraper.sites import SiteProfile, load_profile
from scraper.text import fold

#: Profile keys holding CSS selectors matched in the single pass over the page.
SELECTOR_ROLES = (
    "content",
    "title",
    "lead",
    "date",
    "sector",
    "sector_hints",
    "contact",
    "related",
    "breadcrumb",
)


def _strings(table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key) or ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if isinstance(v, str) and v.strip())


def _phrases(table: dict[str, Any], key: str) -> tuple[str, ...]:
    """The language vocabulary's phrases of `key` and the profile's own, folded."""
    own = tuple(fold(p) for p in _strings(table, key))
    return own + tuple(p for p in lexicon.words(key) if p not in own)


@dataclass(frozen=True)
class ExtractConfig:
    """Selectors (CSS, in `index` by role), phrases (compared folded: lower case, no accents) and
    the sector mapping."""

    hosts: frozenset[str] = frozenset()
    related: tuple[str, ...] = ()
    boilerplate: re.Pattern[str] = re.compile(r"(?!)")
    related_headings: tuple[str, ...] = ()
    end_headings: tuple[str, ...] = ()
    cta_phrases: tuple[str, ...] = ()
    cta_actions: tuple[str, ...] = ()
    question_labels: tuple[str, ...] = ()
    interview_intros: tuple[str, ...] = ()
    #: how an interview is closed with thanks ("Merci, Sophie !"): ends the last answer
    closing_thanks: tuple[str, ...] = ()
    role_cues: tuple[str, ...] = ()
    #: the first person's subject pronouns ("je", "we", "ik"): the voice of an interview's answers
    first_person: tuple[str, ...] = ()
    #: words by which a text says someone answered it ("a répondu", "tells"), a subset of the
    #: role cues: a role alone ("notre représentant") introduces no interview
    speech_cues: tuple[str, ...] = ()
    #: the second person's pronouns ("vous", "you", "jullie"): an interview's questions address
    second_person: tuple[str, ...] = ()
    #: link texts that are neither a title nor a sector ("Lire la suite")
    link_phrases: tuple[str, ...] = ()
    #: labels written before a sector in its element ("Rubrique :"), folded: never part of it
    sector_labels: tuple[str, ...] = ()
    #: a teaser's relative date ("hier", "yesterday", "ago"), folded: a date, never a sector
    relative_dates: tuple[str, ...] = ()
    #: capitalised words that never start a person's name ("Notre", "The", a site's city)
    name_stopwords: frozenset[str] = frozenset()
    site_names: tuple[str, ...] = ()
    #: the site's own staff (an address at its own domain) are its articles' contacts: an
    #: agency's project managers; a news site's staff are its journalists and its desk (tips,
    #: newsroom, the editor), no contact of the article
    staff_contacts: bool = False
    #: the site's zone: a timestamp's day is taken there; None: the day its own offset gives
    time_zone: ZoneInfo | None = None
    #: a language switch's link texts, folded ("nederlands", "nl"), and the language each names
    language_names: dict[str, str] = field(default_factory=dict)
    #: the ISO 639-1 codes the site publishes in (empty: any language)
    languages: tuple[str, ...] = ()
    #: the region (ISO 3166) of every phone number the site writes without country code; set by
    #: a profile whose site is of one country, it wins over what a page declares
    phone_region: str | None = None
    #: the region of such a number when neither the profile nor the page (its declared
    #: language-region, `fr-CA`) nor the contact's address names one
    fallback_phone_region: str | None = None
    #: folded sector label -> sector key
    sectors: dict[str, str] = field(default_factory=dict)
    #: the length of the longest folded sector label (longer text is never one)
    longest_sector: int = 0
    #: the selectors of every role, for the single pass over the tree
    index: SelectorIndex = field(default_factory=SelectorIndex)
    #: the card sector selectors, matched inside each card
    card_index: SelectorIndex = field(default_factory=SelectorIndex)

    @classmethod
    def from_profile(cls, profile: SiteProfile) -> ExtractConfig:
        table = profile.extract
        sectors = {
            fold(label): str(key)
            for key, labels in (table.get("sectors") or {}).items()
            for label in (labels if isinstance(labels, list) else [labels])
            if isinstance(label, str)
        }
        words = _strings(table, "boilerplate_classes")
        pattern = (
            re.compile(
                r"(?:^|[\s_-])(?:" + "|".join(re.escape(w) for w in words) + r")s?(?=$|[\s_-])"
            )
            if words
            else re.compile(r"(?!)")
        )
        roles = {role: _strings(table, role) for role in SELECTOR_ROLES}
        return cls(
            index=SelectorIndex.build(roles),
            card_index=SelectorIndex.build({"": _strings(table, "card_sector")}),
            hosts=profile.hosts,
            related=_strings(table, "related"),
            boilerplate=pattern,
            related_headings=_phrases(table, "related_headings"),
            end_headings=_phrases(table, "end_headings"),
            cta_phrases=_phrases(table, "cta_phrases"),
            cta_actions=_phrases(table, "cta_actions"),
            question_labels=_strings(table, "question_labels")
            + lexicon.words("question_labels", folded=False),
            interview_intros=_phrases(table, "interview_intros"),
            closing_thanks=_phrases(table, "closing_thanks"),
            # a speech cue ("a répondu à nos questions") names the interviewee as a role does
            role_cues=_phrases(table, "role_cues") + _phrases(table, "speech_cues"),
            first_person=_phrases(table, "first_person"),
            speech_cues=_phrases(table, "speech_cues"),
            second_person=_phrases(table, "second_person"),
            link_phrases=_phrases(table, "link_phrases"),
            sector_labels=_phrases(table, "sector_labels"),
            relative_dates=_phrases(table, "relative_dates"),
            name_stopwords=frozenset(_phrases(table, "name_stopwords")),
            site_names=_phrases(table, "site_names") or tuple(filter(None, [fold(profile.name)])),
            staff_contacts=bool(table.get("staff_contacts", False)),
            time_zone=ZoneInfo(profile.time_zone) if profile.time_zone else None,
            language_names=lexicon.language_names(),
            languages=tuple(code.lower() for code in _strings(table, "languages")),
            phone_region=phone_region(table.get("phone_region")),
            fallback_phone_region=phone_region(table.get("fallback_phone_region")),
            sectors=sectors,
            longest_sector=max(map(len, sectors), default=0),
        )


def phone_region(value: object) -> str | None:
    """`value` as a region phone numbers are read in ("ca" -> "CA"); None when it is none."""
    code = value.strip().upper() if isinstance(value, str) else ""
    return code if code in phonenumbers.SUPPORTED_REGIONS else None


@lru_cache(maxsize=1)
def _default_config() -> ExtractConfig:
    return ExtractConfig.from_profile(load_profile())


#: Configs of the last profiles seen, by identity: a crawl passes one profile object for every
#: page, and building its selector index costs more than a small page's whole extraction.
_RECENT: dict[int, tuple[SiteProfile, ExtractConfig]] = {}
_RECENT_SIZE = 8


def config_for(profile: SiteProfile | None) -> ExtractConfig:
    """The config of `profile`; the bundled hub.brussels profile is read once and reused, and so
    is the config of a profile object passed again."""
    if profile is None:
        return _default_config()
    known = _RECENT.get(id(profile))
    if known is not None and known[0] is profile:
        return known[1]
    config = ExtractConfig.from_profile(profile)
    if len(_RECENT) >= _RECENT_SIZE:
        _RECENT.pop(next(iter(_RECENT)))
    _RECENT[id(profile)] = (profile, config)
    return config
