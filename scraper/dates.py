"""The one date parser of the extractor and the crawler: machine timestamps, and dates as people
write them in French, Dutch, English, German, Spanish, Italian, Portuguese, Russian, Japanese,
Chinese, Korean, Polish, Czech, Ukrainian, Scandinavian, Finnish, Turkish, Indonesian, Romanian
and Greek (month names, day names, the marks of "2024年3月5日" and labels are data in
`scraper/vocabulary/dates/<lang>.toml`).

A timestamp keeps its day as written; `Stamp.day_in(zone)` converts it to a site's zone when the
site has one. Slash dates are day first, unless a part over 12 forces month first or the caller
says the page writes them month first (`month_first`, see `slash_order`).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from scraper.text import fold

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabulary" / "dates"
#: The file of script-data keys, beside the languages' vocabulary files.
SCRIPT_KEYS = "script-keys"
#: The languages whose date vocabulary ships with the package: one file each, so that a language
#: is added as data (its month names, day names and labels), not in code.
LANGUAGES = tuple(
    sorted(path.stem for path in VOCABULARY_DIR.glob("*.toml") if path.stem != SCRIPT_KEYS)
)
#: Years outside this range are page furniture (a product number, a founding year), not a date.
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass(frozen=True)
class DateVocabulary:
    """Folded month names (-> number), day names, date labels and script-data keys."""

    months: dict[str, int]
    weekdays: tuple[str, ...]
    published_labels: tuple[str, ...]
    modified_labels: tuple[str, ...]
    published_keys: tuple[str, ...]
    modified_keys: tuple[str, ...]
    #: (year, month, day) marks of the languages that write a date with them ("年", "月", "日")
    date_marks: tuple[tuple[str, str, str], ...] = ()
    #: more keys read only on the state object whose title is the headline
    post_published_keys: tuple[str, ...] = ()
    post_modified_keys: tuple[str, ...] = ()
    #: folded day name -> ISO weekday (1 = Monday), for the languages whose file numbers its day
    #: names (`[weekdays]`): a day name beside a slash date tells its order
    weekday_numbers: dict[str, int] | None = None
    #: folded words that join the two days of a range ("au", "tot", "to", "bis"), beside a dash
    range_words: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def vocabulary() -> DateVocabulary:
    """The date vocabulary of every shipped language, read once."""
    months: dict[str, int] = {}
    weekdays: list[str] = []
    marks: list[tuple[str, str, str]] = []
    numbers: dict[str, int] = {}
    labels: dict[str, list[str]] = {
        "published_labels": [],
        "modified_labels": [],
        "range_words": [],
    }
    for lang in LANGUAGES:
        data = tomllib.loads((VOCABULARY_DIR / f"{lang}.toml").read_text(encoding="utf-8"))
        for number, names in data["months"].items():
            for name in names:
                months[fold(name)] = int(number)
        words = data.get("words", {})
        weekdays += [fold(w) for w in words.get("weekdays", ())]
        for number, names in data.get("weekdays", {}).items():
            for name in map(fold, names):
                # a name two languages give different days tells none (0)
                iso = int(number)
                numbers[name] = iso if numbers.get(name, iso) == iso else 0
                weekdays.append(name)
        if "date_marks" in words:
            year, month, day = (fold(mark) for mark in words["date_marks"])
            marks.append((year, month, day))
        for key, found in labels.items():
            found += [fold(label) for label in words.get(key, ())]
    keys = tomllib.loads((VOCABULARY_DIR / f"{SCRIPT_KEYS}.toml").read_text(encoding="utf-8"))
    return DateVocabulary(
        months=months,
        weekdays=tuple(dict.fromkeys(weekdays)),
        date_marks=tuple(dict.fromkeys(marks)),
        published_labels=tuple(dict.fromkeys(labels["published_labels"])),
        modified_labels=tuple(dict.fromkeys(labels["modified_labels"])),
        published_keys=tuple(keys["published"]),
        modified_keys=tuple(keys["modified"]),
        post_published_keys=tuple(keys.get("post_published", ())),
        post_modified_keys=tuple(keys.get("post_modified", ())),
        weekday_numbers={name: n for name, n in numbers.items() if n},
        range_words=tuple(dict.fromkeys(labels["range_words"])),
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    date: re.Pattern[str]
    labelled: dict[str, re.Pattern[str]]
    #: a time (and its zone) between a label and its date: "Updated 6:30 PM EST, March 5, 2024"
    time_first: re.Pattern[str]
    yearless: re.Pattern[str]
    ranges: re.Pattern[str]


def _date_opening(months: Iterable[str]) -> str:
    """A lookahead true where a date may open, as the date, yearless and range patterns need: a
    digit (every form but the month-day ones opens with the day or year), or a month's name, its
    dot, whitespace and a digit ("march 5, 2024", "march 5"). A month of one word is tested by its shape (a word boundary,
    at most the longest such name and its dot in characters neither space nor digit, whitespace,
    a digit): about as many steps as the word has characters, where the month-day form tries
    each of ~300 names at every word of every line holding two digits. A name of several words
    or holding a digit is listed as it is."""
    single = [m for m in months if not _SPACE_OR_DIGIT.search(m)]
    others = [m for m in months if _SPACE_OR_DIGIT.search(m)]
    shape = rf"\b[^\s\d]{{1,{max(map(len, single), default=0) + 1}}}\s+\d" if single else ""
    listed = rf"\b(?:{_alternation(others)})" if others else ""
    return f"(?=\\d{''.join(f'|{part}' for part in (shape, listed) if part)})"


#: What a month's name tested by its shape holds none of (`_date_opening`).
_SPACE_OR_DIGIT = re.compile(r"[\s\d]")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    vocab = vocabulary()
    months = _alternation(vocab.months)
    weekdays = _alternation(vocab.weekdays)
    iso = r"(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
    numeric = (
        r"(?P<na>\d{1,2})\s?(?P<nsep>[./-])\s?(?P<nb>\d{1,2})\s?[./-]\s?(?P<ny>\d{4}|\d{2})(?!\d)"
    )
    # "5 de marzo de 2024", "1º de março": Spanish and Portuguese join day, month and year with "de"
    day_month = (
        rf"(?P<td>\d{{1,2}})(?:er|e|de|ste|st|nd|rd|th|o)?\.?\s+(?:of\s+|de\s+)?(?P<tm>{months})\b"
        r"\.?,?\s+(?:de\s+|del\s+)?(?P<ty>\d{4})"
    )
    month_day = rf"\b(?P<mm>{months})\b\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>\d{{4}})"
    forms = [iso, numeric, day_month, month_day]
    if vocab.date_marks:
        # "2024年3月5日", "2024년 3월 5일": the languages' marks after year, month and day
        year, month, day = (_alternation(marks) for marks in zip(*vocab.date_marks, strict=True))
        forms.append(
            rf"(?P<ky>\d{{4}})\s?(?:{year})\s?(?P<km>\d{{1,2}})\s?(?:{month})\s?(?P<kd>\d{{1,2}})"
            rf"\s?(?:{day})"
        )
    opening = _date_opening(vocab.months)
    date = re.compile(rf"(?<![\d/.-]){opening}(?:{'|'.join(forms)})(?!\d)")
    labelled = {
        kind: re.compile(
            # a label opens after anything but a letter: a digit too, when the page sets the
            # label's element right after the date's ("<span>10/03/2026</span><span>Updated: …")
            rf"(?<![^\W\d])(?:{_alternation(labels)})\b"
            # the connective before or after the colon ("Bijgewerkt op: …", "Updated: on …")
            r"\s*(?:(?:le|on|op|am)\s*(?=[:\-–]))?[:\-–]?\s*(?:le|on|op|the|am|vom|den)?\s*"
            rf"(?P<wd>(?:{weekdays})\.?,?\s+)?(?:le\s+|the\s+|den\s+)?"
        )
        for kind, labels in (
            ("published", vocab.published_labels),
            ("modified", vocab.modified_labels),
        )
    }
    yearless_forms = [
        rf"(?P<d>\d{{1,2}})(?:er|e|de|ste|st|nd|rd|th|o)?\.?\s+(?:de\s+)?(?P<m>{months})\b\.?",
        rf"\b(?P<m2>{months})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?",
    ]
    if vocab.date_marks:
        # "3月6日", "3월 6일": the month and day marks without a year's mark before them (a
        # lookbehind each: a folded mark may be several characters, Hangul's decomposed)
        years, months_, days = zip(*vocab.date_marks, strict=True)
        no_year = "".join(
            rf"(?<!{re.escape(mark)})(?<!{re.escape(mark)}\s)" for mark in dict.fromkeys(years)
        )
        yearless_forms.append(
            rf"{no_year}(?P<m3>\d{{1,2}})\s?(?:{_alternation(months_)})\s?(?P<d3>\d{{1,2}})"
            rf"\s?(?:{_alternation(days)})"
        )
    yearless = re.compile(
        rf"(?<![\d/.-]){opening}(?:{'|'.join(yearless_forms)})(?![\d:])"
        r"(?!\s*,?\s*(?:de\s+|del\s+)?\d{4})"
    )
    # the clock, its half of the day, a short zone or unit ("est", "cet", "uhr"), then the date's
    # own day name ("Updated 10:42 AM EDT, Tue March 5, 2024")
    time_first = re.compile(
        r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?P<zone>\s+[a-z]{1,4})?\s*[,|·–-]?\s*(?:on\s+)?"
        rf"(?P<wd>(?:{weekdays})\.?,?\s+)?"
    )
    return _Patterns(
        date=date,
        labelled=labelled,
        time_first=time_first,
        yearless=yearless,
        ranges=_range_pattern(months, opening),
    )


def _range_pattern(months: str, opening: str) -> re.Pattern[str]:
    """Two days joined by a dash or a range word, the month and year written once or twice:
    "12-16 mars 2026", "du 12 au 16 mars 2026", "van 12 tot 16 maart 2026", "March 12-16, 2026",
    "12 mars 2026 - 16 mars 2026". Its groups: the first day (`ad`, and its `am`, `ay` when
    written), the last day (`bd`, `bm`, `by`). `opening`: where a date may open
    (`_date_opening`), as a range's first day does."""
    join = _range_join().pattern
    ordinal = r"(?:er|e|ste|st|nd|rd|th)?\.?"
    day_month = (
        rf"(?<![\d/.-])(?P<ad>\d{{1,2}}){ordinal}(?:\s+(?P<am>{months})\b\.?(?:\s+(?P<ay>\d{{4}}))?)?"
        rf"{join}(?P<bd>\d{{1,2}}){ordinal}\s+(?P<bm>{months})\b\.?,?\s+(?P<by>\d{{4}})(?!\d)"
    )
    month_day = (
        rf"\b(?P<am2>{months})\b\.?\s+(?P<ad2>\d{{1,2}}){ordinal},?(?:\s+(?P<ay2>\d{{4}}))?"
        rf"{join}(?:(?P<bm2>{months})\b\.?\s+)?(?P<bd2>\d{{1,2}}){ordinal},?\s+(?P<by2>\d{{4}})(?!\d)"
    )
    return re.compile(f"{opening}(?:{day_month}|{month_day})")


