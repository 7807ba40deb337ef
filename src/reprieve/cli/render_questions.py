"""Human output for the questions still worth asking: numbered, most decisive first, each with how to answer it,
where to find the answer and what it would change."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from reprieve.assess.questions import Asked

_HOW = {
    "en": {"choice": "one of", "choices": "any of", "yes_no": "yes or no", "date": "a date (YYYY-MM-DD)",
           "partial_date": "a date (YYYY-MM-DD; YYYY-MM or YYYY if that is all you know)",
           "months": "a number of months", "months_or_life": "a number of months, or life", "number": "a number",
           "quantity": "an amount with its unit (e.g. 5 kg)", "text": "in your own words", "group": "several details",
           "list": "a list (or 'none')"},
    "es": {"choice": "una de estas", "choices": "cualquiera de estas", "yes_no": "sí o no", "date": "una fecha "
           "(AAAA-MM-DD)", "partial_date": "una fecha (AAAA-MM-DD; AAAA-MM o AAAA si es todo lo que sabe)",
           "months": "un número de meses", "months_or_life": "un número de meses, o cadena perpetua",
           "number": "un número", "quantity": "una cantidad con su unidad (p. ej. 5 kg)", "text": "con sus palabras",
           "group": "varios datos", "list": "una lista (o 'ninguno')"},
}
_LABELS = {"en": ("Questions that would change an answer, most decisive first", "Answer", "Where to find it",
                  "What it changes", "No question is left: the facts given answer every question reprieve asks."),
           "es": ("Preguntas que cambiarían una respuesta, las más decisivas primero", "Respuesta", "Dónde encontrarlo",
                  "Qué cambia", "No queda ninguna pregunta: los datos dados responden todo lo que reprieve pregunta.")}
_PRESUMED = {"en": ("What these answers presume, and what would change if it is wrong", "if not"),
             "es": ("Lo que suponen estas respuestas, y qué cambiaría si no fuera así", "si no")}


def print_questions(console: Console, questions: list[Asked], language: str) -> None:
    title, answer, where, changes, none = _LABELS.get(language, _LABELS["en"])
    how = _HOW.get(language, _HOW["en"])
    console.print(f"[bold]{title}[/bold]")
    if not questions:
        console.print(none)
        return
    for n, q in enumerate(questions, start=1):
        kind = how.get(q.answer_type.kind, q.answer_type.kind)
        if q.answer_type.choices:
            kind += ": " + ", ".join(q.answer_type.choices)
        console.print(escape(f"{n}. {q.question}"))
        console.print(escape(f"   {answer}: {kind}. {where}: {q.where_to_find}"), style="dim")
        console.print(escape(f"   {changes}: {q.would_change} ({q.field})"), style="dim")


def print_assumptions(console: Console, assumptions: list[dict[str, str]], language: str = "en") -> None:
    """The presumptions the answers rest on, each with what would change if it is wrong (in `language`, as the
    questions are)."""
    if not assumptions:
        return
    title, if_not = _PRESUMED.get(language, _PRESUMED["en"])
    console.print(f"[bold]{title}[/bold]")
    for item in assumptions:
        console.print(escape(f"  - {item['presumed']} ({item['field']}): {item['why']}"))
        console.print(escape(f"    {if_not}: {item['if_instead']}"), style="dim")
