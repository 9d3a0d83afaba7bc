"""Test setup lives in pyproject.toml: ``pythonpath`` makes ``core``, ``dashboard`` and ``tests`` importable."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