def range_spans(text: str) -> list[tuple[int, int, dt.date | None, dt.date]]:
    """The date ranges written in `text`: (start, end, first day, last day), positions in the
    folded text. A range is two days, an event's (a trade mission's "12-16 mars 2026", "du 12
    au 16 mars"), not one day such as a publication's; two full dates joined by a dash or a
    range word ("12.03.2026 - 16.03.2026") are one too."""
    folded = fold(text)
    if not _may_write_date(folded):
        return []
    months = vocabulary().months
    found: list[tuple[int, int, dt.date | None, dt.date]] = []
    # (the pattern's ranges end with a year of four digits)
    ranges = _patterns().ranges.finditer(folded) if _YEAR_DIGITS.search(folded) else ()
    for m in ranges:
        g = m.groupdict()
        month_day = g["bd"] is None
        sfx = "2" if month_day else ""
        last_month = g[f"bm{sfx}"] or g[f"am{sfx}"]
        year = int(g[f"by{sfx}"])
        last = make_date(year, months[last_month], int(g[f"bd{sfx}"]))
        if last is None:
            continue
        first_month = g[f"am{sfx}"] or last_month
        first = make_date(int(g[f"ay{sfx}"] or year), months[first_month], int(g[f"ad{sfx}"]))
        found.append((m.start(), m.end(), first, last))
    spans = date_spans(text)
    join = _range_join()
    for (a_start, a_end, a), (b_start, b_end, b) in zip(spans, spans[1:], strict=False):
        if a < b and join.fullmatch(folded[a_end:b_start]):
            found.append((a_start, b_end, a, b))
    return found


