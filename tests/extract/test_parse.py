"""The page tree `parse_html` builds (bs4's lxml builder with its namespace steps skipped where
HTML has none) is the tree a stock `BeautifulSoup(html, "lxml")` builds with the same options
from the markup without its comments: same elements and attributes, same document order."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import AttributeDict
from bs4.exceptions import ParserRejectedMarkup

from scraper.extract import parse_html
from scraper.extract.tree import HtmlBuilder, parse_tree

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGES = sorted((FIXTURES / "pages").glob("*.html"))[::5] + sorted(
    (FIXTURES / "seed").glob("*.html")
)

ODD_MARKUP = """<!DOCTYPE html><html xml:lang="fr" lang="fr"><head><title>T</title>
<meta charset="utf-8"><script>var a = "<p>not a tag</p>"; // me@x.be</script></head><body>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
<use xlink:href="#icon"></use><text x="1">svg text</text></svg>
<math><mi>x</mi></math><div {weird}="1" data-x='{"a": 1}' hidden>a <b>b</b> c</div>
<p>unclosed <p>second, a@b.be<template><p>t@x.be</p></template><table><td>cell</table><pre>  kept
  spaces</pre><!-- a comment, c@x.be --><br/><img src="data:image/gif;base64,R0lG" alt=""></body></html>"""


def _stock(text: str) -> BeautifulSoup:
    """bs4's own parse with the options the page tree is built with (class and rel kept as
    strings, attribute values kept as the parser gives them), of the markup without its
    comments (the page tree leaves them out: the text around one stays one text node)."""
    return BeautifulSoup(
        _COMMENT.sub("", text),
        "lxml",
        multi_valued_attributes=None,
        attribute_dict_class=AttributeDict,
    )


_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _shape(soup: BeautifulSoup) -> list[tuple[object, ...]]:
    """Every node in document order with its links (parent, previous and next element and
    sibling, as positions), its class and its name or text: what bs4's searches follow."""
    nodes = [soup, *soup.descendants]
    position = {id(node): i for i, node in enumerate(nodes)}

    def at(node: object) -> int | None:
        return None if node is None else position.get(id(node), -1)

    links = {"parent", "next_element", "previous_element", "next_sibling", "previous_sibling"}
    return [
        (
            "document" if node is soup else type(node).__name__,
            sorted(vars(node)) if node is not soup else None,
            # every other attribute bs4 gives a node (which strings an element holds, whether
            # it keeps white space...), but the parser class
            {
                k: v
                for k, v in vars(node).items()
                if k not in links and k not in ("contents", "parser_class") and node is not soup
            },
            type(node.attrs).__name__ if isinstance(node, Tag) else None,
            (node.name, node.prefix, node.namespace, dict(node.attrs))
            if isinstance(node, Tag)
            else str(node),
            at(node.parent),
            at(node.next_element),
            at(node.previous_element),
            at(node.next_sibling),
            at(node.previous_sibling),
        )
        for node in nodes
    ]


@pytest.mark.parametrize(
    "html",
    [p.read_bytes() for p in PAGES] + [ODD_MARKUP.encode()],
    ids=[p.stem for p in PAGES] + ["odd-markup"],
)
def test_the_page_tree_is_the_tree_bs4_builds(html: bytes) -> None:
    parsed = parse_html(html)
    stock = _stock(parsed.text)
    assert str(parsed.soup) == str(stock)
    assert _shape(parsed.soup) == _shape(stock)
    assert [t.name for t in parsed.soup.find_all(True)] == [t.name for t in stock.find_all(True)]
    # the elements listed while parsing are the tree's, in its order (what the reading walks)
    assert parsed.elements is not None
    assert [id(t) for t in parsed.elements] == [id(t) for t in parsed.soup.find_all(True)]
    # and so are the plain text nodes holding an "@" (where the contact step looks for addresses)
    assert parsed.at_strings is not None
    assert [id(s) for s in parsed.at_strings] == [
        id(s) for s in parsed.soup.descendants if type(s) is NavigableString and "@" in s
    ]
    # and those holding a "/" (where the slash order of the dates is read)
    assert parsed.slash_strings is not None
    assert [id(s) for s in parsed.slash_strings] == [
        id(s) for s in parsed.soup.descendants if type(s) is NavigableString and "/" in s
    ]


