"""Extraction: one article page (HTML) in, one normalised `Article` record out; pure, never raises."""

from scraper.extract.article import extract_article

__all__ = ["extract_article"]
