"""Views: Altair charts, escaped HTML and export formats built from the tables."""
