"""Reading a user's input file whole, with a size cap and errors fit for the user."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.errors import ConsultDeskError


def read_capped(
    path: Path,
    max_bytes: int,
    error: type[ConsultDeskError],
    what: str,
    *,
    name: str | None = None,
    too_large_error: type[ConsultDeskError] | None = None,
) -> bytes:
    """The file's bytes; refuses files over ``max_bytes`` before reading them.

    Messages name the file (``name`` or the path) and say what it was meant to be,
    e.g. "x.json: the file is too large for an answers file".
    """
    label = name or str(path)
    try:
        if path.stat().st_size > max_bytes:
            raise (too_large_error or error)(f"{label}: the file is too large for {what}")
        return path.read_bytes()
    except OSError as exc:
        raise error(f"{label}: cannot read the file ({exc.strerror or exc})") from None
