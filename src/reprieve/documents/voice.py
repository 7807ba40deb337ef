"""Whose voice a free-text description is written in, so that a draft never puts someone's words in the wrong
mouth: a family member's "I work full time and cannot care for her" must not appear in a letter signed by the person
in prison, and "he would be the only caregiver" reads as someone else in a first-person letter.

A description is quoted only in a document whose voice it fits: a neutral statement ("stage IV cancer; chemotherapy
stopped") anywhere; a third-person one in a third-person filing (the motion, the memo); a first- or second-person
one nowhere. What is left out is said in the notes, with the reason.
"""

from __future__ import annotations

import re
from typing import Literal

Voice = Literal["neutral", "first", "second", "third"]
Document = Literal["first", "third"]  # the voice of the document: a letter signed by the person, or a filing about them

_FIRST = re.compile(r"\b(i'm|i've|i'd|i'll|me|my|mine|myself|we|we're|we've|us|our|ours|ourselves)\b", re.I)
_I = re.compile(r"(?<![(\w'.-])I(?![\w')-])(?!\.\w)")  # the pronoun, not "(i)" or a Roman numeral in "type I"
_NUMERAL_BEFORE = ("type", "class", "stage", "grade", "phase", "level", "category", "schedule", "part", "tier")
_SECOND = re.compile(r"\b(you|you're|you've|your|yours|yourself)\b", re.I)
_THIRD = re.compile(r"\b(he|him|his|himself|she|her|hers|herself|he's|she's)\b", re.I)


def voice_of(text: str) -> Voice:
    """The grammatical person a description is written in ('neutral' when it has no personal pronoun)."""
    if _FIRST.search(text) or any(not _numeral(text, m.start()) for m in _I.finditer(text)):
        return "first"
    if _SECOND.search(text):
        return "second"
    if _THIRD.search(text):
        return "third"
    return "neutral"


def fits(text: str, document: Document) -> bool:
    """Whether a description can be quoted as it stands in a document written in `document`'s voice."""
    voice = voice_of(text)
    return voice == "neutral" or (voice == "third" and document == "third")


def _numeral(text: str, at: int) -> bool:
    words = text[:at].split()
    return bool(words) and words[-1].lower().strip(",;:") in _NUMERAL_BEFORE


# What the subject pronoun turns into with the verbs a case file's descriptions use; anything else is not rewritten.
_VERBS = {"has": "have", "is": "am", "was": "was", "will": "will", "would": "would", "can": "can",
          "cannot": "cannot", "could": "could", "does": "do", "did": "did", "had": "had", "needs": "need",
          "uses": "use", "lives": "live", "works": "work", "gets": "get", "takes": "take", "receives": "receive",
          "requires": "require", "cares": "care", "suffers": "suffer", "walks": "walk", "sleeps": "sleep"}
_NOT_A_NOUN = frozenset(("and", "or", "to", "with", "at", "in", "on", "for", "from", "by", "as", "when", "if",
                         "because", "so", "but", "until", "after", "before", "about", "during", "since", "than", "of"))
_PRONOUNS = {"male": ("he", "him", "his", "himself"), "female": ("she", "her", "her", "herself")}


def first_person(text: str, sex: str | None) -> str | None:
    """A description of the person in prison rewritten in their own voice ('his daughter' -> 'my daughter', 'he has
    no siblings' -> 'I have no siblings'), when the case file states the person's sex, so that 'he' and 'his' can
    only be them; None when the text cannot be rewritten safely (someone's own 'I', a verb it does not know)."""
    voice = voice_of(text)
    if voice == "neutral":
        return text
    if voice != "third" or sex not in _PRONOUNS:
        return None
    subject, objective, possessive, reflexive = _PRONOUNS[sex]
    words = re.split(r"(\W+)", text)
    out: list[str] = []
    after_i = False  # the next word is the verb of "I"
    for i, word in enumerate(words):
        if after_i and re.match(r"\w", word):
            after_i = False
            out.append(_VERBS[word.lower()])
            continue
        low = word.lower()
        following = next((w for w in words[i + 1:] if w.strip() and re.match(r"\w", w)), "")
        capital = word[:1].isupper()
        if low == subject:
            verb = _VERBS.get(following.lower())
            if verb is None:
                return None
            out.append("I")
            after_i = True
            continue
        if low == subject + "'s":
            out.append("I'm")
            continue
        if low == reflexive:
            out.append("Myself" if capital else "myself")
            continue
        if low in (possessive, objective):
            gap = words[i + 1] if i + 1 < len(words) else ""
            is_possessive = low == possessive and (low != objective or (
                gap.strip() == "" and following and following.lower() not in _NOT_A_NOUN))
            word = "my" if is_possessive else "me"
            out.append(word.capitalize() if capital else word)
            continue
        out.append(word)
    return "".join(out)
