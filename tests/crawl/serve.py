"""Serve the fixture site on 127.0.0.1 for a demo or a manual crawl; optionally crawl it once.

python -m tests.crawl.serve --port 8765              # serve until Ctrl-C
python -m tests.crawl.serve --crawl-into demo.db      # serve, crawl into demo.db, stop
python -m tests.crawl.serve --shape dated             # a site the profile does not know
"""

from __future__ import annotations

import argparse
import time

from schedules.cli import main as hubarchive

from .othersite import SHAPES, OtherSite
from .site import LISTINGS, FixtureSite, SiteServer, serve_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.crawl.serve",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument("--articles", type=int, default=30, help="number of articles")
    parser.add_argument(
        "--crawl-into",
        metavar="DB",
        help="crawl the site once into this archive (URL or SQLite path), then stop",
    )
    parser.add_argument(
        "--shape",
        choices=sorted(SHAPES),
        help="serve a small site with URL shapes the hub.brussels profile does not know "
        "(crawled by the generic rule) instead of the hub.brussels-like site",
    )
    args = parser.parse_args(argv)
    if args.shape:
        other = OtherSite(SHAPES[args.shape], args.articles)
        server = SiteServer(other.handle, port=args.port).start()
        listings = [other.shape.listing]
    else:
        server = serve_site(FixtureSite(args.articles, per_page=10), port=args.port)
        listings = list(LISTINGS.values())
    with server:
        starts = [f"{server.base_url}{path}" for path in listings]
        crawl = ["crawl", "--delay", "0"] + [a for url in starts for a in ("--start-url", url)]
        if args.crawl_into:
            db = args.crawl_into if "://" in args.crawl_into else f"sqlite:///{args.crawl_into}"
            try:
                hubarchive.main([*crawl, "--db", db], prog_name="hubarchive")
            except SystemExit as exit_:
                return int(exit_.code or 0)
            return 0
        print(f"fixture site of {args.articles} articles on {server.base_url}; crawl it with:")
        print("  hubarchive " + " ".join(crawl) + " --db demo.db")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
