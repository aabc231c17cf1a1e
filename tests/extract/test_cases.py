"""The shared extraction cases of issue 10 (contacts, related cards, canonical URLs, JSON-LD,
dates in scripts, titles, charsets) and a sibling variant of each, as tests inside the project.

Pages and expectations are in tests/fixtures/cases/ (see PROVENANCE.md there). Each page is
extracted with the profile its URL picks (`profile_for_url`: the generic base for every host
here), so case 41 passes without the hub.brussels profile.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.sites import profile_for_url

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"
#: page URL and HTTP charset of each case (from the shared set's urls.json; the variants' own)
PAGES: dict[str, tuple[str, str | None]] = {
    "01-jsonld-trailing-semicolon": ("https://news.example.org/fr/news/mission-economique-quebec/", None),
    "01b-jsonld-trailing-comment": ("https://news.example.org/nl/nieuws/handelsmissie-vancouver/", None),
    "02-jsonld-control-chars": ("https://news.example.org/en/news/hydrogen-buses-airport/", None),
    "02b-jsonld-control-chars-in-headline": ("https://news.example.org/fr/news/velos-partages-uccle/", None),
    "03-jsonld-html-escaped": ("https://news.example.org/nl/nieuws/start-ups-lissabon/", None),
    "03b-jsonld-html-escaped-graph": ("https://news.example.org/en/news/food-start-ups-investors/", None),
    "05-url-date-vs-meta": ("https://weekly.example.com/2018/05/18/veterans-recall-mountain-rescue-912343.html", None),
    "05b-url-date-vs-meta": ("https://weekly.example.com/2021/09/13/harbour-town-pier-77120.html", None),
    "11-date-in-script-literal": ("https://news.example.org/fr/news/commercants-travaux-tram/", None),
    "11b-date-in-script-literal": ("https://news.example.org/nl/nieuws/winkeliers-werken-tram/", None),
    "12-title-sitename-and-dash": ("https://journal.example.be/fr/news/nouvelle-liaison-montreal/", None),
    "12b-title-sitename-and-dash": ("https://post.example.com/en/news/antwerp-rotterdam-freight/", None),
    "13-charset-header-lies": ("https://news.example.org/fr/news/economie-circulaire-pme/", "utf-8"),
    "13b-charset-header-lies": ("https://news.example.org/nl/nieuws/horeca-zoekt-personeel/", "utf-8"),
    "14-canonical-homepage": ("https://news.example.org/en/news/tech-meetup-400-founders/", None),
    "14b-canonical-homepage": ("https://journal.example.be/fr/news/salon-emploi-metiers-techniques/", None),
    "40-contact-card-links-per-line": ("https://agency.example/nl/nieuws/start-ups-oslo/", None),
    "40b-contact-card-bem-two-phones": ("https://agence.example/fr/actualites/start-ups-montreal/", None),
    "41-related-then-footer-menus": ("https://agence.example/fr/actualites/mission-chili/", None),
    "41b-related-then-footer-menus": ("https://agentschap.example/nl/nieuws/missie-vietnam/", None),
}  # fmt: skip


def _diff(record: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    return [
        f"{key}:\n    expected: {json.dumps(want, ensure_ascii=False)}\n"
        f"    got:      {json.dumps(record.get(key), ensure_ascii=False)}"
        for key, want in expected.items()
        if record.get(key) != want
    ]


def test_every_case_file_is_listed() -> None:
    """No case file sits untested: each is in this table or in the dates-and-titles one."""
    from .test_cases_dates_titles import URLS as DATE_AND_TITLE_CASES

    names = {p.name.removesuffix(".expected.json") for p in CASES.glob("*.expected.json")}
    assert names == set(PAGES) | set(DATE_AND_TITLE_CASES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_case_gives_expected_fields(name: str) -> None:
    url, charset = PAGES[name]
    expected = json.loads((CASES / f"{name}.expected.json").read_text(encoding="utf-8"))
    html = (CASES / f"{name}.html").read_bytes()
    record = extract_article(html, url, encoding=charset, profile=profile_for_url(url)).to_dict()
    problems = _diff(record, expected)
    assert not problems, f"{name}\n" + "\n".join(problems)


def test_case_41_needs_no_hub_profile() -> None:
    url = PAGES["41-related-then-footer-menus"][0]
    assert profile_for_url(url).key == "base"
    assert profile_for_url("https://www.hub.brussels/fr/news/x/").key == "hub_brussels"
