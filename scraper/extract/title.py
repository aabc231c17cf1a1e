"""The headline: the article's `<h1>` (without a kicker glued into it), confirmed by or taken from
JSON-LD, og:title and `<title>` stripped of the site's name and slogan."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from bs4 import NavigableString, PageElement, Tag

from scraper.dates import date_spans
from scraper.extract.lang import short_lang
from scraper.extract.page import Page
from scraper.extract.structured import EMPHASIS_TAGS
from scraper.extract.treewalk import (
    first_child_tag,
    first_named,
    holds_one_text,
    is_at_or_inside,
    is_inside,
    spaced_text,
)
from scraper.extract.zone import visible_lines
from scraper.text import NOT_ALNUM, fold, normalize_text
from scraper.urls import host_of, resolve_href

Found = tuple[str, str] | None  # (value, layer)
#: Kana, CJK ideographs, Hangul and full-width forms: scripts written without spaces.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef"
#: The full-width bar separates a Chinese or Japanese title's pieces, with or without spaces
#: ("見出し｜サイト"). Not "_" nor "：": titles keep "标题_频道_网站" whole (devset gold), and a
#: Chinese headline's own colon ("会议：研究部署") reads like a Japanese site's ("：朝日新聞").
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•:»›>«‹~]{1,2}|//)\s+|\s*｜\s*")
#: How many of `_SEPARATOR_RANKS` sign a title with a name ("|", "::", "//", "–", "~", "-"; not
#: ":" or "·").
_STRONG_SEPARATORS = 3
#: `<title>` separators, strongest first: the one between headline and site is the strongest used.
#: "::" and "//" are never a headline's own punctuation, like "|"; " ~ " is a dash's stand-in.
_SEPARATOR_RANKS = tuple(
    re.compile(pattern)
    for pattern in (
        r"\s+(?:\|{1,2}|::|//)\s+|\s*｜\s*",
        r"\s+[–—~]\s+",
        r"\s+-{1,2}\s+",
        r"\s+[·•»›>«‹]\s+",
        r"\s+:\s+",
    )
)
#: A kicker (overline) glued into the `<h1>` is short: a section or a topic, a few words.
_KICKER_WORDS = 3
_KICKER_CHARS = 30
#: A kicker its own classed element sets apart may run longer: a running story's name ("Krieg
#: in der Ukraine", "Nach dem Urteil aus Karlsruhe"), still shorter than the headline after it.
_MARKED_KICKER_WORDS = 5
_MARKED_KICKER_CHARS = 45
#: Punctuation written between a kicker and its headline ("Kicker: Headline", "Kicker | …").
_KICKER_MARKS = " :|-–—·•»"
#: A classed kicker may also be written as a sentence of its own, ended by a full stop
#: ("<span class=surtitre>Éducation.</span> Grève …", a French regional daily's style), unless
#: that stop ends an abbreviation: a last word of at most this many letters ("Mr.", "St.").
_ABBREVIATION_CHARS = 3
#: How metadata joins a kicker to its headline ("K: H", French "K : H", "K | H", "K – H").
_KICKER_JOINS = (":", " :", " |", " -", " –")
#: A name signing a `<title>` after its last strong separator is short: a brand, a site.
_BRAND_WORDS = 3
_BRAND_CHARS = 30
#: A slogan after a name and a colon is a short phrase ("De Krant: nieuws uit de stad").
_SLOGAN_WORDS = 6
#: Permalink marks a documentation generator puts in headings ("Evolve¶").
_PERMALINK_MARKS = " ¶§#🔗"
#: A one- or two-word `<h1>` no metadata confirms is a banner ("Actua", "News").
_BANNER_WORDS = 2
#: Metadata of at least this many words is a headline, not a section name.
_HEADLINE_WORDS = 4
#: Headlines are shorter than this; a longer "h1" is a page builder's misuse.
_MAX_HEADLINE = 400
#: One title is the other truncated or with a subtitle when the shorter has this many characters.
_MIN_CLOSE = 20
#: A site name shorter than this is never matched inside a longer piece (too many false hits).
_MIN_SITE_CHARS = 4
#: Chinese and Japanese write no spaces: a run of this many CJK characters counts as one word
#: when a title's pieces are measured in words (their words run one to four characters).
_CJK_WORD_CHARS = 3
_CJK_CHAR = re.compile(f"[{_CJK}]")
#: Words of at most this many letters a host name leaves out when it spells a site's name ("El
#: Correo del Sur" on correosur, "La Gazette du Port" on gazetteport): articles, prepositions.
_LINK_WORD_CHARS = 3
_INLINE = frozenset(("span", "small", "em", "strong", "b", "i", "a", "mark", "div", "p"))
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _compact(text: str) -> set[str]:
    """Comparison keys of a name written as a host label ("Musée du Port" -> "museeduport";
    "Bücherei" -> "bucherei" and "buecherei")."""
    lower = text.lower()
    if lower.isascii():
        # nothing to fold: `fold` would only trim and join the spaces `NOT_ALNUM` drops
        return {NOT_ALNUM.sub("", lower)} - {""}
    return {NOT_ALNUM.sub("", fold(v)) for v in (lower, lower.translate(_GERMAN))} - {""}


def _site_names(page: Page) -> set[str]:
    names = set(page.config.site_names)
    site = page.signals.first_meta("og:site_name", "application-name")
    if site:
        names.add(fold(site))
    host = _bare_host(page.url)
    if host:
        names.update({fold(host), fold(host.split(".")[0])})
    return names - {""}


#: JSON-LD types whose `name` is the site's or its publisher's, not the article's.
_SITE_TYPES = frozenset(("WebSite", "Organization", "NewsMediaOrganization", "Corporation"))
#: A site's name runs to a few words ("Coastal Gazette of the North"); a longer link text or
#: piece is a sentence, a headline.
_SITE_NAME_WORDS = 6


def _shown_site_names(page: Page) -> set[str]:
    """The names the page itself gives its site: the publisher and website of its JSON-LD, and
    the text, image alt or title of its links to the home page (the logo, "Home"). Read once per
    page (`Page.shown_site_names`): a pass over all its links."""
    if page.shown_site_names is None:
        page.shown_site_names = _read_shown_site_names(page)
    return page.shown_site_names


def _read_shown_site_names(page: Page) -> set[str]:
    signals = page.signals
    article = signals.article_node()
    publisher = article.get("publisher") if article else None
    found = [publisher.get("name") if isinstance(publisher, dict) else None]
    for node in signals.jsonld:
        types = node.get("@type")
        kinds = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and t in _SITE_TYPES for t in kinds):
            found += [node.get("name"), node.get("alternateName")]
    home_href = _HOME_HREF.match
    for link in signals.links:
        href = link.attrs.get("href")
        # `_is_home`'s first test, here: it turns down nearly every link of a page
        if not isinstance(href, str) or home_href(href) is None or not _is_home(page, href):
            continue
        found += [link.get_text(" "), link.get("title")]
        image = first_named(link, "img")
        if image is not None:
            found.append(image.get("alt"))
    names: set[str] = set()
    for name in found:
        text = normalize_text(name) if isinstance(name, str) else ""
        if text and len(text.split()) <= _SITE_NAME_WORDS:
            names.add(fold(text))
    return names


#: What a link to a home page looks like before it is resolved ("/", "/fr/", "https://host/",
#: "./"): one cheap test per link of the page, the full check only on these. The host is taken
#: whole (`++`, possessive): an href that matches with the host's end given back to the rest
#: (".", "fr") matches with the host whole too, so trying that, character by character (4x
#: slower on an article's link), never changed an answer.
_HOME_HREF = re.compile(
    r"^\s*(?:https?:)?(?://[^/?#\s]++)?(?:\.?/)?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?\s*$", re.IGNORECASE
)


def _is_home(page: Page, href: str) -> bool:
    """A link to the site's home page (its root, or a language's root: "/", "/fr/")."""
    if _HOME_HREF.match(href) is None:
        return False
    absolute = resolve_href(page.base, href)
    if absolute is None:
        return False
    parts = urlsplit(absolute)
    if parts.query or host_of(absolute) != host_of(page.url):
        return False
    path = parts.path.strip("/")
    return path == "" or short_lang(path) == path


def _host_words(page: Page) -> set[str]:
    """The words of the host's labels ("gazette-nord.example" -> gazette, nord), long enough to
    be a name's word rather than a chance syllable."""
    labels = _bare_host(page.url).split(".")[:-1]
    return {w for label in labels for w in re.split(r"[-_]", label) if len(w) >= _MIN_SITE_CHARS}


