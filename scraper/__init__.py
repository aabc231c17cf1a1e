"""hubarchive's scraper: fetch (network) -> discover -> extract (pure HTML in, record out)."""

__version__ = "0.1.0"

#: Bumped whenever the extractor's output can change; stored with every archive version.
EXTRACTOR_VERSION = "20"
