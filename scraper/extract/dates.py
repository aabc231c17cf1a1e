"""Dates in French, Dutch and English text and in machine timestamps, as the day shown in Brussels."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from scraper import lexicon
from scraper.text import fold

BRUSSELS = ZoneInfo("Europe/Brussels")

#: Month names and abbreviations (accents folded away) in fr, nl and en -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "janvier janv januari january jan",
        "fevrier fevr fev februari february feb",
        "mars maart mrt march mar",
        "avril avr april apr",
        "mai mei may",
        "juin juni june jun",
        "juillet juil juli july jul",
        "aout augustus august aug",
        "septembre september sept sep",
        "octobre oktober october okt oct",
        "novembre november nov",
        "decembre december dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

#: Phrases that introduce the publication or the modification date, folded (no accents): the
#: per-language vocabulary's `published_labels` and `modified_labels`.
PUBLISHED_LABELS = lexicon.words("published_labels")
MODIFIED_LABELS = lexicon.words("modified_labels")

#: Day names (folded) that may stand between a label and its date: "Gepubliceerd op maandag 3 maart".
WEEKDAYS = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lun",
    "mar",
    "mer",
    "jeu",
    "ven",
    "sam",
    "dim",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "ma",
    "di",
    "wo",
    "do",
    "vr",
    "za",
    "zo",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
]
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
_NUMERIC = r"(?P<nd>\d{1,2})\s?[./-]\s?(?P<nm>\d{1,2})\s?[./-]\s?(?P<ny>\d{4}|\d{2})(?!\d)"
_DAY_MONTH = rf"(?P<td>\d{{1,2}})(?:er|e|de|ste|st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<tm>{_MONTH_ALT})\b\.?,?\s+(?P<ty>\d{{4}})"
_MONTH_DAY = rf"\b(?P<mm>{_MONTH_ALT})\b\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}})"
DATE_PATTERN = re.compile(rf"(?<![\d/.-])(?:{_ISO}|{_NUMERIC}|{_DAY_MONTH}|{_MONTH_DAY})(?!\d)")
_LABELLED = {
    kind: re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in sorted(labels, key=len, reverse=True)) + r")\b"
        r"\s*[:\-–]?\s*(?:le|on|op|the)?\s*"
        rf"(?:(?:{_WEEKDAY_ALT})\.?,?\s+)?(?:le\s+|the\s+)?"
    )
    for kind, labels in (("published", PUBLISHED_LABELS), ("modified", MODIFIED_LABELS))
}
_DIGIT = re.compile(r"\d")
_TIMESTAMP = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?)?"
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    if not 1990 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    if g["iy"]:
        return _make(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["nd"]:
        return _make(int(g["ny"]), int(g["nm"]), int(g["nd"]))
    if g["td"]:
        return _make(int(g["ty"]), MONTHS[g["tm"]], int(g["td"]))
    return _make(int(g["my"]), MONTHS[g["mm"]], int(g["md"]))


def iter_dates(text: str) -> Iterator[tuple[int, dt.date]]:
    """Every valid date written in `text`, with its position in the folded text."""
    folded = fold(text)
    for m in DATE_PATTERN.finditer(folded):
        value = _from_match(m)
        if value is not None:
            yield m.start(), value


def parse_date_text(text: str | None) -> dt.date | None:
    """The first date written in `text` ("27 octobre 2025", "5 maart 2024", "12/02/2024"...)."""
    if not text or not _DIGIT.search(text):
        return None
    return next((value for _, value in iter_dates(text)), None)


def labelled_date(text: str, kind: str) -> dt.date | None:
    """The date right after a `kind` label ("published": "Publié le …"; "modified": "Mis à jour …")."""
    if not _DIGIT.search(text):
        return None
    folded = fold(text)
    for label in _LABELLED[kind].finditer(folded):
        tail = folded[label.end() : label.end() + 40]
        m = DATE_PATTERN.match(tail)
        if m:
            value = _from_match(m)
            if value is not None:
                return value
    return None


def parse_timestamp(value: str | None) -> dt.date | None:
    """A machine timestamp (ISO 8601, with or without offset) as the calendar day in Brussels.

    A timestamp with an offset ("2025-10-26T23:30:00+00:00") is converted to Europe/Brussels
    first; without an offset it is taken as Brussels local time. Other text falls back to
    `parse_date_text`.
    """
    if not value:
        return None
    m = _TIMESTAMP.match(value)
    if not m:
        return parse_date_text(value)
    year, month, day, hour, minute, second, offset = m.groups()
    date = _make(int(year), int(month), int(day))
    if date is None or hour is None or not offset:
        return date
    try:
        moment = dt.datetime(
            date.year, date.month, date.day, int(hour), int(minute), int(second or 0)
        )
    except ValueError:
        return date
    if offset == "Z":
        tz = dt.UTC
    else:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    return moment.replace(tzinfo=tz).astimezone(BRUSSELS).date()


_YEARLESS = re.compile(
    rf"(?<![\d/.-])(?:(?P<d>\d{{1,2}})(?:er|e|de|ste|st|nd|rd|th)?\.?\s+(?P<m>{_MONTH_ALT})\b\.?"
    rf"|\b(?P<m2>{_MONTH_ALT})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?![\d:])(?!\s*,?\s*\d{{4}})"
)
#: A wire dateline: "BRUSSELS, June 3 (Wire) -", "PARIS, 3 juin (AFP) -".
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,30},\s+")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?!\d)")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|-\d\d?[/-])")


def date_in_url(path: str) -> dt.date | None:
    """A full date written in a URL path ("/2025/06/03/…", "…-2025-06-03/")."""
    for m in _URL_DATE.finditer(path):
        value = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if value:
            return value
    return None


def year_in_url(path: str) -> int | None:
    """The year a URL path files the page under ("/blog/2025/06/slug/"), if any."""
    m = _URL_YEAR.search(path)
    return int(m.group(1)) if m else None


def yearless_date(text: str, year: int) -> dt.date | None:
    """ "2 juin", "June 3" completed with `year` (taken from elsewhere, the URL), when `text` is
    short or a wire dateline ("BRUSSELS, June 3 (Wire) - …")."""
    dateline = _DATELINE.match(text)
    if dateline:
        text = text[dateline.end() : dateline.end() + 20]
    elif len(text) > 40:
        return None
    m = _YEARLESS.search(fold(text))
    if m is None:
        return None
    month = MONTHS[m.group("m") or m.group("m2")]
    return _make(year, month, int(m.group("d") or m.group("d2")))
