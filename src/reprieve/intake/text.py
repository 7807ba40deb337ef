"""What intake says to a person, in English and Spanish: one table, one function."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("en", "es")

TEXT: dict[str, dict[str, str]] = {
    "confirm": {
        "en": "We read {what} as '{value}' ('{label}', page {page} of {file}). Is that right?",
        "es": "Leímos {what}: «{value}» («{label}», página {page} de {file}). ¿Es correcto?",
    },
    "confirm_unsure": {
        "en": "We read {what} as '{value}' ('{label}', page {page} of {file}), but we are not sure: {why}. "
              "Is that right?",
        "es": "Leímos {what}: «{value}» («{label}», página {page} de {file}), pero no estamos seguros: {why}. "
              "¿Es correcto?",
    },
    "missing": {
        "en": "We could not find {what} on the papers you gave us. What is it?",
        "es": "No encontramos {what} en los papeles que nos dio. ¿Cuál es?",
    },
    "where_judgment": {
        "en": "The judgment ('Judgment in a Criminal Case', form AO 245B or AO 245C), {place}.",
        "es": "La sentencia («Judgment in a Criminal Case», formulario AO 245B o AO 245C), {place}.",
    },
    "where_sheet": {
        "en": "The BOP's 'Sentence Monitoring Computation Data' sheet (ask your case manager for a copy), line "
              "'{place}'.",
        "es": "La hoja del BOP «Sentence Monitoring Computation Data» (pídale una copia a su administrador de "
              "caso), línea «{place}».",
    },
    "would_change_dates": {
        "en": "Every date reprieve computes: when the sentence ends and when release can come.",
        "es": "Todas las fechas que calcula reprieve: cuándo termina la condena y cuándo puede llegar la libertad.",
    },
    "would_change_law": {
        "en": "Which laws apply to the sentence, and what it would be under today's law.",
        "es": "Qué leyes se aplican a la condena y cuál sería con la ley de hoy.",
    },
    "would_change_identity": {
        "en": "The name and numbers on every letter and motion reprieve drafts.",
        "es": "El nombre y los números en cada carta y moción que prepara reprieve.",
    },
    "would_change_court": {
        "en": "Which court the motion goes to, and which circuit's law applies.",
        "es": "A qué tribunal va la moción y qué ley del circuito se aplica.",
    },
    "would_change_bop": {
        "en": "The comparison between reprieve's dates and the BOP's own.",
        "es": "La comparación entre las fechas de reprieve y las del propio BOP.",
    },
    "and": {"en": "and", "es": "y"},
    "yes": {"en": "yes", "es": "sí"},
}

# Field names in plain words (the 'what' of a question), by the last part of the field path.
FIELDS: dict[str, dict[str, str]] = {
    "district": {"en": "the federal district court", "es": "el tribunal federal de distrito"},
    "docket": {"en": "the case number", "es": "el número de caso"},
    "judge": {"en": "the judge's name", "es": "el nombre del juez"},
    "name": {"en": "the name of the person sentenced", "es": "el nombre de la persona condenada"},
    "register_number": {"en": "the BOP register (USM) number", "es": "el número de registro del BOP (USM)"},
    "imposed_on": {"en": "the date the sentence was imposed", "es": "la fecha en que se dictó la condena"},
    "amended_on": {"en": "the date of the amended judgment", "es": "la fecha de la sentencia modificada"},
    "counts": {"en": "the counts of conviction", "es": "los cargos de la condena"},
    "count": {"en": "the count number", "es": "el número del cargo"},
    "statute": {"en": "the statute of conviction", "es": "la ley de la condena"},
    "penalty": {"en": "the penalty provision", "es": "la disposición de la pena"},
    "nature_of_offense": {"en": "the offense", "es": "el delito"},
    "offense_ended": {"en": "the date the offense ended", "es": "la fecha en que terminó el delito"},
    "drug": {"en": "the drug", "es": "la droga"},
    "quantity": {"en": "the drug quantity", "es": "la cantidad de droga"},
    "months": {"en": "the prison term in months", "es": "la condena de prisión en meses"},
    "days": {"en": "the extra days of the prison term", "es": "los días adicionales de la condena"},
    "life": {"en": "a life term", "es": "una condena de por vida"},
    "consecutive_to": {"en": "the counts this term runs after", "es": "los cargos después de los cuales corre esta "
                                                                      "condena"},
    "total_months": {"en": "the total prison term in months", "es": "la condena total de prisión en meses"},
    "total_days": {"en": "the extra days of the total term", "es": "los días adicionales de la condena total"},
    "total_life": {"en": "a total term of life", "es": "una condena total de por vida"},
    "supervised_release_months": {"en": "the term of supervised release", "es": "el período de libertad "
                                                                                 "supervisada"},
    "relation": {"en": "how this sentence runs with earlier ones", "es": "cómo corre esta condena con las "
                                                                         "anteriores"},
    "counts_dismissed": {"en": "the counts dismissed", "es": "los cargos desestimados"},
    "amendment_reason": {"en": "the reason for the amended judgment", "es": "el motivo de la sentencia modificada"},
    "commenced_on": {"en": "the date the BOP's computation began", "es": "la fecha en que empezó el cómputo del "
                                                                         "BOP"},
    "prior_custody_days": {"en": "the jail credit in days", "es": "el crédito por tiempo en la cárcel, en días"},
    "gct_disallowed_days": {"en": "the good conduct time disallowed", "es": "el tiempo de buena conducta negado"},
    "gct_forfeited_days": {"en": "the good conduct time forfeited", "es": "el tiempo de buena conducta perdido"},
    "sheet_as_of": {"en": "the date of the BOP's sheet", "es": "la fecha de la hoja del BOP"},
    "computation_began_on": {"en": "the date the BOP's computation began", "es": "la fecha en que empezó el "
                                                                                 "cómputo del BOP"},
    "jail_credit_days": {"en": "the BOP's jail credit", "es": "el crédito por cárcel según el BOP"},
    "full_term_date": {"en": "the BOP's full term date", "es": "la fecha de término completo según el BOP"},
    "statutory_release_date": {"en": "the BOP's statutory release date", "es": "la fecha de liberación "
                                                                               "estatutaria según el BOP"},
    "projected_release_date": {"en": "the BOP's projected release date", "es": "la fecha de liberación "
                                                                               "proyectada según el BOP"},
    "release_method": {"en": "how the BOP projects release", "es": "cómo proyecta el BOP la liberación"},
    "home_detention_date": {"en": "the BOP's home detention eligibility date", "es": "la fecha de elegibilidad "
                                                                                     "para detención domiciliaria"},
    "gct_earned_days": {"en": "the good conduct time earned", "es": "el tiempo de buena conducta ganado"},
    "gct_earned_and_projected_days": {"en": "the good conduct time earned and projected",
                                      "es": "el tiempo de buena conducta ganado y proyectado"},
    "fsa_credits_days": {"en": "the FSA time credits applied", "es": "los créditos de tiempo de la FSA aplicados"},
}

WHY: dict[str, dict[str, str]] = {
    "ocr": {"en": "the copy was hard to read", "es": "la copia era difícil de leer"},
    "fixed": {"en": "some characters looked like others", "es": "algunos caracteres se parecían a otros"},
    "disagree": {"en": "the papers do not all say the same", "es": "los papeles no dicen todos lo mismo"},
    "derived": {"en": "we worked it out from the description of the offense",
                "es": "lo dedujimos de la descripción del delito"},
    "handwriting": {"en": "there is handwriting or a correction beside it",
                    "es": "hay algo escrito a mano o una corrección al lado"},
    "total": {"en": "the terms of the counts do not add up to the total",
              "es": "las condenas de los cargos no suman el total"},
    "district": {"en": "we do not know a court by that name", "es": "no conocemos un tribunal con ese nombre"},
    "spelled": {"en": "the number in words and the number in digits are not the same",
                "es": "el número en letras y el número en cifras no son el mismo"},
    "second": {"en": "a second, closer reading of the copy gave something else",
               "es": "una segunda lectura, más de cerca, de la copia dio otra cosa"},
}


def say(key: str, lang: str = "en", **values: Any) -> str:
    table = TEXT[key]
    return table.get(lang, table["en"]).format(**values)


def field_words(path: str, lang: str = "en") -> str:
    last = path.rsplit(".", 1)[-1].split("[", 1)[0]
    words = FIELDS.get(last)
    return words.get(lang, words["en"]) if words else last.replace("_", " ")


def why_words(key: str, lang: str = "en") -> str:
    return WHY[key].get(lang, WHY[key]["en"])
