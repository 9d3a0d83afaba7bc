"""Corpus: the persistent store, import and extract-once, human review, actor merging, access roles."""
