"""Contributions in the desktop app: contributors, assigning, the board, receiving, merging."""
