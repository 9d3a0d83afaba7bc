"""Evaluation: gold data sets, scoring against them, and the stored accuracy report."""