@lru_cache(maxsize=1)
def _range_join() -> re.Pattern[str]:
    """What joins the two days of a range: a dash or a range word (vocabulary), with spaces."""
    words = _alternation(vocabulary().range_words)
    dashes = r"[-\u2013\u2014]"
    return re.compile(rf"\s*(?:{dashes}|\b(?:{words})\b)\s*" if words else rf"\s*{dashes}\s*")


def in_range(ranges: list[tuple[int, int, dt.date | None, dt.date]], start: int, end: int) -> bool:
    """True when the date at `start`..`end` (folded positions) is a day of one of `ranges`."""
    return any(r_start < end and start < r_end for r_start, r_end, _, _ in ranges)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """A valid calendar day in the plausible range, or None ("31/02", a two-digit year is 20xx)."""
    if year < 100:
        year += 2000
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str], month_first: bool) -> dt.date | None:
    g = m.groupdict()
    months = vocabulary().months
    if g["iy"]:
        return make_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["na"]:
        a, b = int(g["na"]), int(g["nb"])
        # slash dates: day first, unless a part over 12 forces month first or the page says so;
        # dotted and dashed dates are always day first
        if g["nsep"] == "/" and (b > 12 or (month_first and a <= 12)):
            a, b = b, a
        return make_date(int(g["ny"]), b, a)
    if g.get("ky"):
        return make_date(int(g["ky"]), int(g["km"]), int(g["kd"]))
    if g["td"]:
        return make_date(int(g["ty"]), months[g["tm"]], int(g["td"]))
    return make_date(int(g["my"]), months[g["mm"]], int(g["md"]))


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """True when `text` holds a digit (any script's, as `\\d`). On ASCII text, ten C-speed
    substring tests: 8 (a line) to 90 (a paragraph) times faster than a regex scan, and dates
    are looked for in dozens of lines of every page, most without one."""
    if not text.isascii():
        return _DIGIT.search(text) is not None
    # one expression rather than a loop over the digits: no iterator, no jump back per digit
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


