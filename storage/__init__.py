"""hubarchive's archive: schema, migrations, versioned storage of records, search and export.

Never imports requests or bs4: it receives plain records (`scraper.models`) and persists them.
"""
