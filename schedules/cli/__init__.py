"""The `hubarchive` command line: each command parses its options, calls one library function, formats.

Commands live in one module per area and are registered here; library code never prints or exits.
"""

from __future__ import annotations

import click

from schedules.cli import archive_cmds, crawl_cmd, extract_cmd, read_cmds, view_cmds
from scraper import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="hubarchive")
def main() -> None:
    """hubarchive: crawl, extract and archive news articles with a versioned, queryable history.

    \b
    Example:
      hubarchive crawl                 # the scheduled job (archive: ./hubarchive.db)
      hubarchive search "Silicon Valley" --lang fr
    """


for _module in (extract_cmd, archive_cmds, crawl_cmd, read_cmds, view_cmds):
    _module.register(main)
