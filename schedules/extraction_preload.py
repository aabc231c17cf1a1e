"""Imported by the crawl's extraction forkserver, and only there (`schedules.pipeline`): warms the
extractor up once (`schedules.extraction.warm_up`), so that every extraction process forked from
the server starts with it ready. The one module of the package that does work when imported:
that is what a forkserver preload is."""

from schedules.extraction import warm_up

warm_up()
