"""Extraction: spaCy parse -> actor mentions -> quote attribution -> stance claims -> tables."""