#: An address's last folder names its article when it holds at least this many words
#: ("/noticias/alcalde-anuncia-nuevo-plan"); fewer is a section or an id ("/news/", "/a/123").
_SLUG_MIN_WORDS = 3
#: Words shorter than this are left out when a title's piece is set beside the address: the
#: articles and prepositions a slug keeps or drops as it likes ("de", "la", "of").
_SLUG_WORD_CHARS = 3
#: A piece writes the address's slug when this many of its words are in it: a slug keeps a
#: headline's main words, and a site's one-word name may be a headline's word too ("Le Soir"
#: on /ce-soir-…).
_SLUG_MATCH_WORDS = 2
_WORDS = re.compile(r"[\W_]+")
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)


#: Addresses whose slug words and host are remembered: the titles ask them of one page several
#: times (each title's pieces, the headline, its `<h1>`s); the last few pages' are all asked again.
ADDRESSES_REMEMBERED = 64


def _slug_words(page: Page) -> frozenset[str]:
    """The words of the last folder of the page's address that spells a headline
    ("/lokales/neue-oeffnungszeiten-stadtbuecherei" -> neue, oeffnungszeiten, …; the folder
    before "/amp/" or "/index.html"); empty for an id, a section or a home page."""
    return _path_slug_words(urlsplit(page.url).path)


@lru_cache(maxsize=ADDRESSES_REMEMBERED)
def _path_slug_words(path: str) -> frozenset[str]:
    for folder in reversed(path.split("/")):
        slug = _PAGE_EXTENSION.sub("", folder)
        words = {w for w in NOT_ALNUM.split(fold(slug)) if w and not w.isdigit()}
        if len(words) >= _SLUG_MIN_WORDS:
            return frozenset(words)
    return frozenset()


@lru_cache(maxsize=ADDRESSES_REMEMBERED)
def _bare_host(url: str) -> str:
    """The host of `url` without its "www." (each title and site-name test asks it of the page)."""
    return host_of(url).removeprefix("www.")


def _slug_shared(piece: str, slug: frozenset[str]) -> int:
    """How many words of `piece` the slug holds: words of at least `_SLUG_WORD_CHARS`
    characters, German umlauts matched written either way."""
    if not slug:
        return 0
    return sum(
        bool(_compact(word) & slug)
        for word in _WORDS.split(piece.lower())
        if len(word) >= _SLUG_WORD_CHARS
    )


def _spells_slug(piece: str, slug: frozenset[str]) -> bool:
    """True when `piece` is what the page's address spells: its main words are in the slug."""
    return _slug_shared(piece, slug) >= _SLUG_MATCH_WORDS


def _apart_from_slug(piece: str, rest: str, slug: frozenset[str]) -> bool:
    """True when the address spells `rest` and none of `piece`'s words: `piece` names the site,
    its section or slogan, not the headline ("Radio Costa - Alcalde anuncia …" on
    /alcalde-anuncia-…)."""
    return _spells_slug(rest, slug) and _slug_shared(piece, slug) == 0


def _is_site_piece(piece: str, names: set[str], host_label: str) -> bool:
    """True when a `<title>` piece names the site: one of its names, or the host label written
    out ("Musée du Port" on museeduport.example, "Stadtbücherei Deichtor" on buecherei-deichtor)."""
    folded = fold(piece)
    if folded in names or folded.removeprefix("www.") in names:
        return True
    if _HOST_WRITTEN.search(folded) and _word_count(piece) <= _BRAND_WORDS:
        return True  # a host written as the site's name: "SZ.de", "Gazeta.pl", "Le Monde.fr"
    if _abbreviates_host(piece, host_label):
        return True
    if len(host_label) < _MIN_SITE_CHARS:
        return False
    # a shorter name inside the host label starts it ("Wochenblatt" on wochenblatt-nord) or is
    # of words ("Le Parisien"); one word within it is a headline's place ("Paris : …" on
    # leparisien, "France : …" on ouest-france)
    several = _word_count(piece) > 1
    return any(
        host_label in key
        or (
            len(key) >= _MIN_SITE_CHARS
            and key in host_label
            and (several or host_label.startswith(key))
        )
        for key in _compact(piece)
    ) or _spells_host(piece, host_label)


#: A name ending in a top-level domain ("SZ.de", "n-tv.de", "LWN.net"): a host.
_HOST_WRITTEN = re.compile(r"\w\.(?:[a-z]{2}|com|net|org|info)$")
#: A host made of a name's initials is at least this long ("wsj", "nytimes"): two letters
#: are spelt by too many pairs of words.
_MIN_INITIALS = 3


def _abbreviates_host(piece: str, host_label: str) -> bool:
    """True when the words of `piece`, each in turn, write the host label by their initial or
    whole, short linking words maybe left out: "The New York Times" on nytimes, "The Wall Street
    Journal" on wsj, "Los Angeles Times" on latimes; every word is used ("New rules for York
    Times" is no name of nytimes)."""
    words = [w for w in NOT_ALNUM.split(fold(piece)) if w]
    if len(host_label) < _MIN_INITIALS or not 2 <= len(words) <= _SITE_NAME_WORDS:
        return False
    ends = {0}  # how much of the host label the words read so far can have written
    for word in words:
        following = {e + 1 for e in ends if host_label.startswith(word[0], e)}
        following |= {e + len(word) for e in ends if host_label.startswith(word, e)}
        if len(word) <= _LINK_WORD_CHARS:
            following |= ends
        ends = following
    return len(host_label) in ends and any(
        not host_label.startswith(w) for w in words
    )  # one word alone spelling the host is `_spells_host`'s case


