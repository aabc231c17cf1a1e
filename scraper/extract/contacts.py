"""Contact blocks of the article: name, role, postal address, phones (E.164) and emails."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

import phonenumbers
from babel import Locale
from phonenumbers import geocoder

from scraper import lexicon
from scraper.dates import has_digit
from scraper.extract.blocks import Block
from scraper.extract.labels import field_label
from scraper.extract.names import is_full_name
from scraper.extract.treewalk import all_links_in
from scraper.models import Contact
from scraper.text import fold, normalize_text

_SEPARATOR = re.compile(r"\s+[|–—•·]\s+|\s+-\s+(?=\D)")
#: "Anna Kowalska - …", "Min-ji Park, …", "John Miller | …": a hyphen inside a word is part of the name.
_NAME_THEN_ROLE = re.compile(
    r"^((?:[^,–—|•·-]|(?<=\w)-(?=\w)){4,60}?)(?:\s+[–—|•·-]\s+|,\s+)(.{3,})$"
)
#: "Renseignements : Thomas Leclercq – …", "Votre interlocutrice : Chloé Martin, …": a short label
#: (a few words) before the name; the label goes, the name stays.
#: "Chloé Martin (Attachée de presse)": a name with its role in parentheses after it.
_NAME_PAREN_ROLE = re.compile(r"^([^()]{4,60}?)\s*\(([^()]{2,80})\)$")
_LABEL_BEFORE_NAME = re.compile(r"^[^:]{2,40}?\s*:\s*(?=[A-ZÀ-Þ])")
_NAME_COLON = re.compile(r"^([^:]{4,60}?)\s*:\s*(.+)$")
#: Titles before a name ("Dr. Hanne Wouters"): kept in the name, skipped when judging it one.
HONORIFIC = re.compile(
    rf"^(?:{lexicon.alternation('honorifics')})\.?\s+(?=[A-ZÀ-Þ])", re.IGNORECASE
)
_DIGIT = re.compile(r"\d")
#: The vocabulary's words that open a byline only before a full name ("Von Anna Weber"): they
#: open sentences too ("Von den 300 Mitarbeitern …"), and a language that capitalises its nouns
#: tells a name by two capitalised words, a title's dot allowed ("Von Dr. Anna Weber").
_FULL_NAME_BYLINE = (
    r"|(?i:" + lexicon.alternation("full_name_byline_labels") + r")\s+[A-ZÀ-Þ][\w'-]*\.?\s+[A-ZÀ-Þ]"
)
#: A byline ("Par Jean Dupont", "Door …", "Tekst: …") starts with one of the vocabulary's
#: `byline_words` or `byline_labels` (every language's, compiled once at import).
BYLINE = re.compile(
    rf"^(?:(?i:{lexicon.alternation('byline_words', 'byline_labels')})\s+(?i:[A-ZÀ-Þ])"
    + _FULL_NAME_BYLINE
    + ")"
)
#: A line crediting the article's author ("Par Jean Dupont", "Door …", "By …"): never a contact.
#: Narrower than `BYLINE` (`byline_words` only): "Van Damme Jan", a surname first, is a person a
#: contact may name.
AUTHOR_CREDIT = re.compile(
    rf"^(?:(?i:{lexicon.alternation('byline_words')})\s+(?i:[A-ZÀ-Þ])" + _FULL_NAME_BYLINE + ")"
)
#: Field separators with nothing on one side: typography, not part of a field.
_DANGLING = " |–—•·"
#: Words of a link's text standing for a phone number or an address ("Bel Jan", "Envoyer un
#: e-mail"): the vocabulary's `channel_link_words`.
_LINK_WORDS = re.compile(rf"\b(?:{lexicon.alternation('channel_link_words')})\b", re.IGNORECASE)
MANY_DIGITS = re.compile(r"(?:\d[\s./()\-]{0,3}){8}")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
#: Whether a text holds an address (`HAS_EMAIL.search(t)` is truthy exactly when `EMAIL.search(t)`
#: is; the match itself is only the part from the "@"): the scan jumps from "@" to "@", where
#: `EMAIL` retries every position of a long run of word characters (0.9 s on one 600 KB
#: stylesheet of a real page).
HAS_EMAIL = re.compile(r"@(?<=[\w.+-]@)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
#: A label introducing a contact ("Contact presse :", "Meer info -"; vocabulary
#: `contact_intro_labels`) or a verb before the contact's name and a colon ("Contactez Jan Peeters
#: :", or before the name and its role, "Contact Rafael Costa, our commissioner …:", a short
#: clause allowed before the verb; `contact_intro_verbs`): taken off the contact's line.
#: A short opening clause before the verb ("Pour toute question, contactez Youssef Benali, …",
#: "For more details, contact …"), or a short question ("Meer weten? Contacteer …") is at most
#: this long: the adverbial a sentence opens with, no sentence of its own (those are longer, and
#: `field_parts` reads the last one).
MAX_OPENING_CLAUSE_CHARS = 40
_CONTACT_PREFIX = re.compile(
    rf"^(?:(?:{lexicon.alternation('contact_intro_labels')})\s*[:\-–]\s*"
    rf"|(?:[^,.:;!?]{{2,{MAX_OPENING_CLAUSE_CHARS}}}[,?]\s+)?"
    rf"(?:{lexicon.alternation('contact_intro_verbs')})\s+"
    r"(?=[A-ZÀ-Þ][\w'-]+\s+[A-ZÀ-Þ][\w'-]+\s*[:,]))",
    re.IGNORECASE,
)
_COMMA = re.compile(r",\s+")
#: A street, box or floor word of an address (vocabulary `street_words`), a street word right
#: after its house number (`street_words_after_number`), or a street name's ending glued to it
#: (`street_suffixes`, "Wetstraat").
_STREET = re.compile(
    rf"\b(?:{lexicon.alternation('street_words')})\b"
    rf"|\d+\s*(?:{lexicon.alternation('street_words_after_number')})"
    rf"|[a-z](?:{lexicon.alternation('street_suffixes')})\b",
    re.IGNORECASE,
)
POSTCODE = re.compile(r"\b(?:[A-Z]{2}\s)?\d{4,5}\b|\bB-\d{4}\b")
#: A postal code as a part of its own (a vCard's `postal-code` span), in the shapes countries write
#: them: "1000", "B-1000", "75001", "111 56" (Sweden), "1012 AB" (Netherlands), "SW1A 1AA"
#: (United Kingdom), "H3G 1M8" (Canada), "NY 10001": digits and capitals, one or two groups, at
#: least one digit, no lower-case letter (a street number alone, "12", is too short to be one).
POSTCODE_PART = re.compile(
    r"(?=[A-Z\d -]{4,10}$)(?=\D*\d)(?:[A-Z]{1,2}-)?[A-Z\d]{2,5}(?: [A-Z\d]{2,5})?"
)
#: Short forms of country names that addresses write and CLDR's names lack -> the region.
_COUNTRY_SHORT_FORMS = {"USA": "US", "U.S.A.": "US", "UK": "GB", "UAE": "AE"}


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Country names an address ends with, folded -> the region (ISO 3166) its phone numbers are
    read in: CLDR's names (babel) in each language of the vocabulary of every region the phone
    library knows ("Maroc", "Marokko", "Morocco", "Tunisie"…), and their short forms. A contact
    abroad writes its country's numbers in the national form ("0522 33 44 55")."""
    names = {
        fold(name): code
        for lang in lexicon.LANGUAGES
        for code, name in Locale(lang).territories.items()
        if code in phonenumbers.SUPPORTED_REGIONS
    }
    names.update((fold(name), code) for name, code in _COUNTRY_SHORT_FORMS.items())
    return names


