"""One word for one thing in the Japanese interface: a question is 設問 (as in the menus,
the navigator and the preflight), the questionnaire 質問票."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QApplication

from consultdesk.app_context import AppContext
from consultdesk.ui.i18n import Translations
from consultdesk.ui.response_window import ResponseWindow

JA_TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "consultdesk_ja.ts"


def test_a_question_is_always_the_same_word() -> None:
    mixed = []
    for context in ET.parse(JA_TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            if re.search(r"質問(?!票)", text):
                mixed.append((context.findtext("name"), text))
    assert mixed == [], "a question is 設問 in the interface (質問票 the questionnaire)"


def test_the_navigator_says_who_is_editing_a_question_in_japanese(
        qtbot, qapp: QApplication, app_context: AppContext) -> None:
    translations = Translations()
    assert translations.install("ja")
    try:
        rid = app_context.responses.create("ohchr-civic-space-2021")
        window = ResponseWindow(app_context, rid)
        qtbot.addWidget(window)
        window.show()
        window.navigator.set_editors({"q3": ["Sato"], "q4": ["Tanaka", "Suzuki"]})
        assert window.navigator.editors_of("q3") == "Sato さんがこの設問を編集中"
        assert window.navigator.editors_of("q4") == "Tanaka、Suzuki さんがこの設問を編集中"
        assert window.navigator.item("q3").toolTip(0).endswith("\nSato さんがこの設問を編集中")
    finally:
        translations.remove()


def test_two_colleagues_on_a_question_read_as_a_sentence(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create("ohchr-civic-space-2021")
    window = ResponseWindow(app_context, rid)
    qtbot.addWidget(window)
    window.show()
    window.navigator.set_editors({"q4": ["Tanaka", "Suzuki"]})
    assert window.navigator.editors_of("q4") == "Tanaka and Suzuki are editing this question"


def test_a_colon_after_japanese_words_is_full_width() -> None:
    # 「件名(&T)：」 and 41 others; an ASCII ": " after Japanese words looked like a typo.
    mixed = []
    for message in ET.parse(JA_TS).getroot().iter("message"):
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if re.search(r"[\u3040-\u30ff\u3400-\u9fff）]:", text):
            mixed.append(text)
    assert mixed == [], "use the full-width colon ： after Japanese words"
