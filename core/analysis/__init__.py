"""Analysis: pure functions over the stance and quotes tables (filters, search, summaries, timeline, networks)."""