#: Postal codes whose shape names their country: Canada's "H3G 1M8" (letter, digit, letter).
_POSTCODE_REGIONS = ((re.compile(r"\b[A-CEGHJ-NPR-TVXY]\d[A-Z] ?\d[A-Z]\d\b"), "CA"),)


def region_of_address(lines: Sequence[str]) -> str | None:
    """The region a contact's own lines name: a country written out ("…, Canada"), else a postal
    code whose shape is one country's; None when they name none."""
    known = countries()
    for line in lines:
        for part in reversed(_COMMA.split(line)):
            code = known.get(fold(part.strip(" .()")))
            if code:
                return code
    for line in lines:
        for pattern, code in _POSTCODE_REGIONS:
            if pattern.search(line):
                return code
    return None


@lru_cache(maxsize=1)
def _country_in_text() -> re.Pattern[str]:
    """A country name (`countries`) as whole words inside a folded line, longest names first."""
    names = sorted(countries(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def region_named_in(lines: Sequence[str]) -> str | None:
    """The region of a country named inside a contact's own lines, not as an address's last part:
    a role or a sentence ("Handelsattaché – Brazilië (São Paulo)", "our office in Casablanca,
    Morocco on 0522 …"); None when they name none, or name two countries."""
    pattern = _country_in_text()
    known = countries()
    found = {known[m.group(0)] for line in lines for m in pattern.finditer(fold(line))}
    return found.pop() if len(found) == 1 else None


#: A number written in a national form ("05 22 43 61 70", "(11) 99876-5432"): digits with the
#: usual separators, no country code.
_NATIONAL_NUMBER = re.compile(r"(?<![\d+])\(?\d[\d\s./()\-]{6,}\d(?!\d)")
#: At most this many numbers per contact are looked up by place (`region_of_place`): each costs
#: a parse in every region the phone library knows (20-100 ms, and about 0.35 s for the library's
#: data on the first lookup of a process), and a contact has one or two.
MAX_PLACE_LOOKUPS = 2
#: A place the phone library's geocoder names shorter than this ("Ji", "Bo") is no evidence.
MIN_PLACE_CHARS = 3


@lru_cache(maxsize=1024)  # a page is read in several passes: its numbers must all stay cached
def _places_of_number(digits: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """For each region in which `digits` (a national number) is a valid number: the region, the
    number as E.164, and the places the phone library's geocoder gives for it in the vocabulary's
    languages, folded ("casablanca"; "cape town", "gordons bay" from "Cape Town/Gordons Bay")."""
    found: list[tuple[str, str, frozenset[str]]] = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
            continue
        places = frozenset(
            fold(piece.strip())
            for lang in lexicon.LANGUAGES
            for piece in re.split(r"[/,]", geocoder.description_for_number(number, lang))
            if len(piece.strip()) >= MIN_PLACE_CHARS
        )
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        found.append((region, e164, places))
    return tuple(found)


def region_of_place(lines: Sequence[str], regions: Regions) -> str | None:
    """The region of a number the page's regions cannot read, when the contact's own lines name
    the place the number belongs to ("notre attaché à Casablanca, au 05 22 43 61 70": a number of
    Casablanca's area in Morocco, as the phone library's geocoder says, and nowhere else the text
    names); None when no such number, or when the places named fit numbers of two countries."""
    text = fold(" ".join(lines))
    looked = 0
    for line in lines:
        if not MANY_DIGITS.search(line) or phones_in(line, regions):
            continue
        numbers = (
            piece  # "05 22 43 61 70 / 06 61 23 45 67": two numbers, each looked up
            for match in _NATIONAL_NUMBER.finditer(line)
            for piece in _NUMBER_LIST.split(match.group())
            if MANY_DIGITS.search(piece)
        )
        for number in numbers:
            if looked >= MAX_PLACE_LOOKUPS:
                return None
            looked += 1
            fits = {
                (e164, region)
                for region, e164, places in _places_of_number(re.sub(r"\D", "", number))
                if any(p in text and _names_place(p, text) for p in places)
            }
            e164s = {e164 for e164, _ in fits}
            if len(e164s) == 1:
                # "+212 …" is valid in Morocco and Western Sahara: the number's main region
                main = phonenumbers.region_code_for_number(phonenumbers.parse(e164s.pop()))
                regions_fit = {region for _, region in fits}
                return main if main in regions_fit else min(regions_fit)
    return None


#: Separators between two numbers written on one line ("… / …", "…; …").
_NUMBER_LIST = re.compile(r"\s+/\s+|\s*;\s*")


def _names_place(place: str, text: str) -> bool:
    """`text` (folded) names `place` (folded) as whole words."""
    return re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text) is not None


#: The regions (ISO 3166) a number written without country code is read in, most likely first:
#: the first one in which the text holds a valid number is taken. Empty: only international
#: numbers ("+32 …") are found.
Regions = tuple[str, ...]


#: A day written with dots, slashes or dashes and a four-digit year: never a phone number.
_DATE_LIKE = re.compile(r"(?<!\d)\d{1,2}([./-])\d{1,2}\1(?:19|20)\d\d(?!\d)")


def phones_in(text: str, regions: Regions) -> list[str]:
    """Phone numbers written in `text` as E.164 (see `Regions`)."""
    if not MANY_DIGITS.search(text):
        return []  # the matcher is costly; a phone number has at least eight digits
    for region in regions or (None,):
        found = _phones_in(text, region)
        if found:
            return list(found)
    return []


@lru_cache(maxsize=4096)
def _phones_in(text: str, region: str | None) -> tuple[str, ...]:
    # memoised: one line is asked about by several steps, and a site's footer is on every page
    found: list[str] = []
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        if _DATE_LIKE.search(match.raw_string):
            continue  # "08.04.2015 12:46" is a valid German number, and a date
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if number not in found:
            found.append(number)
    return tuple(found)


def _phone_from_href(href: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(href[4:].strip(), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=1)
def _channel_label() -> re.Pattern[str]:
    """A channel's label at the end of a text ("… T", "Tél.", "GSM :"): vocabulary
    `channel_labels`, a word of its own."""
    labels = {*lexicon.words("channel_labels"), *lexicon.words("channel_labels", folded=False)}
    alternatives = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[\s|–—•·,(]))(?:{alternatives})\.?\s*:?\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _phone_start(text: str, region: str | None) -> int | None:
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        if not _DATE_LIKE.search(match.raw_string):
            return int(match.start)
    return None


def _channel_start(line: str, regions: Regions) -> int | None:
    """Where the line's first email address or phone number begins; None without one."""
    starts: list[int] = []
    if "@" in line and (email := EMAIL.search(line)):
        starts.append(email.start())
    if MANY_DIGITS.search(line):
        for region in regions or (None,):
            start = _phone_start(line, region)
            if start is not None:
                starts.append(start)
                break
    return min(starts, default=None)


def _unlabelled_channels(lines: Sequence[str], regions: Regions, following: str = "") -> list[str]:
    """Lines with the short label of a channel taken off what precedes it: "Attachée de presse T"
    above "+32 …" loses its "T", a line "E" above an address goes, and "Rue X 1, 1000 Bruxelles
    T +32 …" is the address and the channel as two lines. A label directly before a phone or an
    email is the channel's, never the role's or the address's. `following`: the line after the
    last one (the next block's first)."""
    label = _channel_label()
    after = [*lines[1:], following]
    out: list[str] = []
    for i, line in enumerate(lines):
        start = _channel_start(line, regions)
        if start:
            head = label.search(line[:start])
            if head is not None:
                rest = line[: head.start()].strip().strip(_DANGLING + ",")
                out.extend([rest, line[start:]] if rest else [line[start:]])
                continue
            if _address_before_channel(line[:start], regions) or _country_before_channel(
                line[:start]
            ):
                out.extend([line[:start].strip().strip(_DANGLING + ",:"), line[start:]])
                continue
        elif start is None and _channel_start(after[i], regions) == 0:
            head = label.search(line)
            if head is not None:
                rest = line[: head.start()].strip().strip(_DANGLING + ",")
                if rest:
                    out.append(rest)
                continue
            # ("Sofia Rossi:" above her channels is her name, not a label)
            own = None if _is_name(line.rstrip(" :"), regions) else _label_of_next(line)
            if own is not None:
                if own:
                    out.append(own)  # "Attachée économique, Bureau :": the role before the label
                continue
        out.append(line)
    return out


#: A channel's label set above its value is a few words ("Bureau :", "Tél. bureau", "Office
#: phone:"); a longer line before a number is a role or an address that happens to end there.
MAX_CHANNEL_LABEL_WORDS = 3


def _label_of_next(line: str) -> str | None:
    """For a line directly above a phone or an email: None when it is no label of that channel;
    else what comes before the label ("" when the whole line is one). A label ends with the colon
    its value follows ("Bureau :", "Office:", "Kantoor:", as the last part after a comma of
    "Attachée économique, Bureau :"; a country's name in that place is the role's, "…, Brazil:"),
    or opens with a channel's label word and names which ("Tél. bureau", "GSM privé")."""
    if line.endswith(":"):
        before, comma, last = line[:-1].rpartition(",")
        if comma and _names_country(last):
            return line[:-1].strip()  # "…in São Paulo, Brazil:": a country, the role's last part
        if len(last.split()) <= MAX_CHANNEL_LABEL_WORDS:
            return before.strip() if comma else ""
        return None
    words = line.split()
    if 1 < len(words) <= MAX_CHANNEL_LABEL_WORDS and _channel_label().search(words[0]):
        return ""
    return None


def _address_before_channel(head: str, regions: Regions) -> bool:
    """The text before a line's first channel is an address of its own ("Boulevard Anfa 12, 20000
    Casablanca +212 5 22 …", spans glued in the source): the number is no part of it."""
    head = head.strip().strip(_DANGLING + ",")
    return bool(head) and _is_address(head, regions)


def _country_before_channel(head: str) -> bool:
    """The text before a line's first channel is a country's name alone ("São Paulo, Brazil:
    (11) …" split on its commas leaves "Brazil: (11) …"): the last part of the role or address
    before it, never the channel's label nor a part of the number."""
    return _names_country(head.strip().strip(_DANGLING + ",:"))


def _names_country(text: str) -> bool:
    """`text` is a country's name alone, in one of the vocabulary's languages (CLDR)."""
    return fold(text.strip()) in countries()


#: A fax number after its label ("Fax : +212 5 22 33 44 56"): no phone of the contact's.
_FAX_NUMBER = re.compile(r"\bfax\b\.?\s*:?\s*\+?[\d(][\d\s./()\-]{5,}\d", re.IGNORECASE)


def _is_address(line: str, regions: Regions) -> bool:
    return bool(_STREET.search(line) and re.search(r"\d", line)) or bool(
        POSTCODE.search(line) and not phones_in(line, regions) and len(line) < 80
    )


def _place_and_country(line: str) -> bool:
    """A place's name, then its country ("Tokyo, Japon", "São Paulo, Brasil": a vCard's `adr`
    of an office abroad, without street nor postal code): every word of the place capitalised.
    (Read only in a block of several lines, one part each: a role on one line may be written
    so too, "Trade Commissioner, Japan".)"""
    if has_digit(line):
        return False  # a street's number or a postal code: an address the other rules read
    *place, country = _COMMA.split(line.strip(" ."))
    return (
        bool(place)
        and _names_country(country)
        and all(word[:1].isupper() for p in place for word in p.split())
    )


def _is_name(line: str, regions: Regions) -> bool:
    """A person's name on a line of its own (a title such as "Dr." allowed before it)."""
    return (
        is_full_name(HONORIFIC.sub("", line)) and len(line) <= 60 and not _is_address(line, regions)
    )


def _without_label(line: str, regions: Regions) -> list[str]:
    """The line without a short label before a name ("Votre contact : Chloé Martin, …"); a name
    labelling its channels ("Sofia Rossi: x@y, +39 …") as two lines."""
    named = _NAME_COLON.match(line)
    if (
        named
        and _is_name(named.group(1), regions)
        and (EMAIL.search(line) or phones_in(named.group(2), regions))
    ):
        return [named.group(1), named.group(2)]
    match = _LABEL_BEFORE_NAME.match(line)
    if match is None or field_label(line) is not None:
        return [line]
    rest = line[match.end() :]
    first = re.split(r",\s+|\s+[–—|-]\s+", rest, maxsplit=1)[0]
    return [rest] if _is_name(first, regions) else [line]


def _is_call_to_action(line: str) -> bool:
    return line.rstrip().endswith(("?", "!")) or "?" in line


#: Characters a part of an address or a role may end or start with that separate it from the next
#: ("Chaussée de Charleroi 110," in a vCard's street span): the join writes its own separator.
_PART_SEPARATORS = " ,;" + _DANGLING


def joined(parts: Sequence[str]) -> str | None:
    """Parts (an address's lines, a contact's role lines) as one text, one ", " between two: a
    part's own separator at its end never doubles the join's, and a postal code goes with the
    locality after it; None without any part."""
    kept: list[str] = []
    for part in (p.strip(_PART_SEPARATORS) for p in parts):
        if not part:
            continue
        if kept and (POSTCODE.fullmatch(kept[-1]) or POSTCODE_PART.fullmatch(kept[-1])):
            # "1060" then "Saint-Gilles", "111 56" then "Stockholm" (vCard spans): one part
            kept[-1] = f"{kept[-1]} {part}"
        else:
            kept.append(part)
    return ", ".join(kept) or None


class _Builder:
    """Fills contacts line by line; a new name after a complete contact starts the next one."""

    def __init__(self, regions: Regions) -> None:
        #: the regions a number written without country code is read in (`Regions`)
        self.regions = regions
        self.contacts: list[Contact] = []
        self.current = Contact()
        self.address: list[str] = []
        self.roles: list[str] = []
        #: the field the previous label cell named ("Adresse" in a table row)
        self.hint: str | None = None

    def close(self) -> None:
        contact = self.current
        contact.address = joined(self.address)
        contact.role = joined(self.roles)
        if contact.phones or contact.emails or (contact.name and contact.address):
            self.contacts.append(contact)
        self.current, self.address, self.roles = Contact(), [], []

    def add_paragraph(
        self,
        lines: Sequence[str],
        mailtos: Sequence[str] = (),
        following: str = "",
        link_texts: Mapping[str, str] | None = None,
    ) -> None:
        """Classify each line: email, phone, name, then one role line, then the address.
        `mailtos` are the block's mailto: addresses: an address glued to the text before it
        ("Digital sector leadicarvalho@…" from two inline spans) is the link's address.
        `following`: the next block's first line (a channel's label may end this block).
        `link_texts`: the texts of the block's mailto:/tel: links, folded, each with its scheme
        (`_channel_link_texts`): a line that is one of them after a person's name ("Mail Tom",
        "Bel Sarah" under "Tom Willems") stands for that person's channel, never for a name or
        a role. (A link written as the name itself, `<a href="mailto:…">Tom Willems</a>`, names
        the person when none is named yet, or the next one after a person with an address: one
        person has one address, `contact_blocks.MAX_EMAILS_PER_PERSON`.)"""
        regions = self.regions
        if (
            len(lines) > 1
            and self.current.name
            and not self.address
            and _place_and_country(one := " ".join(lines))
        ):
            # a place and its country in spans of their own under a person: the address
            self.address.append(one)
            return
        unlabelled = [
            part
            for r in lines
            for part in _without_label(_CONTACT_PREFIX.sub("", normalize_text(r)), regions)
        ]
        for raw in _unlabelled_channels(
            _fields(unlabelled, regions), regions, normalize_text(following)
        ):
            # a separator left at a line's end where a link began ("Pierre Leroy, expert —")
            line = _CONTACT_PREFIX.sub("", normalize_text(raw)).strip().strip(_DANGLING)
            if line.endswith(":") and _is_name(line[:-1].strip(), regions):
                line = line[:-1].strip()  # "Sofia Rossi:" above her channels
            labelled = field_label(line)
            hint, self.hint = self.hint, None
            if labelled is not None:
                hint, line = labelled
                if not line:
                    self.hint = hint  # a label cell: its value is the next line
                    continue
            if not line or _is_call_to_action(line):
                continue
            # EMAIL needs an "@": a line without one skips its (costly) scans
            at = "@" in line
            if (
                hint in ("name", "role", "address")
                and not (at and EMAIL.search(line))
                and not self._phones(line)
            ):
                self._add_field(hint, line)
                continue
            emails = [_glued(e.lower(), mailtos) for e in EMAIL.findall(line)] if at else []
            # a phone and a fax on one line ("Tél. +212 … – Fax +212 …"): the fax goes alone
            dialled = _FAX_NUMBER.sub(" ", line) if "fax" in line.lower() else line
            phones = (
                []
                if "fax" in dialled.lower()
                else self._phones(EMAIL.sub(" ", dialled) if at else dialled)
            )
            current = self.current
            if emails or phones:
                self._add(current.emails, emails)
                self._add(current.phones, phones)
                continue
            if (
                line.lower().startswith(("www.", "http"))
                or "fax" in line.lower()
                or _LINK_WORDS.search(line)
            ):
                continue  # "Stuur een e-mail", "Call Jan": the text of a mailto:/tel: link
            scheme = link_texts.get(fold(line)) if link_texts else None
            if scheme and current.name and (scheme == "tel:" or not current.emails):
                continue  # "Mail Tom": the text of the link holding the channel, no one's name
            named = _NAME_THEN_ROLE.match(line)
            if named and not self.address and _is_name(named.group(1), regions):
                if current.name and (current.phones or current.emails):
                    self.close()  # "Julien Roux, communication – …" after a complete contact
                    current = self.current
                if not current.name:
                    current.name, line = named.group(1), named.group(2)  # "Anna Kowalska - …"
            paren = _NAME_PAREN_ROLE.match(line)
            if paren and not self.address and _is_name(paren.group(1), regions):
                if current.name and (current.phones or current.emails):
                    self.close()  # the next person, after a complete contact
                    current = self.current
                if not current.name:
                    current.name, line = paren.group(1), paren.group(2)  # "Name (Role)"
            is_name = _is_name(line, regions)
            if is_name and current.name and (current.phones or current.emails):
                self.close()
                self.current.name = line
            elif is_name and not current.name and not self.address:
                current.name = line
            elif not current.name and not self.address and not _is_address(line, regions):
                continue  # a heading such as "Your contact" before the person
            elif (
                (not self.roles or (len(self.roles) < 3 and not _DIGIT.search(line)))
                and not self.address
                and not _is_address(line, regions)
                and not current.phones
                and not current.emails
            ):
                # further role lines ("Cellule Commerces & Quartiers") hold no number: an address does
                self.roles.append(line)
            elif not current.phones and not current.emails:
                self.address.append(line)

    def _phones(self, line: str) -> list[str]:
        return phones_in(line, self.regions)

    def _add_field(self, kind: str, value: str) -> None:
        """A value whose label said what it is."""
        if kind == "name":
            if self.current.name or self.current.phones or self.current.emails:
                self.close()
            self.current.name = value
        elif kind == "role":
            self.roles.append(value)
        else:
            self.address.append(value)

    def add_links(self, hrefs: Sequence[str]) -> None:
        """mailto: and tel: links whose value the text did not show (obfuscated addresses)."""
        seen = {v for c in [*self.contacts, self.current] for v in c.emails + c.phones}
        for href in hrefs:
            if href.lower().startswith("mailto:"):
                address = href[7:].split("?")[0].strip().lower()
                if EMAIL.fullmatch(address) and address not in seen:
                    self._add(self.current.emails, [address])
            elif href.lower().startswith("tel:"):
                number = _phone_from_href(href, self.regions[0] if self.regions else None)
                if number and number not in seen:
                    self._add(self.current.phones, [number])

    @staticmethod
    def _add(target: list[str], values: Sequence[str]) -> None:
        target.extend(v for v in values if v not in target)


def contacts_from_blocks(groups: Sequence[Sequence[Block]], regions: Regions) -> list[Contact]:
    """One or more contacts per group of blocks (a contact container, or a run of contact lines).
    A number written without country code is read in the region the group's own address names
    (`region_of_address`), else in `regions` (the page's: `Page.phone_regions`)."""
    contacts: list[Contact] = []
    for group in groups:
        lines = [line for b in group for line in b.lines]
        own = region_of_address(lines)
        named = None if own else region_named_in(lines) or region_of_place(lines, regions)
        # a country named in a role or a sentence is weaker evidence than an address's: its
        # region reads only the numbers the page's regions cannot ("(416) 862-3471")
        builder = _Builder(
            (*regions, named) if named and named not in regions else _first(own, regions)
        )
        for k, block in enumerate(group):
            if block.tag in ("dt", "th") and field_label(block.text) is not None:
                continue  # "Name", "Phone": labels of the values beside them
            mailtos = [
                h[7:].split("?")[0].strip().lower()
                for h in block.hrefs
                if h.lower().startswith("mailto:")
            ]
            following = group[k + 1].lines[0] if k + 1 < len(group) and group[k + 1].lines else ""
            builder.add_paragraph(block.lines, mailtos, following, _channel_link_texts(block))
            builder.add_links(block.hrefs)
        builder.close()
        contacts.extend(c for c in builder.contacts if c not in contacts)
    return [
        c for c in contacts if c.name or not any(_repeats(c, o) for o in contacts if o is not c)
    ]


def _channel_link_texts(block: Block) -> dict[str, str]:
    """The folded texts of the block's mailto:/tel: links ("Mail Tom", "Envoyer un e-mail"),
    each with its scheme ("mailto:", "tel:"): what a reader clicks to reach a channel, standing
    for it. A text that writes the channel itself (the address, the number) is read as the
    channel all the same."""
    element = block.element
    if element is None or not any(h.lower().startswith(("mailto:", "tel:")) for h in block.hrefs):
        return {}
    texts: dict[str, str] = {}
    for link in all_links_in(element):
        href = str(link["href"]).lower()
        if href.startswith(("mailto:", "tel:")):
            text = normalize_text(link.get_text(" "))
            if text:
                texts.setdefault(fold(text), "tel:" if href.startswith("tel:") else "mailto:")
    return texts


def _repeats(contact: Contact, other: Contact) -> bool:
    """True when `other` names a person and already holds every channel of `contact`."""
    return bool(other.name) and set(contact.emails + contact.phones) <= set(
        other.emails + other.phones
    )


def _glued(address: str, mailtos: Sequence[str]) -> str:
    """`address`, or the mailto: address it ends with when text was glued before it."""
    return next((m for m in mailtos if m != address and address.endswith(m)), address)


#: "name [at] hub.brussels", "name (at) hub (dot) brussels": addresses written against robots
#: (the bracketed words are the vocabulary's `obfuscated_ats` and `obfuscated_dots`).
_OBFUSCATED_AT = re.compile(
    rf"(?<=\w)\s*[\[({{]\s*(?:{lexicon.alternation('obfuscated_ats')})\s*[\])}}]\s*(?=\w)",
    re.IGNORECASE,
)
_OBFUSCATED_DOT = re.compile(
    rf"\s*[\[({{]\s*(?:{lexicon.alternation('obfuscated_dots')})\s*[\])}}]\s*(?=\w)",
    re.IGNORECASE,
)


def _deobfuscate(line: str) -> str:
    """A line with its obfuscated email addresses written out ("x [at] y" -> "x@y")."""
    # no bracket, no obfuscated address: a substring test spares the regex its slow scan (it
    # opens with a lookbehind, tried at every character)
    if "@" in line or not ("[" in line or "(" in line or "{" in line):
        return line
    if not _OBFUSCATED_AT.search(line):
        return line
    return _OBFUSCATED_DOT.sub(".", _OBFUSCATED_AT.sub("@", line))


def deobfuscate(line: str) -> str:
    """The line with its written-out "[at]" and "(dot)" as "@" and "." (`_deobfuscate`)."""
    return _deobfuscate(line)


def _fields(lines: Sequence[str], regions: Regions) -> list[str]:
    """Lines with their fields split apart: "Name | Role | +1 212 … | x@y" is four lines."""
    out: list[str] = []
    for line in map(_deobfuscate, lines):
        parts = field_parts(line)
        if len(parts) >= 3 and (EMAIL.search(line) or phones_in(line, regions)):
            out.extend(p for p in parts if p.strip())
        else:
            out.append(line)
    return out


#: Where a sentence ends and the next begins: "… still free. Contact: Sarah Peeters, …".
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-Þ])")
#: A sentence before a one-line contact has at least this many words: a title before a name
#: ("Prof. Hanne Wouters") ends with a full stop too, and is one word.
SENTENCE_WORDS = 5


