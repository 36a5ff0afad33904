"""Application services: what the UI and the CLI call (domain + storage, no Qt)."""
