"""The composing layer: the crawl job (scraper + storage), the `hubarchive` CLI, cron and systemd files."""
