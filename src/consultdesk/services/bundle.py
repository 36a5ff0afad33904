"""What this installation carries, for the ui: the app's name, version and bundled folders.

Re-exported from ``consultdesk.paths`` so the ui depends on services and domain only.
"""

from __future__ import annotations

from consultdesk import __version__
from consultdesk.paths import APP_NAME, resources_dir, templates_dir

__all__ = ["APP_NAME", "__version__", "resources_dir", "templates_dir"]
