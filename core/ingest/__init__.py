"""Ingest: article text out of files, pasted text and web pages, every bad input one clear message."""
