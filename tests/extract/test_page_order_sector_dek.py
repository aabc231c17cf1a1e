"""Issue 13, second round: three kinds of record error, each on pages written here in other
markup and languages: slash dates read in one page-level order (an "Updated" line and a rail's
teasers month first when another slash date of the page forces it), the article's own sector
(never a related card's, never with its field label; a news section link above the headline),
and a dek written as a heading under the headline taken as the lead."""

from __future__ import annotations

import pytest

from scraper.extract import extract_article
from scraper.sites import generic_profile

# 1. one slash-date order for the page: a comment or a rail teaser with a part over 12 makes
#    every slash date of the page month first, the "Updated" line and every card included

_MONTH_FIRST_PAGES = {
    # a trade magazine: "Updated" line under the byline, a "Latest" rail, a dated comment
    "en_rail_comment": (
        "<html lang='en'><body><div class='wrap'><main><article><h1>Port of Antwerp opens a "
        "hydrogen terminal</h1><p class='byline'>By Dana Moss · March 2, 2026</p>"
        "<p class='stamp'>Updated 3/4/2026 4:12 PM ET</p>"
        "<p>The terminal will receive its first ship in May and store green ammonia for three "
        "chemical plants along the Scheldt, its operator said on Monday.</p>"
        "<p>Two more berths are planned for the end of the decade, if demand follows.</p>"
        "</article><section class='comments'><h3>Comments</h3><div class='comment'>"
        "<span class='who'>kj_lee</span> <span class='when'>3/14/2026</span>"
        "<p>Good news for the region.</p></div></section></main>"
        "<aside class='latest'><h2>Latest News</h2><ul>"
        "<li><a href='/news/rail-freight-record/'>Rail freight hits a record</a> "
        "<span class='date'>3/5/2026</span></li>"
        "<li><a href='/news/barge-fuel/'>Barge operators switch fuels</a> "
        "<span class='date'>2/9/2026</span></li></ul></aside></div></body></html>",
        "https://freightweek.example/news/hydrogen-terminal/",
        "2026-03-04",
        ["2026-03-05", "2026-02-09"],
    ),
    # another template: a "Last updated" definition list, teaser cards as `<article>`s, the
    # order forced by a teaser's own date (12/22/2025)
    "en_dl_cards": (
        "<html lang='en'><body><div id='page'><div class='post'><h1>City council backs a "
        "four-day week trial</h1><dl class='facts'><dt>Posted</dt><dd>January 5, 2026</dd>"
        "<dt>Last updated</dt><dd>01/07/2026</dd></dl>"
        "<div class='text'><p>Two hundred clerks will work four longer days from April, and the "
        "council will publish what it learns after six months.</p><p>The unions asked for a "
        "review of overtime rules first.</p></div></div><div class='more'><h2>More stories</h2>"
        "<article class='teaser'><a href='/stories/library-hours/'>Libraries open later</a>"
        "<p>01/02/2026</p></article>"
        "<article class='teaser'><a href='/stories/snow-plan/'>A new snow plan</a>"
        "<p>12/22/2025</p></article></div></div></body></html>",
        "https://citydesk.example/stories/four-day-week/",
        "2026-01-07",
        ["2026-01-02", "2025-12-22"],
    ),
}


@pytest.mark.parametrize("name", sorted(_MONTH_FIRST_PAGES))
def test_a_page_forced_month_first_reads_every_slash_date_month_first(name: str) -> None:
    html, url, modified, related = _MONTH_FIRST_PAGES[name]
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert record["modified"] == modified
    assert [c["published"] for c in record["related"]] == related


def test_a_day_first_page_keeps_its_order() -> None:
    # the same page with a day-first comment (14/03/2026): nothing forces month first
    html, url, _, _ = _MONTH_FIRST_PAGES["en_rail_comment"]
    html = html.replace("3/14/2026", "14/3/2026").replace("2/9/2026", "9/2/2026")
    record = extract_article(html, url, profile=generic_profile()).to_dict()
    assert record["modified"] == "2026-04-03"
    assert [c["published"] for c in record["related"]] == ["2026-05-03", "2026-02-09"]