#: Two digits in a row: every form of the date pattern writes its year so (two digits or four),
#: and a range's last day its year in four.
_DIGIT_PAIR = re.compile(r"\d\d")
_YEAR_DIGITS = re.compile(r"\d{4}")


def _may_write_date(folded: str) -> bool:
    """False when the folded text `folded` writes no date: no digit, or no two in a row ("1 2 3",
    "Chapter 5"). The date pattern (a lookbehind first, then the month names at every word)
    takes about a microsecond a character; these two tests, a few nanoseconds."""
    return has_digit(folded) and _DIGIT_PAIR.search(folded) is not None


def iter_dates(text: str, *, month_first: bool = False) -> Iterator[tuple[int, dt.date]]:
    """Every valid date written in `text`, with its position in the folded text."""
    folded = fold(text)
    if not _may_write_date(folded):
        return
    for m in _patterns().date.finditer(folded):
        value = _from_match(m, month_first)
        if value is not None:
            yield m.start(), value


def date_spans(text: str, *, month_first: bool = False) -> list[tuple[int, int, dt.date]]:
    """Every valid date written in `text`, with where it starts and ends in the folded text."""
    folded = fold(text)
    if not _may_write_date(folded):
        return []
    spans = []
    for m in _patterns().date.finditer(folded):
        value = _from_match(m, month_first)
        if value is not None:
            spans.append((m.start(), m.end(), value))
    return spans


def parse_date_text(text: str | None, *, month_first: bool = False) -> dt.date | None:
    """The first date written in `text` ("27 octobre 2025", "3 juill. 2024", "04 Dezember, 2023",
    "March 5, 2024", "12/02/2024"...)."""
    if not text or not has_digit(text):
        return None
    return next((value for _, value in iter_dates(text, month_first=month_first)), None)


