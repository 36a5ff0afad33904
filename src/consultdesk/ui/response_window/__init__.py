"""The response window, where officials draft one response."""

from consultdesk.ui.response_window.window import ResponseWindow

__all__ = ["ResponseWindow"]
