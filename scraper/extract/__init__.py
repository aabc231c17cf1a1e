"""Extraction: one article page (HTML) in, one normalised `Article` record out; pure, never raises."""

from scraper.extract.article import ParsedHtml, extract_article, extract_parsed, parse_html

__all__ = ["ParsedHtml", "extract_article", "extract_parsed", "parse_html"]