def labelled_date(text: str, kind: str, *, month_first: bool = False) -> dt.date | None:
    """The date right after a `kind` label ("published": "Publié le …", "Erschienen am: …";
    "modified": "Mis à jour …", "Letzte Änderung: …")."""
    found = _labelled(text, kind, month_first)
    return found[1] if found else None


def label_at(text: str, kind: str, *, month_first: bool = False) -> int | None:
    """Where in `text` (folded) the first `kind` label followed by a date starts, or None
    ("5 March 2026 · Updated 6 March 2026" -> 15 for "modified")."""
    found = _labelled(text, kind, month_first)
    return found[0] if found else None


def bare_label_at(text: str, kind: str) -> int | None:
    """Where in `text` (folded) the first `kind` label starts, whatever follows it: also a label
    whose value is no date ("Atualizado há 2 horas", "Updated 3 hours ago")."""
    folded = fold(text)
    if not may_hold_label(folded, kind):
        return None
    label = _patterns().labelled[kind].search(folded)
    return label.start() if label else None


def _labelled(text: str, kind: str, month_first: bool) -> tuple[int, dt.date] | None:
    if not has_digit(text):
        return None
    folded = fold(text)
    if not may_hold_label(folded, kind):
        # most texts hold no label's first word: the label pattern, ~160 alternatives tried at
        # every character (10 us on a 13-character line), is not run over them
        return None
    patterns = _patterns()
    for label in patterns.labelled[kind].finditer(folded):
        tail = folded[label.end() : label.end() + 40]
        m = patterns.date.match(tail)
        if m is None and label.group("wd"):
            # a month's short name that is also a day's in another language ("Updated: Mar 4,
            # 2025": "mar" is Tuesday in French, Spanish, Italian) opens the date itself
            m = patterns.date.match(folded[label.start("wd") : label.start("wd") + 40])
        if m is None and (clock := patterns.time_first.match(tail)):
            # the time first, then the date: "Updated 6:30 PM EST, March 5, 2024"
            m = _date_after_clock(folded, label.end(), clock)
        if m:
            value = _from_match(m, month_first)
            if value is not None:
                return label.start(), value
    return None


def _date_after_clock(folded: str, at: int, clock: re.Match[str]) -> re.Match[str] | None:
    """The date after the `clock` matched at `at` in `folded`; a month's short name taken for
    the clock's zone or for a day's name ("Updated 9:12 AM EST Mar 5, 2026", "9:12 AM Mar 5":
    "mar" is Tuesday in French, Spanish, Italian; any four letters may be a zone) opens the
    date itself: the date is tried where each of those optional parts began, last first."""
    date = _patterns().date
    starts = [clock.end()] + [clock.start(part) for part in ("wd", "zone") if clock.group(part)]
    for start in starts:
        m = date.match(folded[at + start : at + 60].lstrip())
        if m:
            return m
    return None


_WORD = re.compile(r"\w+")
#: A run of letters: a label's first word, also when glued to a date before it ("2026updated").
_LETTERS = re.compile(r"[^\W\d]+")


@lru_cache(maxsize=2)
def _label_heads(kind: str) -> frozenset[str]:
    """The first word of each `kind` label ("mis a jour" -> "mis")."""
    vocab = vocabulary()
    labels = vocab.published_labels if kind == "published" else vocab.modified_labels
    return frozenset(m.group() for label in labels if (m := _WORD.match(label)))


@lru_cache(maxsize=2)
def _ascii_label_heads(kind: str) -> frozenset[bytes]:
    """The `_label_heads` an ASCII text can hold, as bytes (`may_hold_label`)."""
    return frozenset(head.encode("ascii") for head in _label_heads(kind) if head.isascii())


#: What `_LETTERS` reads as a letter in an ASCII text ("[^\W\d]": a-z, A-Z and "_") kept, every
#: other byte made a space: the letter runs of an ASCII text are then its bytes' `split()`.
_ASCII_LETTER_RUNS = bytes(
    c if chr(c).isascii() and chr(c).isalpha() or c == ord("_") else ord(" ") for c in range(256)
)