def _spells_host(piece: str, host_label: str) -> bool:
    """True when consecutive words of `piece` write the host label, leaving out short linking
    words ("El Correo del Sur" on correosur, "La Gazette du Port" on gazetteport)."""
    words = [w for w in NOT_ALNUM.split(fold(piece)) if w]
    for start, word in enumerate(words):
        if not host_label.startswith(word) or len(word) <= _LINK_WORD_CHARS:
            continue
        spelled = word
        for following in words[start + 1 :]:
            if host_label.startswith(spelled + following):
                spelled += following
            elif len(following) > _LINK_WORD_CHARS:
                break
            if spelled == host_label:
                return True
    return False


def _is_site_like(piece: str, names: set[str], host_words: set[str]) -> bool:
    """Looser: a short piece opening with one of the site's names as whole words ("Coastal
    Gazette of the North" beside og:site_name "Coastal Gazette"), or holding a word of the host
    ("Coastal Gazette of the North" on gazette-nord.example)."""
    words = [w for w in _NOT_WORD.split(fold(piece)) if w]
    if not words or len(words) > _SITE_NAME_WORDS:
        return False
    folded = " ".join(words)
    return any(
        len(name) >= _MIN_SITE_CHARS and _opens_with_word(folded, name) for name in names
    ) or bool(host_words & set(words))


def _opens_with_word(text: str, name: str) -> bool:
    r"""True when `text` opens with `name` not followed by a word character (as
    `re.match(re.escape(name) + r"(?!\w)", text)`, whose `\w` is `str.isalnum()` or "_"), without
    a pattern built for each name and text."""
    if not text.startswith(name):
        return False
    after = text[len(name) : len(name) + 1]
    return not after or not (after.isalnum() or after == "_")


_NOT_WORD = re.compile(r"[^\w.]+")
#: Separators of a path ("Gazette » Harbour » Headline", "Home > News > …"): its leaf is the
#: headline.
_HIERARCHY = frozenset("»›>«‹")


def clean_title(
    value: str | None, page: Page, shown: set[str] | None = None, *, named_only: bool = False
) -> str | None:
    """A `<title>`/og:title without the site's name and what follows it (a slogan):
    "Le rêve … - hub.brussels" -> "Le rêve …"; "Neue Öffnungszeiten | Stadtbücherei – Lesen für
    alle" -> "Neue Öffnungszeiten"; "Site | Headline" -> "Headline". `shown`: the names the page
    gives its site (`_shown_site_names`), computed by the caller once for both titles.
    `named_only`: only a piece naming the site comes off, no short unknown name (a JSON-LD
    headline, meant as the headline, whose last piece may be a person's: "… – Anna Muster")."""
    if not value:
        return None
    # split on the strongest separator the title uses ("|" before "–" before "-"...): a piece
    # holding the site's name goes whole, with the slogan written beside the name
    separator = _separator(value)
    if separator is None:
        return normalize_text(value)
    names = _site_names(page) | (shown if shown is not None else _shown_site_names(page))
    host_label = NOT_ALNUM.sub("", fold(_bare_host(page.url).split(".")[0]))
    parts = separator.split(value)
    slug = _slug_words(page)
    flags = [
        any(_is_site_piece(p, names, host_label) for p in [part, *_TITLE_SEPARATORS.split(part)])
        # what the page's address spells is the headline, never the site's name
        and not _spells_slug(part, slug)
        for part in parts
    ]
    if not any(flags) or all(flags):
        # no piece is exactly a name the site goes by: one that opens with such a name, or
        # holds a word of the host, when the others do not
        host_words = _host_words(page)
        loose = [_is_site_like(part, names, host_words) for part in parts]
        if any(loose) and not all(loose):
            flags = loose
    if all(flags):
        return None
    if not any(flags):
        if named_only:
            return normalize_text(value)
        return _without_brand(value, separator, parts, slug)
    if (
        flags == [True, False]
        and separator in _SEPARATOR_RANKS[1:_STRONG_SEPARATORS]
        and _word_count(parts[1]) <= _SLOGAN_WORDS
    ):
        # the name first and a dash: the name's slogan, no headline ("Le Soleil du Nord – Le
        # journal qui vous ressemble"); a name first before a headline is written with "|", or
        # with a dash before the headline the page's address spells ("Radio Costa - Alcalde
        # anuncia nuevo plan" on /alcalde-anuncia-nuevo-plan)
        return normalize_text(parts[1]) if _spells_slug(parts[1], slug) else None
    path = all(m.group().strip() in _HIERARCHY for m in separator.finditer(value))
    if path and (flags[0] or flags[-1]):
        # a path from the site down ("Gazette » Harbour » Headline") or up to it: its leaf
        return normalize_text(parts[-1] if flags[0] else parts[0]) or None
    # the headline is the run of pieces before the site's name, or after it when the name
    # opens the title ("Site | Headline")
    first = flags.index(False)
    last = flags.index(True, first) if True in flags[first:] else len(flags)
    if (
        last < len(flags)
        and last - first > 1
        and separator in _SEPARATOR_RANKS[:_STRONG_SEPARATORS]
    ):
        # "Headline | Madrid | EL PAÍS": the pieces just before the site's name that name one
        # of the site's sections (a link of its menu, article:section, a folder of the URL)
        # are the page's place on the site, not the headline's words; the first piece stays
        sections = _section_names(page)
        while last - first > 1 and (
            _compact(parts[last - 1]) & sections or _is_date_piece(parts[last - 1])
        ):
            last -= 1
        # and a section's name opening the title before the headline ("Local | Headline |
        # Gazette"): the page's place on the site, written before it
        while last - first > 1 and _compact(parts[first]) & sections:
            first += 1
    elif (
        first > 0
        and last == len(flags)
        and last - first > 1
        and separator in _SEPARATOR_RANKS[:_STRONG_SEPARATORS]
    ):
        # the same path written from the site down ("Gazet van het Dorp :: Nieuws :: Headline",
        # "Giornale | Cronaca | Headline"): the sections after the name go with it
        sections = _section_names(page)
        while last - first > 1 and _compact(parts[first]) & sections:
            first += 1
    # the headline keeps its own separators ("Export : …")
    cuts = [0, *(i for m in separator.finditer(value) for i in m.span()), len(value)]
    return normalize_text(value[cuts[2 * first] : cuts[2 * last - 1]]) or None


def _is_date_piece(piece: str) -> bool:
    """True when a `<title>` piece is a date alone ("Headline - 05/03/2024 - Section - Site"):
    the day the page is filed under, never a headline's words."""
    spans = date_spans(piece)
    return len(spans) == 1 and spans[0][1] - spans[0][0] == len(fold(piece))


