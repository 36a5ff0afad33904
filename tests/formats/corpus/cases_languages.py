"""Corpus documents in French, Spanish and German."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from .base import CNS, C, Case, Q, W, bold, title
from .wordml import add_checkbox_control, add_list_definition, numbered


# -- 6. French -------------------------------------------------------------------------------
def _french(path: Path) -> None:
    doc = Document()
    title(doc, "Questionnaire sur la liberté de réunion pacifique")
    doc.add_paragraph("Nom de l'État :")
    doc.add_paragraph("Personne de contact :")
    doc.add_heading("Questions", level=1)
    doc.add_paragraph("1. Quelles mesures ont été prises pour faciliter les réunions "
                      "pacifiques ? (5 000 caractères maximum)")
    doc.add_paragraph("2. Veuillez décrire le cadre juridique applicable. La réponse ne doit "
                      "pas dépasser 500 mots.")
    doc.add_paragraph("3. Comment les forces de l'ordre sont-elles formées ? (environ 300 mots)")
    doc.add_paragraph("4. Existe-t-il un recours effectif ? ☐ Oui ☐ Non")
    doc.save(path)


FRENCH = Case(
    "french", _french, "Questionnaire sur la liberté de réunion pacifique",
    [
        Q("1", "Quelles mesures ont été prises pour faciliter les réunions pacifiques ?",
          (5000, C, False)),
        Q("2", "Veuillez décrire le cadre juridique applicable.", (500, W, False)),
        Q("3", "Comment les forces de l'ordre sont-elles formées ?", (300, W, True)),
        Q("4", "Existe-t-il un recours effectif ?", None, "single_choice", ("Oui", "Non")),
    ],
    ["Nom de l'État", "Personne de contact"],
    language="fr",
)


# -- 7. Spanish, check-box content controls ----------------------------------------------------
def _spanish(path: Path) -> None:
    doc = Document()
    title(doc, "Cuestionario sobre el derecho a la alimentación")
    doc.add_paragraph("Nombre del Estado:")
    doc.add_heading("Preguntas", level=1)
    doc.add_paragraph("1. ¿Qué políticas existen para garantizar el acceso a alimentos "
                      "nutritivos? (máximo 500 palabras)")
    doc.add_paragraph("2. ¿Existe una ley marco sobre el derecho a la alimentación?")
    p = doc.add_paragraph()
    add_checkbox_control(p, "Sí")
    add_checkbox_control(p, "No")
    doc.add_paragraph("En caso afirmativo, sírvase explicar:")
    doc.add_paragraph("3. Describa los programas de alimentación escolar. No más de 1.500 "
                      "caracteres sin espacios.")
    doc.save(path)


SPANISH = Case(
    "spanish", _spanish, "Cuestionario sobre el derecho a la alimentación",
    [
        Q("1", "¿Qué políticas existen para garantizar el acceso a alimentos nutritivos?",
          (500, W, False)),
        Q("2", "¿Existe una ley marco sobre el derecho a la alimentación?", None,
          "single_choice", ("Sí", "No")),
        Q("", "En caso afirmativo, sírvase explicar"),
        Q("3", "Describa los programas de alimentación escolar.", (1500, CNS, False)),
    ],
    ["Nombre del Estado"],
    language="es",
)


# -- 17. French, Word numbering "Question %1 :", "Réponse :" lines to write on ----------------
def _french_numbered(path: Path) -> None:
    doc = Document()
    title(doc, "Questionnaire relatif au droit à l'eau")
    doc.add_paragraph("Les réponses ne devraient pas dépasser 1 000 mots par question.")
    doc.add_paragraph("État :")
    doc.add_paragraph("Point focal (nom, fonction, courriel) :")
    num = add_list_definition(doc, [("decimal", "Question %1 :")])
    numbered(doc.add_paragraph("Quelles sont les garanties légales du droit à l'eau ?"), num, 0)
    doc.add_paragraph("Réponse :")
    numbered(doc.add_paragraph("Décrivez les mesures prises pour les populations rurales."),
             num, 0)
    doc.add_paragraph("Réponse :")
    doc.save(path)


FRENCH_NUMBERED = Case(
    "french-numbered", _french_numbered, "Questionnaire relatif au droit à l'eau",
    [
        Q("1", "Quelles sont les garanties légales du droit à l'eau ?", (1000, W, False)),
        Q("2", "Décrivez les mesures prises pour les populations rurales.", (1000, W, False)),
    ],
    ["État", "Point focal (nom, fonction, courriel)"],
    language="fr",
)


# -- 18. Spanish, "Pregunta 1." in bold, an empty answer table under each question ------------
def _spanish_tables(path: Path) -> None:
    doc = Document()
    bold(doc, "Cuestionario sobre pueblos indígenas y consulta previa")
    doc.add_paragraph("Por favor, limite cada respuesta a un máximo de 800 palabras.")
    for i, text in enumerate(["¿Existe un marco legal para la consulta previa?",
                              "Describa un caso reciente de consulta (hasta 2.000 caracteres)."],
                             start=1):
        p = doc.add_paragraph()
        p.add_run(f"Pregunta {i}.").bold = True
        p.add_run(" " + text)
        doc.add_table(rows=1, cols=1).style = "Table Grid"
    doc.add_paragraph("Muchas gracias por su colaboración.")
    doc.save(path)


SPANISH_TABLES = Case(
    "spanish-tables", _spanish_tables, "Cuestionario sobre pueblos indígenas y consulta previa",
    [
        Q("1", "¿Existe un marco legal para la consulta previa?", (800, W, False)),
        Q("2", "Describa un caso reciente de consulta.", (2000, C, False)),
    ],
    language="es",
)


# -- 19. German, "Frage 1:" typed, parts as headings --------------------------------------------
def _german_typed(path: Path) -> None:
    doc = Document()
    doc.add_heading("Fragebogen zur digitalen Verwaltung", 0)
    doc.add_heading("Teil A – Allgemeines", 1)
    doc.add_paragraph("Frage 1: Welche Behörde ist zuständig? (maximal 1.500 Zeichen)")
    doc.add_paragraph("Frage 2: Seit wann gibt es das Online-Portal?")
    doc.add_heading("Teil B – Nutzung", 1)
    doc.add_paragraph("Frage 3: Wie viele Personen nutzen das Portal jährlich? Bitte nicht "
                      "mehr als 300 Wörter.")
    doc.save(path)


GERMAN_TYPED = Case(
    "german-typed", _german_typed, "Fragebogen zur digitalen Verwaltung",
    [
        Q("1", "Welche Behörde ist zuständig?", (1500, C, False)),
        Q("2", "Seit wann gibt es das Online-Portal?"),
        Q("3", "Wie viele Personen nutzen das Portal jährlich?", (300, W, False)),
    ],
    language="de",
)


CASES = [
    FRENCH,
    SPANISH,
    FRENCH_NUMBERED,
    SPANISH_TABLES,
    GERMAN_TYPED,
]