def may_hold_label(folded: str, kind: str) -> bool:
    """False when no `kind` label stands in the folded text `folded`, so that no part of it is
    a labelled date (`labelled_date`, `label_at` say None): a label opens at a word boundary
    with a word, which is then one of the text's words (every label of the vocabulary opens with
    a word of letters, its run of letters in the text). One set test over a text's words,
    where the label pattern (a word boundary first, then ~70 alternatives) is tried at every
    character of every line. An ASCII text's words are cut by a byte table rather than
    `_LETTERS`, whose Unicode class costs some 40 ns a character (150 us on a line of 3,000)."""
    if folded.isascii():
        runs = folded.encode("ascii").translate(_ASCII_LETTER_RUNS).split()
        return not _ascii_label_heads(kind).isdisjoint(runs)
    return not _label_heads(kind).isdisjoint(_LETTERS.findall(folded))


def slash_order(texts: Iterable[str], url_day: dt.date | None = None) -> bool:
    """True when the slash dates of these texts are month first: one of them has a second part
    over 12 ("07/14/2023"), or agrees with one reading only with a day name before it or with
    `url_day` (the full date in the page's URL: "04/09/2026" on ".../2026/04/09/..."), and none
    is forced day first the same ways."""
    forced_month_first = forced_day_first = False
    for text in texts:
        if "/" not in text:
            continue
        for m in _SLASH.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            forced_month_first |= b > 12 >= a
            forced_day_first |= a > 12 >= b
            for named in (
                _weekday_order(text[: m.start()], a, b, m.group(3)),
                _url_order(url_day, a, b, m.group(3)),
            ):
                forced_month_first |= named is True
                forced_day_first |= named is False
    return forced_month_first and not forced_day_first


def _url_order(url_day: dt.date | None, a: int, b: int, year: str) -> bool | None:
    """True (month first) or False (day first) when the slash date a/b/year is the URL's full
    date `url_day` in one reading only (a page filed under /2026/04/09/ that prints "04/09/2026"
    writes month first), else None."""
    if url_day is None or a == b:
        return None
    if make_date(int(year), a, b) == url_day:
        return True
    if make_date(int(year), b, a) == url_day:
        return False
    return None


#: A day name closing the text before a slash date ("Thu, 04/03/2025", "mar. 04/03/2025").
_WEEKDAY_BEFORE = re.compile(r"(\w[\w-]*)\.?,?\s*$")


def _weekday_order(before: str, a: int, b: int, year: str) -> bool | None:
    """True (month first) or False (day first) when a day name right before the slash date
    a/b/year agrees with one reading only ("Thu, 04/03/2025" is 3 April, a Thursday; 4 March
    was a Tuesday), else None."""
    m = _WEEKDAY_BEFORE.search(before[-20:])
    numbers = vocabulary().weekday_numbers or {}
    weekday = numbers.get(fold(m.group(1))) if m else None
    if weekday is None:
        return None
    day_first, month_first = make_date(int(year), b, a), make_date(int(year), a, b)
    fits_day = day_first is not None and day_first.isoweekday() == weekday
    fits_month = month_first is not None and month_first.isoweekday() == weekday
    return None if fits_day == fits_month else fits_month


_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")


@dataclass(frozen=True)
class Stamp:
    """A machine timestamp: its day as written, and the moment when it states a time."""

    day: dt.date
    #: timezone-aware when the stamp states an offset, naive when only a time
    moment: dt.datetime | None = None

    @property
    def has_offset(self) -> bool:
        return self.moment is not None and self.moment.tzinfo is not None

    @property
    def is_utc(self) -> bool:
        """The stamp is written in UTC ("Z", "+00:00", "GMT"): its day may not be the local one."""
        return self.has_offset and self.moment.utcoffset() == dt.timedelta(0)  # type: ignore[union-attr]

    def is_foreign(self, zone: ZoneInfo | None) -> bool:
        """The stamp is written in UTC, or, for a site in `zone`, with another offset than the
        zone's at that moment (an office abroad stamping its local time): its day may not be the
        day the site prints."""
        if self.is_utc or zone is None or not self.has_offset:
            return self.is_utc
        return self.moment.utcoffset() != self.moment.astimezone(zone).utcoffset()  # type: ignore[union-attr]

    def day_in(self, zone: ZoneInfo | None) -> dt.date:
        """The day in `zone` when both a zone and an offset are known, else the day as written."""
        if zone is None or not self.has_offset:
            return self.day
        return self.moment.astimezone(zone).date()  # type: ignore[union-attr]