#: A section's name set before a title's headline and a colon ("Politik: …").
_SECTION_PREFIX = re.compile(r"^([^:]{1,40}?)\s*:\s+(?=\S)")


def _without_section(title: str | None, page: Page) -> str | None:
    """A `<title>`/og:title without the section's or the site's name opening it ("Politik:
    Headline" when the page's article:section or JSON-LD articleSection is "Politik"; "Daily
    Ledger: Headline" when the site goes by that name, or the name holds a word of the host and
    none of the address's slug). Any other opening before a colon stays
    ("EXCLUSIVE: …", "Analyse : …", "Brexit: …"): a headline's own words as far as the page
    says."""
    match = _SECTION_PREFIX.match(title) if title else None
    if match is None or title is None:
        return title
    rest = title[match.end() :]
    if _word_count(rest) < _HEADLINE_WORDS:
        return title
    signals = page.signals
    stated = [signals.first_meta("article:section"), signals.jsonld_value("articleSection")]
    keys = {k for name in stated if name for k in _compact(name)}
    opening, slug = match.group(1), _slug_words(page)
    if _slug_shared(opening, slug) and _spells_slug(rest, slug):
        return title  # the address keeps the opening's words: the headline's own
    if keys & _compact(opening) or names_the_site(page, opening):
        return rest
    if (
        _word_count(opening) > 1
        and _apart_from_slug(opening, rest, slug)
        and _is_site_like(opening, _site_names(page), _host_words(page))
    ):
        # a name of words holding a word of the host ("Der Nordkurier: …" on nordkurier-online)
        # that the address, spelling the rest, leaves out: the site's name; one word is the
        # headline's topic ("France : …" on ouest-france)
        return rest
    return title


def _section_names(page: Page) -> set[str]:
    """Comparison keys (`_compact`) of the names of the site's sections the page gives: its
    article:section and JSON-LD articleSection, the short link texts of its menus and
    breadcrumb (at most `_BRAND_WORDS` words: a section, not a teaser) and the folders of its
    URL ("/espana/madrid/…" -> espana, madrid). Read once per page (`Page.section_names`)."""
    if page.section_names is not None:
        return page.section_names
    signals = page.signals
    found = [signals.first_meta("article:section"), signals.jsonld_value("articleSection")]
    found += map(spaced_text, signals.links)
    found += urlsplit(page.url).path.split("/")[:-1]
    # a menu repeats its links (header, footer, a mobile copy): each text is measured once
    texts = {normalize_text(name) for name in set(found) if isinstance(name, str)}
    keys: set[str] = set()
    for text in texts:
        if text and _word_count(text) <= _BRAND_WORDS:
            keys |= _compact(text)
    page.section_names = keys
    return keys


