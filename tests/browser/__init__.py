"""The web page's browser tests (chromium driven by playwright-core); run.py is their runner."""