_ISO_STAMP = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
#: The US form of machine dates in meta tags: "07/11/2023 17:57", Drupal's "Tue, 07/11/2023 - 17:57".
_US_STAMP = re.compile(
    r"^\s*(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*-\s*|\s+)(\d{1,2}):(\d{2})(?::\d{2})?"
)
#: ISO 8601's basic form, a meta value of digits alone: "20240312", "20240312T100000Z".
_BASIC_STAMP = re.compile(
    r"^\s*(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?\s*$"
)
_RFC822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")


def _offset(text: str) -> dt.tzinfo:
    if text in ("Z", "UTC", "GMT"):
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_stamp(value: str | None, *, month_first: bool = False) -> Stamp | None:
    """A timestamp in any form sites and feeds use: ISO 8601 (with or without time and offset),
    RFC 822 ("Tue, 07 Nov 2023 10:00:00 GMT"), the US meta form ("07/11/2023 17:57", month
    first), else a date as written in text. None when `value` holds no date."""
    if not value:
        return None
    m = _ISO_STAMP.match(value) or _BASIC_STAMP.match(value)
    if m:
        year, month, day, hour, minute, second, offset = m.groups()
        date = make_date(int(year), int(month), int(day))
        if date is None or hour is None:
            return Stamp(date) if date else None
        try:
            moment = dt.datetime(
                date.year, date.month, date.day, int(hour), int(minute), int(second or 0)
            )
        except ValueError:
            return Stamp(date)
        return Stamp(date, moment.replace(tzinfo=_offset(offset)) if offset else moment)
    m = _US_STAMP.match(value)
    if m:
        month, day, year, hour, minute = map(int, m.groups())
        date = make_date(year, month, day)
        if date is not None:
            return Stamp(date)
    if _RFC822.match(value):
        try:
            when = email.utils.parsedate_to_datetime(value.strip())
        except (TypeError, ValueError):
            when = None
        if when is not None:
            date = make_date(when.year, when.month, when.day)
            return Stamp(date, when) if date else None
    date = parse_date_text(value, month_first=month_first)
    return Stamp(date) if date else None


def stamp_day(stamp: Stamp, zone: ZoneInfo | None, printed: dt.date | None) -> dt.date:
    """The day of `stamp` in `zone` (else as written); a UTC stamp (or one written with another
    offset than the site's zone, `Stamp.is_foreign`) one day away from the day the page prints
    for it (`printed`) gives the printed day: the site wrote its local day, and stamped the
    moment in another zone (DECISIONS: a timestamp's day)."""
    day = stamp.day_in(zone)
    if printed is not None and stamp.is_foreign(zone) and abs((printed - day).days) == 1:
        return printed
    return day


#: Epoch stamps in an element's data attribute: seconds (10 digits) or milliseconds (13).
_EPOCH = re.compile(r"^\s*(\d{10}|\d{13})\s*$")


def parse_epoch(value: str | None) -> Stamp | None:
    """The UTC moment of a Unix timestamp in seconds or milliseconds ("1741804200",
    "1741804200000"), when it falls in the plausible years; None otherwise."""
    m = _EPOCH.match(value) if value else None
    if m is None:
        return None
    digits = m.group(1)
    moment = dt.datetime.fromtimestamp(int(digits) / (1000 if len(digits) == 13 else 1), dt.UTC)
    date = make_date(moment.year, moment.month, moment.day)
    return Stamp(date, moment) if date else None


def parse_timestamp(value: str | None, zone: ZoneInfo | None = None) -> dt.date | None:
    """The calendar day of a timestamp: in `zone` when it has an offset and a zone is given
    (a site's own zone), else as written."""
    stamp = parse_stamp(value)
    return stamp.day_in(zone) if stamp else None


def parse_instant(value: str | None) -> dt.datetime | None:
    """A timezone-aware UTC datetime (sitemap lastmod, feed dates, HTTP dates); a bare date or a
    time without offset is taken as UTC."""
    stamp = parse_stamp(value.strip() if value else value)
    if stamp is None:
        return None
    when = stamp.moment or dt.datetime(stamp.day.year, stamp.day.month, stamp.day.day)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC)


