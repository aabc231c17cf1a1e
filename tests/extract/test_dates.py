"""Dates as people write them in French, Dutch and English, and machine timestamps, to the Brussels day."""

from __future__ import annotations

import datetime as dt

import pytest

from scraper.extract.dates import labelled_date, parse_date_text, parse_timestamp

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
    assert parse_timestamp(stamp) == expected
