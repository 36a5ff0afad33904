"""The offline notices (library bar, response window banner) as drawn on the light and the
dark palette: calm in both, the words readable (a pale bar glared out of a dark window)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from consultdesk.ui import theme
from consultdesk.ui.library.offline_bar import OfflineBar
from consultdesk.ui.response_window.presence import offline_banner


def luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture(params=["light", "dark"])
def appearance(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = qapp.palette()
    theme.apply(qapp, request.param)
    yield request.param
    qapp.setPalette(before)


def drawn(qtbot, widget: QWidget) -> QImage:
    qtbot.addWidget(widget)
    widget.resize(700, widget.heightForWidth(700) if widget.hasHeightForWidth() else 60)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage()


@pytest.mark.parametrize("kind", ["library bar", "window banner"])
def test_the_notice_reads_on_both_palettes(qtbot, appearance: str, kind: str) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    notice: QWidget = (OfflineBar("db.example.org:5432/consultdesk") if kind == "library bar"
                       else offline_banner(holder))
    notice.setParent(None)  # a window of its own, drawn alone
    image = drawn(qtbot, notice)
    background = image.pixelColor(4, image.height() // 2)  # inside the border, no text
    window = QApplication.palette().color(QApplication.palette().ColorRole.Window)
    # Calm: a notice of the palette's kind (dark on a dark window, light on a light one).
    assert (background.lightness() < 128) == (appearance == "dark")
    assert (window.lightness() < 128) == (appearance == "dark")
    # Readable: the text's ink (the pixels furthest from the background) at 4.5:1 or more.
    pixels = [image.pixelColor(x, y) for x in range(8, min(image.width(), 400), 1)
              for y in range(2, image.height() - 2)]
    ink = max(pixels, key=lambda c: abs(luminance(c) - luminance(background)))
    assert contrast(ink, background) >= 4.5

