"""The Qt Widgets desktop application (the only package that imports Qt)."""