#: A wire dateline: "BRUSSELS, June 3 (Wire) -", "PARIS, 3 juin (AFP) -".
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,30},\s+")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?!\d)")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|-\d\d?[/-])")


#: ISO 8601's basic form as a whole part of a URL path: "/20250312/", "…~20250312.html" (a run of
#: more digits, or digits run into letters, is an identifier).
_URL_BASIC_DATE = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)(\d\d)(\d\d)(?![0-9A-Za-z])")


def date_in_url(path: str) -> dt.date | None:
    """A full date written in a URL path ("/2025/06/03/…", "…-2025-06-03/", "/20250603/",
    "/2025/jun/03/": a month's name, vocabulary, as a whole part of the path)."""
    for pattern in (_URL_DATE, _URL_BASIC_DATE):
        for m in pattern.finditer(path):
            value = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if value:
                return value
    if not path.isascii():
        return None
    months = vocabulary().months
    for m in _url_month_date().finditer(path.lower()):
        value = make_date(int(m.group(1)), months[m.group(2)], int(m.group(3)))
        if value:
            return value
    return None


@lru_cache(maxsize=1)
def _url_month_date() -> re.Pattern[str]:
    """A year, a month's name (ASCII: a URL's) and a day, each a whole part of the path."""
    names = _alternation(name for name in vocabulary().months if name.isascii())
    return re.compile(rf"/((?:19|20)\d\d)/({names})/(\d{{1,2}})(?=/|$)")


def year_in_url(path: str) -> int | None:
    """The year a URL path files the page under ("/blog/2025/06/slug/"), if any."""
    m = _URL_YEAR.search(path)
    return int(m.group(1)) if m else None


def yearless_opening(text: str, year: int) -> tuple[int, dt.date] | None:
    """The first yearless date in `text` ("5 mar", "June 3", "3月6日") completed with `year`,
    with where it starts in the folded text."""
    folded = fold(text)
    # every form writes its day in digits: the pattern (the month names at every word) is not
    # run over a text without one
    m = _patterns().yearless.search(folded) if has_digit(folded) else None
    if m is None:
        return None
    marked = m.groupdict()  # the month/day-mark form exists only when the vocabulary has marks
    if marked.get("m3"):
        value = make_date(year, int(marked["m3"]), int(marked["d3"]))
    else:
        month = vocabulary().months[m.group("m") or m.group("m2")]
        value = make_date(year, month, int(m.group("d") or m.group("d2")))
    return None if value is None else (m.start(), value)


def yearless_date(text: str, year: int) -> dt.date | None:
    """ "2 juin", "June 3", "3月6日" completed with `year` (taken from elsewhere, the URL), when
    `text` is short or a wire dateline ("BRUSSELS, June 3 (Wire) - …")."""
    dateline = _DATELINE.match(text)
    if dateline:
        text = text[dateline.end() : dateline.end() + 20]
    elif len(text) > 40:
        return None
    found = yearless_opening(text, year)
    return found[1] if found else None


#: A day and month printed without a year ("10/03", "10.03."), the whole of a card's date.
_DAY_MONTH = re.compile(r"\s*(\d{1,2})[./](\d{1,2})\.?\s*")


def printed_day(text: str, near: dt.date, month_first: bool) -> dt.date | None:
    """The day a card's (or an article's) `<time>` prints (`text`): a full date, else a day and
    month without a year ("10/03", "10.03.", "10 mars", "Tue, Mar 3, 8:30 PM"), in the year that
    puts it nearest `near` (the day of its stamp: a teaser of 31 December stamped 1 January UTC
    keeps its year)."""
    found = parse_date_text(text, month_first=month_first)
    if found is not None or not text:
        return found
    pair = _DAY_MONTH.fullmatch(text)
    days = []
    for year in (near.year - 1, near.year, near.year + 1):
        if pair is not None:
            day, month = int(pair.group(1)), int(pair.group(2))
            if month_first:
                day, month = month, day
            value = make_date(year, month, day)
        else:
            value = yearless_date(text, year)
        if value is not None:
            days.append(value)
    return min(days, key=lambda d: abs((d - near).days), default=None)
