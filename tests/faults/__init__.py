"""A fault-injecting HTTP server for the reliability tests and benches."""
