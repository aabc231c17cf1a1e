"""Invariance: one article record rendered in differently shaped markup gives one content record,
and neutral edits of a page (furniture around the article) leave its content record unchanged.

"The same record" is the same content fields (those in the content hash, `CONTENT_FIELDS`);
`sources` and `warnings` may differ (DECISIONS.md). Records and templates: `renderings.py`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from scraper.extract import extract_article
from scraper.models import CONTENT_FIELDS
from tests.extract.renderings import (
    JSONLD_FIELDS,
    RELATED,
    TEMPLATES,
    Record,
    jsonld_only,
    records,
    wordpress,
)

RECORDS = {r.key: r for r in records()}


def _content(html: str, url: str) -> dict[str, Any]:
    record = extract_article(html, url).to_dict()
    return {name: record[name] for name in CONTENT_FIELDS}


def _diff(a: dict[str, Any], b: dict[str, Any], label: str) -> str:
    lines = [label]
    for key in a:
        if a[key] != b.get(key):
            lines.append(f"  {key}:\n    {json.dumps(a[key], ensure_ascii=False)[:300]}\n"
                         f"    {json.dumps(b.get(key), ensure_ascii=False)[:300]}")  # fmt: skip
    return "\n".join(lines)


def test_twenty_records_in_four_templates() -> None:
    assert len(RECORDS) >= 20 and len(TEMPLATES) >= 4


@pytest.mark.parametrize("key", sorted(RECORDS))
def test_every_template_gives_the_same_content_record(key: str) -> None:
    record = RECORDS[key]
    found = {name: _content(render(record), record.url) for name, render in TEMPLATES.items()}
    reference = found["wordpress_bem"]
    expected = record.expected()
    assert {k: reference[k] for k in expected} == expected, _diff(
        expected, reference, "wordpress_bem against the record"
    )
    for name, content in found.items():
        assert content == reference, _diff(reference, content, f"{name} against wordpress_bem")


@pytest.mark.parametrize("key", sorted(RECORDS))
def test_jsonld_alone_gives_the_fields_it_carries(key: str) -> None:
    record = RECORDS[key]
    content = _content(jsonld_only(record), record.url)
    wanted = {k: v for k, v in record.expected().items() if k in JSONLD_FIELDS}
    assert {k: content[k] for k in JSONLD_FIELDS} == wanted


def _breadcrumb(r: Record) -> str:
    return (
        f'<nav class="breadcrumb" aria-label="breadcrumb"><a href="/{r.lang}/">Home</a> › '
        f'<a href="{RELATED[r.lang][1]}">News</a> › <span>{r.title}</span></nav>'
    )


def _closing(page: str, r: Record) -> str:
    last = r.qa[-1][1] if r.qa else ""
    return page.replace(f"<p>{last}</p>", f"<p>{last}</p>\n<p><strong>Merci !</strong></p>", 1)


def _self_card(page: str, r: Record) -> str:
    card = (
        f'<div class="news-card"><a class="news-card__link" href="{r.url}"><h3 class="news-card__title">'
        f'{r.title}</h3></a><span class="news-card__sector">{r.sector}</span></div>'
    )
    return page.replace('<section class="news-more">', f'<section class="news-more">{card}', 1)


#: neutral edits: (name, how the page changes, content fields the edit may change)
EDITS: list[tuple[str, Callable[[Record], str], tuple[str, ...]]] = [
    ("breadcrumb in the header", lambda r: wordpress(r, chrome=_breadcrumb(r)), ()),
    ("related heading reworded", lambda r: wordpress(r, heading="Ailleurs sur le site"), ()),
    ("related heading absent", lambda r: wordpress(r, heading=""), ()),
    ("interviewer's closing line", lambda r: _closing(wordpress(r), r), ("body",)),
    ("footer contact", lambda r: wordpress(r).replace(
        "<p>© hub.brussels</p>",
        "<p>Jean Dupuis, accueil<br>Rue Royale 2, 1000 Bruxelles<br>+32 2 800 00 00<br>"
        "<a href='mailto:accueil@hub.brussels'>accueil@hub.brussels</a></p>"), ()),
    ("header contact", lambda r: wordpress(r, chrome=(
        "<div class='topbar'>Une question ? <a href='tel:+3228000000'>02 800 00 00</a> "
        "<a href='mailto:info@hub.brussels'>info@hub.brussels</a></div>")), ()),
    ("counter in the meta line", lambda r: wordpress(r).replace(
        "</time></header>", "</time> · <span>1 284 vues</span> · <span>3 min read</span></header>"), ()),
    ("comment counter after the text", lambda r: wordpress(r).replace(
        "</article>", "<p class='comments-count'>💬 12 comments</p></article>"), ()),
    ("whitespace", lambda r: re.sub(r">\s*<", ">\n\n   \t<", wordpress(r)).replace(
        "<p>", "<p>\u00a0 "), ()),
    ("comments in the markup", lambda r: wordpress(r).replace(
        "</p>", "</p><!-- wp:paragraph -->").replace("<h1", "<!-- /wp:heading --><h1"), ()),
    ("share buttons", lambda r: wordpress(r, extra=(
        "<div class='share-bar'>Partager : <a href='https://www.facebook.com/sharer.php?u=x'>"
        "Facebook</a> <a href='https://twitter.com/intent/tweet?url=x'>X</a></div>")), ()),
    ("social links in the footer", lambda r: wordpress(r).replace(
        "<p>© hub.brussels</p>", "<ul class='social'><li><a href='https://www.linkedin.com/"
        "company/hub-brussels/'>LinkedIn</a></li><li><a href='https://www.instagram.com/"
        "hub.brussels/'>Instagram</a></li></ul><p>© hub.brussels</p>"), ()),
    ("cookie banner", lambda r: wordpress(r).replace(
        "<body class=\"single single-post\">", "<body class=\"single single-post\"><div "
        "class='cookie-consent'><p>Ce site utilise des cookies pour mesurer son audience et "
        "améliorer votre expérience de navigation.</p><button>OK</button></div>"), ()),
    ("newsletter form", lambda r: wordpress(r, extra=(
        "<section class='signup'><h2>Restez informé</h2><form action='/newsletter/'>"
        "<input type='email'><button>OK</button></form></section>")), ()),
    ("site menu", lambda r: wordpress(r, chrome=(
        "<nav class='main-menu'><ul>" + "".join(
            f"<li><a href='/{r.lang}/page-{i}/'>Rubrique {i}</a></li>" for i in range(12))
        + "</ul></nav>")), ()),
    ("the article's own card among the related", lambda r: _self_card(wordpress(r), r), ()),
    ("skip link", lambda r: wordpress(r).replace(
        "<header class=\"site-header\">", "<a class='skip-link screen-reader-text' "
        "href='#main'>Aller au contenu</a><header class=\"site-header\">"), ()),
]  # fmt: skip


def test_at_least_fifteen_neutral_edits() -> None:
    assert len(EDITS) >= 15


@pytest.mark.parametrize("edit", [e[0] for e in EDITS])
@pytest.mark.parametrize("key", ["r00_fr", "r01_nl", "r02_en", "r04_nl", "r09_fr"])
def test_a_neutral_edit_leaves_the_content_record_unchanged(key: str, edit: str) -> None:
    record = RECORDS[key]
    _, change, may_change = next(e for e in EDITS if e[0] == edit)
    before = _content(wordpress(record), record.url)
    after = _content(change(record), record.url)
    for name in may_change:
        before.pop(name), after.pop(name)
    assert after == before, _diff(before, after, f"{key}: {edit}")