def _last_sentence(line: str) -> str:
    """The line after its last full sentence (the line itself when it holds none)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(line)]
    if ends and len(line[: ends[-1]].split()) >= SENTENCE_WORDS:
        return line[ends[-1] :]
    return line


def field_parts(line: str) -> list[str]:
    """The fields of a one-line contact: split on pipes, bullets or dashes, else on commas when
    every piece is short ("Meer info: Sarah Peeters, projectleider, 02 …, x@y"). A contact closing
    a paragraph is its last sentence: the sentences before it are no field of it."""
    if "." in line or "!" in line or "?" in line:
        tail = _last_sentence(line)
        if tail is not line and len(parts := _split_fields(tail)) >= 3:
            return parts
    return _split_fields(line)


def _split_fields(line: str) -> list[str]:
    parts = _SEPARATOR.split(line)
    if len(parts) >= 3 or len(line) > 200:
        return parts
    pieces = _COMMA.split(line)
    return pieces if len(pieces) >= 3 and all(len(p) <= 60 for p in pieces) else parts


def _is_contact_line(line: str, regions: Regions) -> bool:
    """A line that is an email or a phone number (with a label), not a sentence mentioning one."""
    line = _deobfuscate(line)
    if "@" not in line and not (has_digit(line) and MANY_DIGITS.search(line)):
        return False  # neither an address nor a number: the common case, decided cheaply
    if (
        len(field_parts(line)) >= 3
        and len(line) <= 200
        and (EMAIL.search(line) or phones_in(line, regions))
    ):
        return True
    rest = EMAIL.sub("", line)
    if rest != line:
        return len(rest.strip(" :-–·|()")) <= 25
    return len(line) <= 40 and bool(phones_in(line, regions))


def labelled_channel_only(text: str, regions: Regions) -> bool:
    """True for a line that is one channel and at most its label ("Phone: 02 800 40 00",
    "Tél. : +32 …"): no name, no role, no address beside it."""
    start = _channel_start(text, regions)
    if start is None or not _is_contact_line(text, regions):
        return False
    head = text[:start].strip()
    return not head or (_channel_label().search(head) is not None and len(head.split()) <= 2)


def _may_hold_channel(text: str) -> bool:
    """False when no line of `text` (a block's lines joined) can be a contact line
    (`_is_contact_line`) nor a number abroad (`_abroad_contact_line`): it holds no "@", no run of
    eight digits and no obfuscated address ("x [at] y"). Each is found in the joined lines when
    it is in one of them (the patterns look around only for what is there), so a block of prose,
    most of a page's, is told once rather than line by line."""
    return (
        "@" in text
        or (has_digit(text) and MANY_DIGITS.search(text) is not None)
        or (("[" in text or "(" in text or "{" in text) and _OBFUSCATED_AT.search(text) is not None)
    )


def _first(region: str | None, regions: Regions) -> Regions:
    """`regions` with `region` (when known) tried first."""
    return regions if region is None else (region, *(r for r in regions if r != region))


def _abroad_contact_line(block: Block, regions: Regions) -> bool:
    """A line of the block is a number of the country the block's own address names."""
    # a block without a digit (most) has no line of eight digits: told without a scan per line
    if not has_digit(block.text) or not any(MANY_DIGITS.search(line) for line in block.lines):
        return False
    own = region_of_address(block.lines)
    return (
        own is not None
        and own not in regions[:1]
        and any(_is_contact_line(line, (own,)) for line in block.lines)
    )


def _links_only_contact(block: Block) -> bool:
    """A short line of tel:/mailto: links whose texts hide the values ("Bel Koen · Mail Koen")."""
    return (
        len(block.text) <= 80
        and not _is_call_to_action(block.text)
        and any(href.lower().startswith(("tel:", "mailto:")) for href in block.hrefs)
    )


def _continues_run(previous: Block, block: Block) -> bool:
    """After a contact line, a label cell ("E-mail", "Adresse") or the value under one (a mailto:
    link named "Écrire", a street) still belongs to the contact."""
    if block.role is not None or block.is_heading:
        return False
    labelled = field_label(block.text)
    if labelled is not None and len(block.text) <= 120:
        return True
    cell = field_label(previous.text)
    return cell is not None and cell[1] == "" and len(block.text) <= 120


def contact_runs(blocks: Sequence[Block], regions: Regions) -> list[list[Block]]:
    """Without contact markup: blocks with an email or phone line, with the short name/role lines
    just before them; consecutive ones form one run."""
    runs: list[list[Block]] = []
    for i, block in enumerate(blocks):
        if runs and i and runs[-1][-1] is blocks[i - 1] and _continues_run(blocks[i - 1], block):
            runs[-1].append(block)
            continue
        if (
            block.role is not None
            or AUTHOR_CREDIT.match(block.text)
            or not (
                (
                    _may_hold_channel(block.text)
                    and (
                        any(_is_contact_line(line, regions) for line in block.lines)
                        or _abroad_contact_line(block, regions)
                    )
                )
                or _links_only_contact(block)
            )
        ):
            continue
        gap = i - 1
        while gap > 0 and field_label(blocks[gap].text) is not None:
            gap -= 1  # label cells between two contact lines keep the run going
        if runs and i and runs[-1][-1] is blocks[gap]:
            runs[-1].extend(blocks[gap + 1 : i + 1])
            continue
        start, taken = i, 0
        # the lines of the previous run are its person's (people written flat, one after another)
        floor = _end_of_last_run(blocks, runs, i)
        while start > floor and taken < 3:
            previous = blocks[start - 1]
            if field_label(previous.text) is not None:
                start -= 1  # a label cell ("Adresse") does not count as a line of the contact
                continue
            # a part of the contact the selectors mark on its own (an `<address>` between the
            # role line and the phone line) is a line of the person's, when it holds no channel
            # (one that does is a contact of its own)
            marked_part = previous.role == "contact" and not any(
                _is_contact_line(line, regions) for line in previous.lines
            )
            if (
                (previous.role is not None and not marked_part)
                or len(previous.text) > 80
                or previous.text.endswith((".", "?", "!", ":"))
                or _is_call_to_action(previous.text)
            ):
                break
            start, taken = start - 1, taken + 1
        runs.append(list(blocks[start : i + 1]))
    return runs


def _end_of_last_run(blocks: Sequence[Block], runs: list[list[Block]], before: int) -> int:
    """The index after the last block of the last run, if that block is before `before` (0
    when there is no run): a run's lines never reach back into the previous person's."""
    if not runs:
        return 0
    last = runs[-1][-1]
    at = next((i for i in range(before - 1, -1, -1) if blocks[i] is last), None)
    return 0 if at is None else at + 1