def _word_count(text: str) -> int:
    """Words of `text`: its space-separated words, a run of CJK characters counting one word per
    `_CJK_WORD_CHARS` characters ("日本経済新聞": 2)."""
    count = 0
    for word in text.split():
        cjk = len(_CJK_CHAR.findall(word)) if not word.isascii() else 0
        count += max(1, -(-cjk // _CJK_WORD_CHARS)) if cjk else 1
    return count


#: What parts a site's name from its slogan ("De Krant: nieuws …", "Kreisblatt – Nachrichten …").
_SLOGAN_AFTER = re.compile(r":\s+|\s+[–—-]\s+")


#: Titles whose separator is remembered: a page asks it of each of its titles two or three times
#: (whether the site's names are to be read at all, then where to cut), with a regex scan per
#: rank each time; the titles of the last few pages are all that is asked again.
SEPARATORS_REMEMBERED = 64


@lru_cache(maxsize=SEPARATORS_REMEMBERED)
def _separator(value: str) -> re.Pattern[str] | None:
    """The strongest of `_SEPARATOR_RANKS` that `value` uses, or None."""
    return next((sep for sep in _SEPARATOR_RANKS if sep.search(value)), None)


def _is_brand(piece: str) -> bool:
    """A short name, alone or followed by its slogan ("IAB", "De Krant: nieuws uit de stad",
    "Kreisblatt Nordheide – Nachrichten aus der Region")."""
    name, *rest = _SLOGAN_AFTER.split(piece, maxsplit=1)
    slogan = rest[0] if rest else ""
    return (
        _word_count(name) <= _BRAND_WORDS
        and len(name) <= _BRAND_CHARS
        and _word_count(slogan) <= _SLOGAN_WORDS
    )


def _without_brand(
    value: str, separator: re.Pattern[str], parts: list[str], slug: frozenset[str]
) -> str:
    """A title whose last piece after a strong separator is a short name ("… | IAB", "… – My
    website", "… – De Krant: nieuws uit de stad") without it, or whose first piece is one ("De
    Stadskrant | …", or "Omroep Noordkust – …" when the address's `slug` spells the rest and no
    word of the name): sites sign their titles so even when the name matches nothing known."""
    if len(parts) < 2 or separator not in _SEPARATOR_RANKS[:_STRONG_SEPARATORS]:
        return normalize_text(value)
    cuts = list(separator.finditer(value))
    spelled = _slug_run(parts, slug)
    if spelled < len(parts):
        # the address spells the pieces up to `spelled` and no word of those after: a
        # signature the name does not give away ("… – KZ Online – Nachrichten aus Kiel")
        value, parts, cuts = (
            value[: cuts[spelled - 1].start()],
            parts[:spelled],
            cuts[: spelled - 1],
        )
    if _is_brand(parts[-1]) and _word_count(" ".join(parts[:-1])) >= _HEADLINE_WORDS:
        value, parts = value[: cuts[-1].start()], parts[:-1]
        cuts = cuts[:-1]
    rest = " ".join(parts[1:])
    if (
        len(parts) >= 2
        and _is_brand(parts[0])
        and _word_count(rest) >= _HEADLINE_WORDS
        and (separator is _SEPARATOR_RANKS[0] or _apart_from_slug(parts[0], rest, slug))
    ):
        # a name first is written with "|" ("De Stadskrant | …"), or with a dash before what
        # the address spells; "Brexit – what next for …" opens with the headline's own words
        value = value[cuts[0].end() :]
    return normalize_text(value)


def _slug_run(parts: list[str], slug: frozenset[str]) -> int:
    """How many of a title's pieces, from the first, are the headline the address spells: up
    to the last piece sharing a word with the slug, when those pieces spell it and the pieces
    after share none of its words; else all of them."""
    shared = [_slug_shared(part, slug) > 0 for part in parts]
    if not shared[0] or shared[-1]:
        return len(parts)
    run = len(parts) - shared[::-1].index(True)
    return run if _spells_slug(" ".join(parts[:run]), slug) else len(parts)


def _in_article(tag: Tag) -> bool:
    return any(p.name in ("main", "article") or p.get("role") == "main" for p in tag.parents)


def _headline_elements(page: Page) -> list[tuple[Tag, str]]:
    found = [(tag, "profile") for tag in page.matched("title")]
    found += [(tag, "html") for tag in page.signals.h1s]
    return [
        (tag, layer)
        for tag, layer in found
        # an <h1> inside <main>/<article> is the article's even beside a breadcrumb <nav>; one
        # in the site's banner beside its logo and menu is when the page's address spells it
        # (a slogan or the site's name never is what the address spells)
        if (
            not page.in_site_chrome(tag)
            or page.in_page_header(tag)
            or _in_article(tag)
            or _in_unlinked_header(tag, page)
            or _spells_slug(spaced_text(tag), _slug_words(page))
        )
        and not page.in_related(tag)
        and not _is_logo(tag, page)
    ]


def _in_unlinked_header(tag: Tag, page: Page) -> bool:
    """True when `tag` sits in a `<header>` (and no other part of the site's frame) that links
    nowhere to the home page but from a breadcrumb trail: the article's header beside a `<nav>`
    of its tags or sections and a trail starting at "Home". The site's banner links home (its
    logo, "Home" in its menu)."""
    header = None
    for parent in tag.parents:
        if parent.name in ("nav", "footer", "aside") or parent.get("role") in (
            "navigation",
            "contentinfo",
            "banner",
        ):
            return False
        if parent.name == "header" and header is None:
            header = parent
    if header is None:
        return False
    trails = [nav for nav in header.find_all("nav") if page.is_breadcrumb(nav)]
    trails += [trail for trail in page.matched("breadcrumb") if is_inside(trail, header)]
    return not any(
        isinstance(href := link.get("href"), str)
        and _is_home(page, href)
        and not any(is_inside(link, trail) for trail in trails)
        for link in header.find_all("a")
    )


def _is_logo(tag: Tag, page: Page) -> bool:
    """An `<h1>` that is only a link to the home page: the site's name, not a headline."""
    link = None if holds_one_text(tag) else first_named(tag, "a")
    if link is None:
        return False
    href = link.get("href")
    if not isinstance(href, str) or normalize_text(link.get_text()) != normalize_text(
        tag.get_text()
    ):
        return False
    absolute = resolve_href(page.base, href)
    if absolute is None:
        return False
    path = urlsplit(absolute).path.strip("/")
    return path == "" or short_lang(path) == path


def _parts(tag: Tag) -> list[str]:
    """The texts of a heading made of separate elements and nothing else
    (`<h1><span class="kicker">Verkehr</span><span>Neue Radwege …</span></h1>`), or of a classed
    first element and the text after it (`<h1><span class="overline">Mobilité</span> Le plan
    …</h1>`, or `<small>` whose tag sets it apart); [] otherwise."""
    parts: list[str] = []
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    if (
        len(children) >= 2
        and isinstance(children[0], Tag)
        and children[0].name in _INLINE
        # set apart by a class, its tag, or a line break after it
        and (
            children[0].get("class")
            or children[0].name == "small"
            or (isinstance(children[1], Tag) and children[1].name == "br")
        )
        and any(isinstance(c, NavigableString) for c in children[1:])
    ):
        # a styled first element set before the headline's own text: the kicker and the rest
        # a colon or bar written between kicker and headline belongs to neither
        rest = normalize_text(" ".join(_text_of(c) for c in children[1:])).lstrip(_KICKER_MARKS)
        first = normalize_text(spaced_text(children[0]))
        return [first, rest] if first and rest else []
    for child in tag.children:
        if isinstance(child, NavigableString):
            if str(child).strip():
                return []  # running text in the heading itself: one title with inline markup
            continue
        if not isinstance(child, Tag) or child.name == "br":
            continue
        if child.name not in _INLINE:
            return []
        text = normalize_text(spaced_text(child))
        if any(c.isalnum() for c in text):  # a "|" between kicker and headline is no part
            parts.append(text)
    return parts


#: A heading of more children than this is running text with inline markup, not pieces set
#: apart (a kicker, the headline, a subtitle): its runs of children are not read one by one.
_MAX_HEADING_PIECES = 4


def _readings(tag: Tag, text: str, visible: str) -> list[str]:
    """The ways a heading may be read, the default first: `text` (a short kicker left out),
    the whole heading, and, when it is made of a few children (elements and texts), each run of
    them joined with a space: without the kicker or overline before the headline whatever its
    length, without the subtitle set after it (`<h1>Headline <small>Subtitle</small></h1>`),
    or whole with the space a two-line `<span>Kicker</span><span>Headline</span>` leaves out."""
    found = [text, visible]
    if holds_one_text(tag):
        return [t for i, t in enumerate(found) if t and t not in found[:i]]  # no children's runs
    # each child's text read once (a `get_text` of each element child)
    texts = (_text_of(c) for c in tag.children if not (isinstance(c, Tag) and c.name == "br"))
    pieces = [normalize_text(t) for t in texts if t.strip()]
    if 2 <= len(pieces) <= _MAX_HEADING_PIECES and all(
        not isinstance(c, Tag) or c.name in _INLINE or c.name == "br" for c in tag.children
    ):
        found += [
            " ".join(pieces[start:end])
            for start in range(len(pieces))
            for end in range(len(pieces), start, -1)
        ]
    if _kicker_line(tag):
        # a first element on a line of its own is a kicker the page sets apart, even when the
        # metadata writes it with the headline ("Drie vragen aan De fietskoerier …")
        kicker = normalize_text(_text_of(next(c for c in tag.children if isinstance(c, Tag))))
        found = [t for t in found if t == text or not t.startswith(kicker)]
    return [t for i, t in enumerate(found) if t and t not in found[:i]]


def _kicker_line(tag: Tag) -> bool:
    """True when the heading opens with an inline element ended by a `<br>` and text follows:
    `<h1><span class="overline">Kicker</span><br>Headline</h1>`."""
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return (
        len(children) >= 3
        and isinstance(children[0], Tag)
        and children[0].name in _INLINE
        and isinstance(children[1], Tag)
        and children[1].name == "br"
        and bool(normalize_text(" ".join(_text_of(c) for c in children[2:])))
    )


def _text_of(node: PageElement) -> str:
    return node.get_text(" ") if isinstance(node, Tag) else str(node)


def _punctuated(reading: str, headline: str) -> bool:
    """True when `reading` is `headline` after a kicker and a colon or bar ("Kicker: …")."""
    if reading == headline or not reading.endswith(headline):
        return False
    before = reading[: -len(headline)].rstrip()
    if before.endswith(".") and not before.endswith(".."):
        # a kicker written as a sentence ("Éducation. …"), not an abbreviation ("Mr. …")
        return len(before.split()[-1].rstrip(".")) > _ABBREVIATION_CHARS
    return bool(before) and before[-1] in _KICKER_MARKS


def _without_stamp(tag: Tag, text: str) -> str:
    """`text` without the date a heading prints after its headline, in an element of its own
    (`<h1>Headline <time>3 april 2024</time></h1>`, `<small class=data>14 marzo 2024</small>`):
    the heading's last child, a `<time>` or a date alone, after text of the headline's own."""
    last = next(
        (c for c in reversed(tag.contents) if not isinstance(c, NavigableString) or c.strip()),
        None,
    )
    if not isinstance(last, Tag):
        return text
    stamp = normalize_text(spaced_text(last))
    if not stamp or not text.endswith(stamp):
        return text
    if last.name != "time" and not _is_date_piece(stamp):
        return text
    rest = text[: -len(stamp)].rstrip(_KICKER_MARKS + ",")
    return rest or text


def _kicker_marked(tag: Tag) -> bool:
    """True when the heading's first element carries a class: a kicker styled apart."""
    first = first_child_tag(tag)
    return first is not None and bool(first.get("class"))


def _without_kicker(tag: Tag, text: str) -> tuple[str, str | None]:
    """(headline, kicker): a short first element glued into the heading is a kicker."""
    parts = [] if holds_one_text(tag) else _parts(tag)
    if len(parts) < 2:
        return text, None
    kicker, rest = parts[0], " ".join(parts[1:])
    words, chars = (
        (_MARKED_KICKER_WORDS, _MARKED_KICKER_CHARS)
        if _kicker_marked(tag)
        else (_KICKER_WORDS, _KICKER_CHARS)
    )
    if (
        len(kicker.split()) <= words
        and len(kicker) <= chars
        and len(rest.split()) > len(kicker.split())
    ):
        return rest, kicker
    return text, None


def extract_title(page: Page) -> Found:
    """The headline: the article's h1 when it exists (confirmed by JSON-LD or meta when they agree),
    else JSON-LD headline, og:title, `<title>` without the site name. The `<h2>` printing it when
    no `<h1>` does is kept as the page's headline (`Page.headline`), or on a page without `<h1>`
    the element printing it whole (a `<div class=titel>`)."""
    found = _read_title(page)
    if found is not None and page.headline is None:
        page.headline = _subheading_headline(page, found[0])
        if page.headline is None and not page.signals.h1s:
            page.headline = page.element_printing(found[0])
    return found


def _subheading_headline(page: Page, title: str) -> Tag | None:
    """The `<h2>` printing `title` when no `<h1>` prints it (a slogan `<h1>` in the site's
    banner, the headline an `<h2>` under it): the element the fields read around the headline
    (a section link above it) start from. None when an `<h1>` prints it, whole or after a
    kicker (most pages: one text compared)."""
    wanted = fold(title)
    if any(page.folded_text(h).endswith(wanted) for h in page.signals.h1s):
        return None
    return next(
        (
            h
            for h in page.signals.headings[:8]
            if h.name == "h2"
            and fold(_visible(h, page)) == wanted
            and not page.in_site_chrome(h)
            and not page.in_related(h)
        ),
        None,
    )


def _read_title(page: Page) -> Found:
    signals = page.signals
    og_title, title_tag = signals.first_meta("og:title", "twitter:title"), signals.title_tag
    # `clean_title` reads the names the page gives its site (a pass over all its links) only
    # for a title with a separator
    split = any(v and _separator(v) for v in (og_title, title_tag))
    headline = signals.jsonld_value("headline", "name")
    split = split or bool(headline and _separator(headline))
    shown = _shown_site_names(page) if split else set()
    meta = _without_section(clean_title(og_title, page, shown), page)
    structured = [
        (clean_title(headline, page, shown, named_only=True), "jsonld"),
        (meta, "meta"),
        # most pages write the same og:title as <title>: cleaned once (both steps read the
        # page and the text only)
        (
            meta
            if title_tag == og_title
            else _without_section(clean_title(title_tag, page, shown), page),
            "html",
        ),
    ]
    elements = _headline_elements(page)
    # the site's names and the article's scope judge a headline element, and nothing else: a
    # page without one (no <h1>, no profile match) reads neither
    site_names = _site_names(page) if elements else set()
    scope = page.article_scope() if elements else None
    ranked: list[tuple[bool, str, str, Tag]] = []
    readings: dict[int, list[str]] = {}  # each <h1>'s other readings, by id of its tag
    semantic = False  # an <h1> inside <main>/<article>, not just inside the guessed scope
    for tag, layer in elements:
        visible = _visible(tag, page)
        text, kicker = _without_kicker(tag, visible)
        text = _without_stamp(tag, text)
        if text and fold(text) not in site_names and len(text) <= _MAX_HEADLINE:
            inside = scope is not None and is_at_or_inside(tag, scope)
            ranked.append((not inside, text, layer, tag))
            readings[id(tag)] = _readings(tag, text, visible)
            if kicker is not None and _kicker_marked(tag):
                # a kicker its own classed element sets apart, then a colon or bar, stays out
                # even when the metadata writes it so ("Kicker: Headline"); two classed lines
                # of one sentence ("Un año después, | el puente …") are read whole
                readings[id(tag)] = [r for r in readings[id(tag)] if not _punctuated(r, text)]
            semantic = semantic or _in_article(tag)
    # an h1 inside the article beats a logo or banner h1 elsewhere
    ranked.sort(key=lambda h: h[0])
    headlines = [(text, layer) for _, text, layer, _tag in ranked]
    inside_article = bool(ranked) and not ranked[0][0] and semantic
    # an <h1> inside the article is returned below before any <h2> is looked at (then none is
    # read) unless the metadata names none of its readings
    confirmed = inside_article and any(
        value and fold(value) == fold(t)
        for value, _ in structured
        for t in readings[id(ranked[0][3])]
    )
    h2s = [
        h
        for h in ([] if confirmed else page.signals.headings[:8])
        if h.name == "h2"
        and not page.in_site_chrome(h)
        and not page.in_related(h)
        # a box set beside the text ("Most read" in an <aside> of <main>) heads no article
        and not any(p.name == "aside" for p in h.parents)
    ]
    subheadings = [(_visible(h, page), "html") for h in h2s]
    # an <h2> headline's classed kicker ("<span class=kicker>K</span><span>:</span>…"), for the
    # metadata that writes "K: Headline" to name the rest
    kicked = [
        _without_kicker(h, text) if _kicker_marked(h) else (text, None)
        for h, (text, _) in zip(h2s, subheadings, strict=True)
    ]
    # the headline the structured data names, even in an <h2> under a banner <h1>
    # (metadata meant for the article, JSON-LD and og:title, before a <title> that may be the site's);
    # an <h1> inside the article is the headline whatever <h2> the metadata names
    named = [readings[id(tag)] for _, _text, _layer, tag in ranked]
    unkicked: dict[str, str] = {}  # a kicker's "Kicker: Headline" form -> the headline
    if inside_article:
        # the <h1> inside the article is the headline whatever <h2> the metadata names, unless
        # it is shorter than that <h2>: a section's name over the article ("Politik und
        # Gesellschaft"), not a headline with its dek below
        first = _word_count(ranked[0][1])
        named += [[text] for text, _layer in subheadings if _word_count(text) > first]
    else:
        named += [[text] for text, _layer in subheadings]
        for rest, kicker in kicked:
            if kicker is not None:
                # the <h2> read without its kicker, when the metadata writes "Kicker: Headline"
                forms = [f"{kicker}{mark} {rest}" for mark in _KICKER_JOINS]
                named.append([rest, *forms])
                unkicked.update({fold(form): rest for form in forms})
    for value, source in structured:
        for texts in named:
            # the metadata names one reading of the heading: whole, or without the elements
            # before its headline (a kicker of any length the metadata leaves out)
            agreed = next((t for t in texts if value and fold(value) == fold(t)), None)
            if agreed is not None:
                return unkicked.get(fold(agreed), agreed), source
    for text, _layer in headlines:
        for value, source in structured:
            if value and _kicker_before(fold(value), fold(text)):
                return value, source  # the metadata's headline, the h1 with a kicker before it
            if value and _close(fold(value), fold(text)):
                return text, source
    printed = _title_piece_heading(page, (title_tag, og_title), ranked, subheadings)
    if printed is not None:
        return printed, "html"
    longer = next(
        ((v, src) for v, src in structured if v and len(v.split()) >= _HEADLINE_WORDS), None
    )
    if headlines and longer and len(headlines[0][0].split()) <= _BANNER_WORDS:
        page.warnings.append(
            f"h1 {headlines[0][0]!r} looks like a banner; headline from {longer[1]}"
        )
        return longer[0], longer[1]
    # the <h1> the page's address spells is the article's, wherever it stands; asked only when
    # the metadata or an opening <h2> offers another headline (the two tests below), the only
    # readers of `addressed`
    opening = _opening_heading(page, subheadings) if headlines else None
    addressed = (
        bool(headlines)
        and bool(longer or opening)
        and _spells_slug(headlines[0][0], _slug_words(page))
    )
    if headlines and longer and not addressed and _apart_from_text(ranked[0][3], page):
        # the metadata names another headline and the <h1> shares no container with the text
        # but the page itself: the site bar's slogan or name, repeated on every page
        page.warnings.append(
            f"h1 {headlines[0][0]!r} stands apart from the text; headline from {longer[1]}"
        )
        return longer[0], longer[1]
    if headlines and opening and not addressed and _apart_from_text(ranked[0][3], page):
        # no metadata names a headline; the <h1> stands apart from the text (the site bar's
        # slogan) and an <h2> opens the text: that <h2> heads the article
        page.warnings.append(
            f"h1 {headlines[0][0]!r} stands apart from the text; headline from the <h2> opening it"
        )
        return opening, "html"
    if headlines:
        return headlines[0]
    if structured[2][0] and not structured[0][0] and not structured[1][0]:
        printed = _printed_title_piece(page)
        if printed:
            return printed, "html"
    only_title_tag = [(v, src) for v, src in structured if v]
    if (
        subheadings
        and subheadings[0][0]
        and len(only_title_tag) == 1
        and only_title_tag[0][1] == "html"
        and _word_count(only_title_tag[0][0]) <= _BANNER_WORDS
    ):
        # no <h1>, no metadata, a <title> naming a section ("Actualités"): the first <h2> it is
        page.warnings.append(
            f"<title> {only_title_tag[0][0]!r} names a section; the first <h2> is the headline"
        )
        return subheadings[0]
    for value, source in structured:
        if value and not (subheadings and subheadings[0][0] and names_the_site(page, value)):
            # a <title> or og:title that is the site's name alone (the same on every page),
            # beside an <h2>, is no headline: the <h2> below is
            return _printed_leading_pieces(page, value), source
    if subheadings and subheadings[0][0]:
        # an old template without <h1> nor metadata: its first <h2> is the headline
        page.warnings.append(
            "no <h1> and no title metadata; the first <h2> is taken as the headline"
        )
        return subheadings[0]
    return None


#: The most pieces a `<title>` fallback is cut into by `_printed_leading_pieces`: a real one holds
#: headline, a section or two and the site's name and slogan; each run tried walks the page's
#: strings, so a hostile `<title>` of 400 pieces cost 45 s on a large page.
MAX_TITLE_PIECES = 6


def _printed_leading_pieces(page: Page, value: str) -> str:
    """A page without `<h1>` whose cleaned `<title>` still holds pieces the site's name left
    ("Headline — News" of "Headline — News — Site": a section the page links nowhere): the run
    of pieces from the first, or up to the last, that an element of the article prints whole
    (`<div class=article__title>`), when none prints `value` itself; else `value`. Read only on
    this fallback (a walk over the page's strings per candidate)."""
    separator = _separator(value)
    if separator is None or page.element_printing(value) is not None:
        return value
    cuts = [0, *(i for m in separator.finditer(value) for i in m.span()), len(value)]
    pieces = len(cuts) // 2
    if pieces > MAX_TITLE_PIECES:
        return value  # each run tried is a walk of the page: a hostile <title> would cost one per piece
    # the longest runs first: a headline's own separator keeps its pieces together
    for keep in range(pieces - 1, 0, -1):
        for run in (value[: cuts[2 * keep - 1]], value[cuts[2 * (pieces - keep)] :]):
            run = normalize_text(run)
            if page.element_printing(run) is not None:
                return run
    return value


def _title_piece_heading(
    page: Page,
    titles: tuple[str | None, ...],
    ranked: list[tuple[bool, str, str, Tag]],
    subheadings: list[tuple[str, str]],
) -> str | None:
    """The heading of the page that a piece of a separated `<title>`/og:title is, whatever the
    pieces around it ("Site | Slogan | Headline", "Headline – Site – Slogan"): the page prints its
    headline, and the site's name and slogan are the other pieces. An `<h1>` standing apart from
    the text (a site bar's name) or naming the site is no candidate; of several pieces printed as
    headings, the one of most words is the headline (a name runs to a few words)."""
    pieces = {
        fold(piece)
        for value in titles
        if value and (separator := _separator(value)) is not None
        for piece in map(normalize_text, separator.split(value))
        if piece
    }
    if len(pieces) < 2:
        return None
    headings = [text for _, text, _layer, tag in ranked if not _apart_from_text(tag, page)]
    headings += [text for text, _layer in subheadings]
    printed = [text for text in headings if fold(text) in pieces and not names_the_site(page, text)]
    return max(printed, key=_word_count) if printed else None


#: Inline wrappers climbed from a text to the whole line it stands on.
_LINE_WRAPPERS = frozenset(("font", "b", "strong", "big", "span", "i", "em", "u", "center"))
#: Elements that are a line of their own.
_LINE_BLOCKS = frozenset(("div", "p", "td", "th", "li", "dd", "dt", "h2", "h3", "h4", "h5", "h6"))
#: The elements a line is climbed through: its wrappers and the blocks that end the climb.
_LINE_ELEMENTS = _LINE_WRAPPERS | _LINE_BLOCKS
#: Siblings that end a line: what stands beside a standalone line.
_LINE_BREAKS = frozenset(("br", "hr", "p", "div", "table", "ul", "ol", "h2", "h3", "h4", "img"))


def _printed_title_piece(page: Page) -> str | None:
    """No `<h1>`: the piece of a separated `<title>` the page prints as a line of its own in a
    larger or bolder face (`<font size=5><b>Headline</b></font><br>` in an old table layout);
    the site's name printed beside it is shorter, so the longest such piece wins. The line's
    element is kept as the page's headline (`Page.headline`)."""
    title = page.signals.title_tag
    pieces = [normalize_text(p) for p in _TITLE_SEPARATORS.split(title or "")]
    wanted = {fold(p): p for p in pieces if len(p.split()) > _BANNER_WORDS}
    if len(pieces) < 2 or not wanted:
        return None
    found: dict[str, Tag] = {}
    for tag in page.signals.emphasised:
        piece = wanted.get(fold(normalize_text(spaced_text(tag))))
        if piece is None or piece in found:
            continue
        string = next((s for s in tag.strings if s.strip()), None)
        line = line_of(string) if isinstance(string, NavigableString) else None
        if line is not None and line[1]:
            found[piece] = line[0]
    if not found:
        return None
    piece = max(found, key=len)
    page.headline = found[piece]
    return piece


def line_of(string: NavigableString) -> tuple[Tag, bool] | None:
    """The element making the line a text stands on alone, with whether that line is set in an
    emphasised face (`<font>`, `<b>`, a styled font size or weight); None when the text shares
    its line with running text or other elements (a byline, a menu)."""
    top = string.parent
    if not isinstance(top, Tag):
        return None
    if top.name not in _LINE_ELEMENTS and (
        not isinstance(top.parent, Tag) or top.parent.name not in _LINE_ELEMENTS
    ):
        return None  # neither a line nor a wrapper, nor in one (a `<title>` in the `<head>`)
    if normalize_text(spaced_text(top)) != normalize_text(string):
        return None
    emphasis = False
    while True:
        style = str(top.get("style") or "").lower()
        emphasis = emphasis or top.name in EMPHASIS_TAGS or "font-" in style
        if top.name in _LINE_BLOCKS:
            return top, emphasis  # a block is a line of its own
        parent = top.parent
        if (
            not isinstance(parent, Tag)
            or parent.name not in _LINE_ELEMENTS
            or normalize_text(spaced_text(parent)) != normalize_text(spaced_text(top))
        ):
            break
        top = parent
    if top.name not in _LINE_WRAPPERS:
        return None
    for side in (top.previous_siblings, top.next_siblings):
        for node in side:
            if isinstance(node, NavigableString):
                if node.strip():
                    return None  # running text on the same line
                continue
            if isinstance(node, Tag) and node.name not in _LINE_BREAKS:
                return None
            break
    return top, emphasis


def names_the_site(page: Page, text: str) -> bool:
    """True when `text` is a name the site goes by (its profile, metadata, logo or home links,
    or its host written out)."""
    names = _site_names(page) | _shown_site_names(page)
    host_label = NOT_ALNUM.sub("", fold(_bare_host(page.url).split(".")[0]))
    return page.names_site(text) or _is_site_piece(text, names, host_label)


def _apart_from_text(tag: Tag, page: Page) -> bool:
    """True when the only elements holding both `tag` and the article's text are the page's
    `<body>` and `<html>`: a heading of the site's frame, not of the article."""
    root = page.root
    if root is None or root.name in ("body", "html", "[document]"):
        return False  # no text container found: nothing to stand apart from
    holding_text = {id(root)} | {id(p) for p in root.parents}
    for parent in tag.parents:
        if parent.name in ("body", "html", "[document]"):
            return True
        if id(parent) in holding_text:
            return False
    return True


def _opening_heading(page: Page, subheadings: list[tuple[str, str]]) -> str | None:
    """The text of the `<h2>` that is the first block of the article's text, or that stands
    right before the text's container (`<h2 class=entry-title>` then `<div class=entry>`), if any."""
    first = page.blocks[0] if page.blocks else None
    if first is not None and first.tag == "h2":
        wanted = fold(first.text)
    else:
        heading = _heading_before_root(page)
        if heading is None:
            return None
        wanted = fold(normalize_text(spaced_text(heading)))
    return next((text for text, _layer in subheadings if text and fold(text) == wanted), None)


#: How many containers up from the text's container an `<h2>` right before it is looked for: the
#: text's `<div>` may be the first child of a wrapper or two (`div.post > div.entry > p`).
_OPENING_DEPTH = 3


def _heading_before_root(page: Page) -> Tag | None:
    """The `<h2>` that is the element right before the text's container, or before a wrapper
    of which that container is the first element: the post's title over its text."""
    node = page.root
    for _ in range(_OPENING_DEPTH):
        if node is None or node.name in ("body", "html", "[document]"):
            return None
        # the nearest element before it (what `find_previous_sibling(True)` finds, without
        # building bs4's matcher for each step: that was a tenth of the title's cost)
        before = node.previous_sibling
        while before is not None and not isinstance(before, Tag):
            before = before.previous_sibling
        if before is not None:
            return before if before.name == "h2" else None
        node = node.parent
    return None


def _visible(tag: Tag, page: Page) -> str:
    """A heading's text as a reader sees it ("Article : " for screen readers left out). A
    heading of one plain text (most: `<h1>Headline</h1>`) is read without the walk: the walk
    gives that text's lines, joined as `normalize_text` joins them, and a heading it reads
    nothing of (furniture) falls back on the same text."""
    if holds_one_text(tag):
        return normalize_text(spaced_text(tag)).rstrip(_PERMALINK_MARKS)
    text = " ".join(visible_lines(tag, page.config)) or normalize_text(tag.get_text(" "))
    return text.rstrip(_PERMALINK_MARKS)


def _kicker_before(value: str, heading: str) -> bool:
    """The heading is `value` after a kicker of a few words ("mobility new cycling plan …")."""
    if len(value) < _MIN_CLOSE or len(heading) <= len(value) or not heading.endswith(value):
        return False
    kicker = heading[: -len(value)].strip(_KICKER_MARKS)
    return bool(kicker) and len(kicker.split()) <= _KICKER_WORDS and len(kicker) <= _KICKER_CHARS


def _close(a: str, b: str) -> bool:
    """One title is the other with a prefix or suffix (a subtitle, a truncation)."""
    short, long = sorted((a.rstrip(" .…"), b.rstrip(" .…")), key=len)
    return len(short) >= _MIN_CLOSE and (long.startswith(short) or long.endswith(short))
