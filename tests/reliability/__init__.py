"""Quick reliability checks: faults, crashes, hostile input, overlapping runs."""
