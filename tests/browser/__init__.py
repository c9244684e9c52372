"""Headless-browser helpers for the HTML report tests (Debian's chromium, no driver needed)."""
