"""Long runs behind the `soak` marker (excluded by default; run with `pytest -m soak tests/soak`)."""
