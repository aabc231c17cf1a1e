"""Dates as people write them in French, Dutch and English, and machine timestamps, to the Brussels day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from scraper.dates import (
    labelled_date,
    parse_date_text,
    parse_instant,
    parse_stamp,
    parse_timestamp,
    slash_order,
)

BRUSSELS = ZoneInfo("Europe/Brussels")

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publié le 27/10/2025", D(2025, 10, 27)),
        ("27 octobre 2025", D(2025, 10, 27)),
        ("le 3 mars 2025", D(2025, 3, 3)),
        ("Gepubliceerd op 5 juni 2024", D(2024, 6, 5)),
        ("5 maart 2024", D(2024, 3, 5)),
        ("Published on 12/02/2024", D(2024, 2, 12)),  # day first, in English too
        ("12 February 2024", D(2024, 2, 12)),
        ("2024-03-05", D(2024, 3, 5)),
        ("1er août 2023", D(2023, 8, 1)),
        ("3 aout 2021", D(2021, 8, 3)),
        ("14 sept. 2025", D(2025, 9, 14)),
        ("12 mei 2022", D(2022, 5, 12)),
        ("Gepubliceerd: 05.03.2025", D(2025, 3, 5)),
        ("February 12, 2024", D(2024, 2, 12)),
        ("vendredi 7 févr. 2025", D(2025, 2, 7)),
    ],
)
def test_written_dates(text: str, expected: dt.date) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize(
    "text", ["en 2012 nous avons", "31/02/2024", "le 45 mars 2025", "", "12/2024"]
)
def test_no_date_where_there_is_none(text: str) -> None:
    assert parse_date_text(text) is None


def test_weekdays_between_label_and_date() -> None:
    line = "Gepubliceerd op maandag 3 maart 2025 om 10.15 uur · Laatst bijgewerkt op dinsdag 4 maart 2025"
    assert labelled_date(line, "published") == D(2025, 3, 3)
    assert labelled_date(line, "modified") == D(2025, 3, 4)
    assert labelled_date("Published on Monday, March 3, 2025", "published") == D(2025, 3, 3)


def test_labels_pick_the_right_date() -> None:
    line = "Publié le 09/01/2025 – Mis à jour le 21/01/2025"
    assert labelled_date(line, "published") == D(2025, 1, 9)
    assert labelled_date(line, "modified") == D(2025, 1, 21)
    assert labelled_date("Lecture : 3 min", "published") is None


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2025-10-26T23:30:00+00:00", D(2025, 10, 27)),  # Yoast writes UTC: 00:30 in Brussels
        ("2025-01-31T23:10:00Z", D(2025, 2, 1)),  # winter time, month boundary
        ("2025-06-30T22:30:00+00:00", D(2025, 7, 1)),  # summer time (UTC+2)
        ("2025-06-30T21:30:00+00:00", D(2025, 6, 30)),
        ("2025-03-03T23:15:00", D(2025, 3, 3)),  # no offset: already local time
        ("2025-03-03", D(2025, 3, 3)),
        ("2025-03-03T10:00:00-0500", D(2025, 3, 3)),
        ("not a date", None),
    ],
)
def test_timestamps_become_the_day_shown_in_brussels(stamp: str, expected: dt.date | None) -> None:
    # the site's zone is now given by its profile (DECISIONS: no hard-coded Brussels)
    assert parse_timestamp(stamp, BRUSSELS) == expected


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2024-03-05T21:40:00-05:00", D(2024, 3, 5)),  # evening in New York: its own day
        ("2024-03-06T02:15:00Z", D(2024, 3, 6)),
        ("2025-03-03T23:15:00", D(2025, 3, 3)),
        ("Tue, 07/11/2023 - 17:57", D(2023, 7, 11)),  # Drupal's US meta form: month first
        ("03/04/2024 08:15:00", D(2024, 3, 4)),
        ("14/03/2024 08:15", D(2024, 3, 14)),  # a part over 12 forces day first
        ("Tue, 07 Nov 2023 23:30:00 -0500", D(2023, 11, 7)),  # RFC 822
    ],
)
def test_without_a_site_zone_a_timestamp_keeps_its_day_as_written(
    stamp: str, expected: dt.date
) -> None:
    assert parse_timestamp(stamp) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publié le 3 juill. 2024", D(2024, 7, 3)),
        ("Publié le jeu. 12 sept. 2024 à 10:34", D(2024, 9, 12)),
        ("Von Lena Vogt, 04 Dezember, 2023", D(2023, 12, 4)),
        ("am 3. März 2024", D(2024, 3, 3)),
        ("Okt. 5, 2022", D(2022, 10, 5)),
        ("5 févr. 2021", D(2021, 2, 5)),
    ],
)
def test_month_names_and_abbreviations_of_the_vocabulary(text: str, expected: dt.date) -> None:
    assert parse_date_text(text) == expected


def test_german_labels() -> None:
    assert labelled_date("Erschienen am: 13.03.2024", "published") == D(2024, 3, 13)
    assert labelled_date("Letzte Änderung: 12.03.2024 - 09:10:11", "modified") == D(2024, 3, 12)


def test_slash_dates_are_day_first_unless_the_page_writes_them_month_first() -> None:
    assert parse_date_text("07/11/2023") == D(2023, 11, 7)
    assert slash_order(["Content current as of: 07/14/2023"]) is True
    assert slash_order(["14/07/2023", "07/14/2023"]) is False  # contradictory: day first stays
    assert parse_date_text("07/11/2023", month_first=True) == D(2023, 7, 11)
    assert parse_date_text("07.11.2023", month_first=True) == D(2023, 11, 7)  # dots: day first


def test_a_year_alone_is_no_date() -> None:
    assert parse_date_text("© 2023 Le Journal") is None
    assert parse_stamp("2023") is None


def test_utc_stamps_are_known_as_such() -> None:
    stamp = parse_stamp("2024-03-06T02:15:00Z")
    assert stamp is not None and stamp.is_utc
    assert stamp.day_in(ZoneInfo("America/New_York")) == D(2024, 3, 5)
    local = parse_stamp("2024-03-06T02:15:00+01:00")
    assert local is not None and not local.is_utc


def test_the_crawler_reads_timestamps_with_the_same_parser() -> None:
    assert parse_instant("2025-06-03") == dt.datetime(2025, 6, 3, tzinfo=dt.UTC)
    assert parse_instant("Tue, 03 Jun 2025 10:00:00 GMT") == dt.datetime(
        2025, 6, 3, 10, tzinfo=dt.UTC
    )
    assert parse_instant("2025-06-03T12:00:00+02:00") == dt.datetime(2025, 6, 3, 10, tzinfo=dt.UTC)
    assert parse_instant("nonsense") is None


def test_has_digit_is_the_regex_digit_test() -> None:
    import re

    from scraper.dates import has_digit, iter_dates

    for text in (
        "",
        "Publié le",
        "Publié le 3 juin 2025",
        "vol. 7",
        "٣ يونيو",
        "x²",
        "１２",
        "\u0660",
    ):
        assert has_digit(text) == bool(re.search(r"\d", text)), text
    # digits that only folding makes ones ("³" -> "3"): the dates parser still reads them
    assert list(iter_dates("³ juin ²⁰²⁵")) == [(0, dt.date(2025, 6, 3))]


_STORY = "Le conseil communal a voté le budget de la nouvelle piscine après un long débat. " * 4


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('<div data-created="2024-01-01">x</div>', D(2024, 1, 1)),
        ('<div data-created="01.01.2024">x</div>', D(2024, 1, 1)),
        ('<div data-created="1/1/24">x</div>', D(2024, 1, 1)),
        ("<!-- generated on 1 January 2024 -->", D(2024, 1, 1)),
        ("<!-- generated on January 1, 2024 -->", D(2024, 1, 1)),
        ("<!-- ١/١/٢٠٢٤ -->", D(2024, 1, 1)),  # Arabic-Indic digits: the date pattern reads them
        ("", None),  # the footer's "© 2024" alone: a year is no day
        ('<div data-created="1/1/2023">x</div>', None),  # another year's 1 January
    ],
)
def test_htmldate_gives_1_january_only_where_the_page_writes_it(
    extra: str, expected: dt.date | None
) -> None:
    """htmldate completes a lone year ("© 2024") to 1 January; that day is the publication day
    only when the page writes it as a full date, in any form the date pattern reads."""
    from scraper.extract import extract_article
    from scraper.sites import generic_profile

    html = (
        f"<html><head><title>Piscine</title></head><body><article><h1>La piscine</h1>"
        f"<p>{_STORY}</p></article>{extra}<footer>© 2024 Ville</footer></body></html>"
    )
    article = extract_article(
        html, "https://ville.example/actualites/piscine/", profile=generic_profile()
    )
    assert article.published == expected
    if expected:
        assert article.sources["published"] == "htmldate"
