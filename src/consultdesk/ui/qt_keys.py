"""Qt enum properties set by their Qt names, for the modules of the first paint.

PySide builds a Qt enum's Python class, and every class beside it in its namespace, the
first time Python names one: ``Qt.AlignmentFlag.AlignCenter`` builds the whole ``Qt``
namespace (93 enums, ~20 ms) before the window it is for can be painted.  Qt's
meta-object reads the same names from a string without Python enums, so the library's
shell sets its few enum properties this way; everything later names them normally.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum_property(target: QObject, name: str, key: str) -> None:
    """Set ``target``'s Qt property ``name`` to the enum or flag value Qt calls ``key``
    (e.g. "AlignCenter"); ValueError if Qt has no such property or value."""
    if target.metaObject().indexOfProperty(name) < 0 or not target.setProperty(name, key):
        raise ValueError(f"{type(target).__name__} has no property {name} = {key}")