def test_threads_reading_pages_at_once_get_their_own_trees() -> None:
    """The builder (and its lxml parser) is kept per thread: pages read at the same time in
    several threads each get their own page's tree."""
    pages = [p.read_bytes() for p in PAGES] * 3
    expected = [str(_stock(parse_html(h).text)) for h in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda h: str(parse_html(h).soup), pages))
    assert got == expected


def test_text_opening_with_a_byte_order_mark_is_parsed_as_bs4_parses_it() -> None:
    text = "\N{BYTE ORDER MARK}<html><body><p>Bonjour</p></body></html>"
    assert str(parse_tree(text).soup) == str(_stock(text))


def test_a_page_the_parser_rejects_at_first_is_parsed_by_bs4s_next_strategy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The short set-up tries the text as it is; when lxml rejects it, bs4's own set-up tries
    its other strategies with a new parser, and the next page is parsed whole."""
    feed = LXMLTreeBuilder.feed
    tries: list[object] = []

    def reject_first(builder: LXMLTreeBuilder, markup: str | bytes) -> None:
        tries.append(markup)
        if len(tries) == 1:
            raise ParserRejectedMarkup("rejected")
        feed(builder, markup)

    text = "<html><body><p>Première page</p></body></html>"
    with monkeypatch.context() as patch:
        patch.setattr(LXMLTreeBuilder, "feed", reject_first)
        tree = parse_tree(text)
    assert len(tries) == 2
    assert str(tree.soup) == str(_stock(text))
    assert [t.name for t in tree.elements] == ["html", "body", "p"]
    after = "<html><body><div>Seconde page</div></body></html>"
    assert str(parse_tree(after).soup) == str(_stock(after))


LINK_MARKUP = """<html><body><div id="box"><p>Plain text and <a href="/x">a link <b>bold</b></a>.</p>
<!-- a comment's text is no text --><script>var s = "script text";</script>
<ul><li><a href="/y">one</a></li><li><a href="/z">two <a href="/w">inner</a></a></li></ul>
<template><a href="/t">in a template</a></template></div></body></html>"""


@pytest.mark.parametrize("html", [LINK_MARKUP, ODD_MARKUP], ids=["links", "odd-markup"])
def test_link_share_is_counted_as_get_text_counts_it(html: str) -> None:
    """`_link_list` counts the link text in one walk: the same as one `get_text` per link."""
    from scraper.extract.blocks import MAX_CONTAINER_LINK_DENSITY, _link_list

    for tag in [parse_html(html).soup, *parse_html(html).soup.find_all(True)]:
        linked = sum(len(a.get_text()) for a in tag.find_all("a"))
        total = len(tag.get_text())
        assert _link_list(tag) == (linked > MAX_CONTAINER_LINK_DENSITY * max(1, total))


@pytest.mark.parametrize(
    "html",
    [p.read_bytes() for p in PAGES] + [ODD_MARKUP.encode(), LINK_MARKUP.encode()],
    ids=[p.stem for p in PAGES] + ["odd-markup", "links"],
)
def test_the_text_nodes_listed_while_parsing_are_every_text_node_of_the_tree(html: bytes) -> None:
    """Every text node (script, style and template text and the doctype included) is listed as
    the parse makes it, in document order: `extract_article` unlinks them all once the record is
    made, so that none is left for the cycle collector."""
    parsed = parse_html(html)
    assert parsed.text_nodes is not None
    assert [id(s) for s in parsed.text_nodes] == [
        id(s) for s in parsed.soup.descendants if isinstance(s, NavigableString)
    ]


def test_the_page_builder_refuses_a_plain_soup() -> None:
    """`HtmlBuilder` keeps the text lxml hands it in a list only a `PageSoup` reads; given to a
    plain `BeautifulSoup`, whose `endData` replaces that list, it read text twice ("alpha" then
    "alphabeta x gamma"): it says so at once instead."""
    with pytest.raises(TypeError, match="PageSoup"):
        BeautifulSoup("<p>alpha</p><p>beta <b>x</b> gamma</p>", builder=HtmlBuilder())
