"""The standfirst (lead) and the article text (body) from the content blocks."""

from __future__ import annotations

from scraper.extract.blocks import Block
from scraper.extract.page import Page
from scraper.text import fold, normalize_text

Found = tuple[str, str] | None
_MIN_LEAD = 40


def _lead_block(page: Page) -> tuple[list[Block], str] | None:
    marked = [b for b in page.blocks if b.role == "lead"]
    if marked:
        return marked, "profile"
    first = next((b for b in page.blocks if not b.is_heading and b.role is None), None)
    if first is None or len(first.text) < _MIN_LEAD:
        return None
    description = page.signals.first_meta("description", "og:description", "twitter:description")
    if description:
        probe = fold(description).rstrip(".… ")[:80]
        if probe and fold(first.text).startswith(probe):
            return [first], "meta"
    if first.bold:
        return [first], "text"
    return None


def extract_lead(page: Page) -> Found:
    """The standfirst: profile-marked element, else the first paragraph when the meta description
    repeats it or it is set in bold; a lead printed outside the content container counts too."""
    found = _lead_block(page)
    if found:
        blocks, layer = found
        for block in blocks:
            block.role = "lead"
        return "\n\n".join(b.text for b in blocks), layer
    scope = page.article_scope()
    if scope is not None:
        for tag in page.matched("lead", scope):
            if page.in_related(tag):
                continue
            text = normalize_text(tag.get_text(" "))
            if len(text) >= _MIN_LEAD:
                return text, "profile"
    return None


def extract_body(page: Page, lead: str | None, title: str | None) -> Found:
    """The article text: paragraphs and subheadings separated by blank lines, without the lead,
    the headline, the contact blocks and everything around the article."""
    skip = {fold(x) for x in (lead, title) if x}
    paragraphs = [b.text for b in page.blocks
                  if b.role not in ("lead", "contact") and fold(b.text) not in skip]
    if not paragraphs:
        return None
    return "\n\n".join(paragraphs), "profile" if page.root_from_profile else "text"
