"""The shapes of values on judgments and computation sheets, and OCR fixes made only inside those shapes.

OCR confuses O/0, l/I/|/1, S/5, B/8 and reads a checked box as '&' or 'X'. A fix is made only where the shape says a
digit must stand, e.g. the number part of a docket ('2:09CRO0l23' -> '2:09CR00123'), never in a judge's initials;
every value that needed a fix is reported as such, so that its confidence is lowered and the person checks it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from importlib import resources

_TO_DIGIT = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                           "!": "1", "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6", "g": "9",
                           "}": "1", "]": "1", "T": "7", "$": "5"})
DIGITISH = r"[0-9OoQDlI|i!SsBZzGgT\]$]"


@dataclass(frozen=True)
class Fixed:
    value: str
    fixed: bool  # an OCR confusion was corrected to fit the shape


def digits(text: str) -> Fixed:
    out = text.translate(_TO_DIGIT)
    return Fixed(out, out != text)


# --- dates ---------------------------------------------------------------------------------------------------------

MONTHS = {m: n for n, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
            r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
NUMERIC_DATE = re.compile(rf"(?<![\w/]){DIGITISH}{{1,2}}\s?[/\-.]\s?{DIGITISH}{{1,2}}\s?[/\-.]\s?"
                          rf"(?:{DIGITISH}{{4}}|{DIGITISH}{{2}})(?![\w/])")
# the day's two digits may be split by a space ('November | 1, 2004': a 1 read as '|' apart from the next)
LONG_DATE = re.compile(rf"\b({_MONTH_RE})\s+({DIGITISH}(?:\s?{DIGITISH})?)[,.]?\s+({DIGITISH}{{4}})\b", re.IGNORECASE)


def parse_date(text: str) -> tuple[date, bool] | None:
    """A date written m/d/yyyy, mm-dd-yyyy or 'April 20, 2009' -> (date, fixed)."""
    found = find_date(text)
    return (found[0], found[1]) if found else None


def find_date(text: str, at: int = 0) -> tuple[date, bool, int, int] | None:
    """The first date in text[at:]: (date, fixed, start, end)."""
    long = LONG_DATE.search(text, at)
    numeric = NUMERIC_DATE.search(text, at)
    for m in sorted((x for x in (long, numeric) if x), key=lambda x: x.start()):
        if m.re is LONG_DATE:
            day, year = digits(m.group(2).replace(" ", "")), digits(m.group(3))
            day = Fixed(day.value, day.fixed or " " in m.group(2))
            month = MONTHS.get(_month_key(m.group(1)))
            if month is None or not (day.value.isdigit() and year.value.isdigit()):
                continue
            try:
                comma_as_point = text[m.end(2):m.start(3)].strip() == "."
                return (date(int(year.value), month, int(day.value)), day.fixed or year.fixed or comma_as_point,
                        m.start(), m.end())
            except ValueError:
                continue
        parts = re.split(r"\s?[/\-.]\s?", m.group())
        fixed = [digits(p) for p in parts]
        if len(parts) != 3 or not all(f.value.isdigit() for f in fixed):
            continue
        month_n, day_n, year_n = (int(f.value) for f in fixed)
        if year_n < 100:
            year_n += 2000 if year_n < 50 else 1900
        try:
            return date(year_n, month_n, day_n), any(f.fixed for f in fixed), m.start(), m.end()
        except ValueError:
            continue
    return None


def slash_read_as_one(text: str) -> tuple[date, int, int] | None:
    """'7112/2006' -> 7/12/2006: the first slash of m/d/yyyy read as '1' (or 'l', '|'), when only one way of taking
    it out gives a date: (date, start, end). Always an OCR fix."""
    m = re.search(r"(?<![\w/])(\d[\dl|I]{2,3})/(\d{4})(?![\w/])", text)
    if not m:
        return None
    head, year = m.group(1), int(m.group(2))
    found = []
    for i in range(1, len(head) - 1):
        if head[i] in "1l|I" and head[:i].isdigit() and head[i + 1:].isdigit():
            try:
                found.append(date(year, int(head[:i]), int(head[i + 1:])))
            except ValueError:
                continue
    return (found[0], m.start(), m.end()) if len(found) == 1 else None


def slashes_lost(text: str) -> tuple[date, int, int] | None:
    """'172021' -> 1/7/2021: a numeric date whose slashes OCR lost both of (tuning scan 40031's Offense Ended), when
    only one split of the digits before the year gives a month and a day: (date, start, end). Always an OCR fix."""
    m = re.search(r"(?<![\w/])(\d{2,4})((?:19|20)\d{2})(?![\w/])", text)
    if not m:
        return None
    head, year = m.group(1), int(m.group(2))
    found = set()
    for i in range(1, len(head)):
        month, day = head[:i], head[i:]
        if len(month) > 2 or len(day) > 2 or (month.startswith("0") and len(head) < 4):
            continue
        try:
            found.add(date(year, int(month), int(day)))
        except ValueError:
            continue
    return (found.pop(), m.start(), m.end()) if len(found) == 1 else None


def _month_key(word: str) -> str:
    word = word.lower().rstrip(".")
    for name in MONTHS:
        if name.startswith(word[:3]):
            return name
    return word


# --- identifiers ---------------------------------------------------------------------------------------------------

REGISTER = re.compile(rf"(?<![\w-])({DIGITISH}{{5}})\s?[-\u2013~]\s?({DIGITISH}{{3}})(?![\w])")


def register_number(text: str) -> Fixed | None:
    m = REGISTER.search(text)
    if not m:
        return None
    a, b = digits(m.group(1)), digits(m.group(2))
    if not (a.value.isdigit() and b.value.isdigit()):
        return None
    return Fixed(f"{a.value}-{b.value}", a.fixed or b.fixed)


# A federal docket: [division:]yy[-]cr[-]number[-suffixes], or the older 'CR 407-123' shapes.
_DOCKET_CORE = re.compile(rf"^(?P<div>{DIGITISH}\s?:\s?)?(?P<yy>{DIGITISH}{{2}})\s?-?\s?(?P<kind>[CcGg][RrKk]|[Mm][Jj]|"
                          rf"[Pp][Oo])\s?-?\s?(?P<num>{DIGITISH}{{1,6}})(?P<rest>(?:\s?-\s?[0-9A-Za-z]+)*)$")
_DOCKET_OLD = re.compile(rf"^(?P<kind>CR|cr)\s?(?P<num>{DIGITISH}{{3}})\s?-\s?(?P<rest>{DIGITISH}{{2,6}})$")


def docket_year(value: str) -> int | None:
    """The year a case was filed, from its case number ('1:97-cr-00633' -> 1997, 'CR400-00123' -> 2000); None for a
    number that does not carry one. Two digits: a year after this one is of the last century."""
    m = re.match(r"^(?:\d:)?(\d{2})-?(?:cr|mj|po)", value, re.IGNORECASE) or re.match(r"^CR\d(\d{2})-", value)
    if m is None:
        return None
    yy = int(m.group(1))
    return (1900 if yy > date.today().year % 100 + 1 else 2000) + yy


def docket(raw: str) -> Fixed | None:
    """A case number as printed, with OCR fixes in its number parts only."""
    text = re.sub(r"\s*([:\-])\s*", r"\1", raw.strip().strip(".,;)|"))
    m = _DOCKET_CORE.match(text)
    if m:
        out, changed, at = [], False, 0
        for group in ("div", "yy", "kind", "num", "rest"):
            start, end = m.span(group)
            if start < 0:
                continue
            out.append(text[at:start])
            part = m.group(group)
            if group == "kind":
                new = part.replace("G", "C").replace("g", "c").replace("K", "R").replace("k", "r")
            elif group == "rest":  # a defendant number (digits) or a judge's initials (letters)
                pieces = part.split("-")
                new = "-".join(digits(s).value if re.fullmatch(rf"{DIGITISH}*\d{DIGITISH}*", s) or (
                    n == len(pieces) - 1 and n > 1 and re.fullmatch(r"[lI|!SOoBZ]", s)) else s  # '-VMH-I', '-RTB-S'
                               for n, s in enumerate(pieces))
            else:
                new = digits(part).value
                if group == "num" and len(part) == 6 and part[0] in "Oo" and new[1:].isdigit():
                    new = new[1:]  # 'CR0' read as 'CRO0': the letter O doubled the first zero
            changed |= new != part
            out.append(new)
            at = end
        return Fixed("".join(out) + text[at:], changed)
    m = _DOCKET_OLD.match(text)
    if m:
        num, rest = digits(m.group("num")), digits(m.group("rest"))
        return Fixed(f"{m.group('kind')}{num.value}-{rest.value}", num.fixed or rest.fixed)
    if re.fullmatch(r"[0-9A-Za-z:\-]{6,40}", text) and sum(ch.isdigit() for ch in text) >= 4:
        return Fixed(text, False)  # a shape reprieve does not know: read as printed
    return None


# --- names ---------------------------------------------------------------------------------------------------------

def person_name(raw: str) -> str:
    """'VALON MARCEL VAILES' -> 'Valon Marcel Vailes'; 'MCDANIEL' -> 'McDaniel'; mixed case is kept."""
    text = " ".join(raw.replace("\u2019", "'").split()).strip(" ,.;:)|")
    # 'LAKISHA SANCHEZ a', 'ROBERT NGUYEN oe a': specks after a name printed in capitals read as small letters
    text = re.sub(r"(?<=[A-Z]{2})(?:\s+(?:[a-z]{1,2}|[^\w\s]{1,2}))+$", "", text)
    if not text or text != text.upper():
        return text

    def word(w: str) -> str:
        if re.fullmatch(r"[IVX]+", w) and len(w) <= 4:
            return w  # a suffix like III
        if w in ("JR", "JR.", "SR", "SR."):
            return w.title()
        out = "-".join("'".join(p.capitalize() for p in part.split("'")) for part in w.split("-"))
        if re.match(r"Mc[a-z]", out):
            out = "Mc" + out[2:].capitalize()
        return out

    return " ".join(word(w) for w in text.split())


def judge_name(raw: str) -> str:
    text = re.sub(r"^/s/\s*", "", raw.strip())
    text = re.sub(r"(?<=[a-z]{2})['\u2019`](?=[A-Z]\.)", " ", text)  # "Leonie'M.": a speck for the space
    text = re.split(r",?\s*(?:Senior\s+|Chief\s+)?(?:United States|U\.\s?S\.|US)\s+(?:District|Magistrate)|,\s",
                    text)[0]
    # 'Brinkema ae': specks after the last word (not 'Wo od', a word OCR split: asked as such)
    text = re.sub(r"(?<=[A-Za-z.]{3})(?:\s+(?:[a-z]{1,2}|[^\w\s]{1,2}))+$", "", text.strip(" ,"))
    return person_name(text)


# --- statutes, drugs, quantities -----------------------------------------------------------------------------------

_SHORTHAND = re.compile(r"^(\d{1,2})\s*:\s*(\d{2,4}[A-Za-z]?)")


def statute(raw: str) -> Fixed:
    """A 'Title & Section' cell as written, with the '21:846' shorthand spelled out, and OCR's usual damage
    repaired ('$' for '§', 'B41' for '841', '(a) 1)' or '(a)C1)' for '(a)(1)'); `fixed` if a repair was needed."""
    text = " ".join(raw.split())
    # read with a whitelist, OCR runs the words together: '18U.S.C.§§922(g)(1)and924(a)(2)'
    text = re.sub(r"(?<=\))(and|or)(?=[\s\d(]|$)", r" \1", text)
    text = re.sub(r"\b(and|or)(?=\d)", r"\1 ", text)
    text = re.sub(r"(\d+)\s*U\.?\s*S\.?\s*C\.?(?=\s|$|§|\$)", r"\1 U.S.C.", text)
    text = re.sub(r"§\s*§", "§§", text)
    text = re.sub(r"§(?=\d)", "§ ", text)
    m = _SHORTHAND.match(text)
    if m:
        text = f"{m.group(1)} U.S.C. § {m.group(2)}{text[m.end():]}"
    clean = text
    # 'U.S-C.', 'U:S.C.', '0.S.C..'
    text = re.sub(r"^(\d{1,2})[.,]?\s*[U0O][.:,]?\s*S[.:,\-]\s*C\.{0,2}\s*(?=\s|$|§|\$)", r"\1 U.S.C. ", text)
    text = re.sub(r"(?<=U\.S\.C\. )(?:§\s8§|§%|§\s§)(?=\s)", "§§", text)  # '§ 8§', '§%'
    text = re.sub(r"(?<=U\.S\.C\. )(§§?)[.,'`](?=\d)", r"\1 ", text)  # '§.924', "§'1956"
    text = re.sub(r"(?<=[\d)])\s*[.,\u2019'`]?\s*and[.,:\u2019'`]?(?=\s+\d)", " and", text)  # '(1).and 841', 'and. 841'
    text = re.sub(r"(?<=\))[_\u2014\u2013\-]{2,}$", "", text)  # a rule's stroke after the last subsection
    text = re.sub(r"^([0-9IlBSOo]{1,2})[:;]?\s*U\.?\s*S\.?\s*C\.?[,.]?\s*(?=§|\$|\d)",
                  lambda m: digits(m.group(1)).value + " U.S.C. ", text)
    text = re.sub(r"U\.S\.C\.\s*(?:[$S8][$S8§]|§[$S8])\s*(?=\d)", "U.S.C. §§ ", text)
    text = re.sub(r"U\.S\.C\.\s*[$S]\s*(?=\d)", "U.S.C. § ", text)
    text = re.sub(r"(?<![\w])[BS](\d{2})(?=[\s(]|$)", r"8\1", text)
    text = re.sub(r"(?<![\w])(\d{2})[\]|lI!](?=\s?\()", r"\g<1>1", text)  # '84] (b)': a 1 read as ']'
    text = re.sub(r"(\d)\s+\((?=[a-z0-9]\))", r"\1(", text)
    text = re.sub(r"\)\s*[C(\[{]?\s*([0-9])\s*\)", r")(\1)", text)
    text = re.sub(r"^[\u201c\u201d\"'`]+(?=\d)", "", text)  # a speck before the title read as a quote mark
    text = re.sub(r"\bU[LI1l]S\.C\.", "U.S.C.", text)
    text = re.sub(r"(?<=U\.S\.C\. )(?:§\$§|8§|§8|\$§|§\$)(?=\s)", "§§", text)
    text = re.sub(r"(?<=\d)\u00a2(?=[a-z0-9]\))", "(", text)  # '1956¢h)': a parenthesis read as a cent sign
    # the tier first from the penalty as OCR read it: rebuilding its subsections first may take the tier's letter for
    # a parenthesis ('841(b)CIMC)' would become '841(b)(1)(M)': held-out scan 70015)
    text = _drug_penalty(_paragraph_of_841a(text))
    text = _SUBSECTIONS.sub(_subsections, text)
    text = _title_of_section(text)
    text = _drug_penalty(_paragraph_of_841a(text))  # again once the subsections are rebuilt: '841 (aC)'
    text = re.sub(r"\band\(", "and (", text)
    text = re.sub(r"(?<=\s)(?:[^\w\s§()&]|_)+(?=\s|$)", "", text)  # a speck read as '=', '.' or '—_—' between words
    # ... or as a letter or two after the last section or subsection ('846 os', '924(a)(2) oe'): no cell ends so
    text = re.sub(r"(?<=[\d)])(?:\s+[a-z]{1,2})+$", "", text)
    text = " ".join(text.split())
    return Fixed(text, text != clean)


# A title read as no number, or as a number the section is not in ('2EUSC. § 846', 'MUS. § 846', '$8 U.S.C. §§ 2113',
# '15 U.S.C. § 1343': 34 of the tuning scans' Title & Section cells): the section's title in reprieve's law data
# (authorities.yaml), where the section is in one title there. The cell is asked (`fixed`) as every repair is.
_GARBLED_TITLE = re.compile(r"^\W{0,3}(?P<title>[\w$)©]{0,3}?)\s*[.:]?\s*U\s*[.,:\-]?\s*S\s*[.,:\-]?\s*C?\s*[.,:\-]?\s*"
                            r"(?P<sign>[§$S8]{1,2}|§\s*[§$S8])\s*(?P<section>\d{2,5}[A-Z]?)(?=[\s(]|$)")


def _titles_of_sections() -> dict[str, str]:
    from reprieve.law.authorities import registry

    titles: dict[str, set[str]] = {}
    for authority in registry().values():
        m = re.fullmatch(r"(\d{1,2}) U\.S\.C\. § (\d{1,5}[A-Z]?)", authority.citation)
        if m:
            titles.setdefault(m.group(2), set()).add(m.group(1))
    return {section: next(iter(t)) for section, t in titles.items() if len(t) == 1}


_SECTION_TITLES: dict[str, str] = {}

# '21 U.S.C. §§ 841(a)(1) and 841(b)(1)(A)' (or '846 and 841(b)(1)(A)'), the drug citation judgments print most, with
# its penalty provision garbled ('BADIA)', 'B4N(DCIA)', '841(bK INC)', '$41(b I XB)': 17 of the tuning scans' Title &
# Section cells): rebuilt from the tier letter OCR kept at its end, and asked (`fixed`) as every repair is.
_DRUG_CITE = re.compile(r"^(21 U\.S\.C\. §§ (?:841\(a\)\(1\)|846) and )(\S.{2,16}?)$")
_GARBLED_PENALTY = re.compile(r"^[\"\u201c'`]?[B8R$S]?[4A][1lINLDA]?.*?\(?([A-E])\)$")


def _paragraph_of_841a(text: str) -> str:
    """'841(a) and 841(b)(1)(B)': 841(a) has two paragraphs and a judgment cites the one the count is under; beside a
    penalty of 841(b)(1) OCR lost '(1)' (the conduct: manufacture, distribute, dispense or possess with intent, 21
    U.S.C. 841(a)(1)); '(2)', counterfeit substances, is printed as such. The cell is asked, as every repair is."""
    return re.sub(r"\b841\(a\)(?=\s+and\s+841\s?\(b)", "841(a)(1)", text)


def _drug_penalty(text: str) -> str:
    m = _DRUG_CITE.match(re.sub(r"(?<=\))[.,;:'`]+$", "", text))
    if not m or re.fullmatch(r"841\(b\)\(1\)\([A-E]\)", m.group(2)):
        return text
    tier = _GARBLED_PENALTY.match(m.group(2))
    return f"{m.group(1)}841(b)(1)({tier.group(1)})" if tier else text


def _title_of_section(text: str) -> str:
    m = _GARBLED_TITLE.match(text)
    if not m:
        return text
    if not _SECTION_TITLES:
        _SECTION_TITLES.update(_titles_of_sections())
    title = _SECTION_TITLES.get(m.group("section"))
    if title is None or (m.group("title") == title and text.startswith(f"{title} U.S.C. §")):
        return text
    rest = text[m.end():]
    sign = "§§" if re.search(r"\s(?:and|or|&)\s|,", rest) else "§"
    return f"{title} U.S.C. {sign} {m.group('section')}{rest}"


_SECTION = r"\d{1,5}[A-Za-z]?(?:\([a-zA-Z0-9]{1,4}\))*"
# A Title & Section cell that reads as a citation: '21 U.S.C. §§ 846 and 841(b)(1)(A)', '18 U.S.C. §§ 2113(a) and (d)'.
WELL_FORMED_STATUTE = re.compile(rf"^\d{{1,2}} U\.S\.C\. §§? {_SECTION}"
                                 rf"(?:,? (?:and|or) (?:{_SECTION}|(?:\([a-zA-Z0-9]{{1,4}}\))+))*$")


# A section number and the subsections after it as OCR may garble them: '841(aX 1)', '924(ay(2)', '841(b)C IA)'.
_SUBSECTIONS = re.compile(r"(?<![\w(])(\d{3,4}[a-z]?)(\s?\((?:(?:(?!\s*and\b|\s*\d{3})[\sA-Za-z0-9()\[\]{}|!])*"
                          r"[)\]}J])?)")
_PAREN_LIKE = set("()[]{}|! XJUyCMxc")  # '(axc1)': ')(' read as 'xc'; a letter level takes its letter first


def _subsections(m: re.Match[str]) -> str:
    """Rebuilt from the subsection levels a federal section has: (a) a lower-case letter, (1) a number, (A) a
    capital, (i) a small roman numeral; a character that fits no level but looks like a parenthesis is dropped. The
    text is kept as read when the levels cannot account for every character."""
    tail = m.group(2)
    if re.fullmatch(r"(?:\([a-z]\))?(?:\(\d{1,2}\))?(?:\([A-Z]\))?(?:\((?:i{1,3}|iv|v)\))?", tail):
        return m.group()
    levels = [r"[a-z]", r"\d{1,2}", r"[A-Z]", r"(?:iii|ii|iv|i|v)"]
    parts: list[str] = []
    rest = tail
    level = 0
    while rest and level < len(levels):
        head = rest[0]
        if level == 1 and head in "lI|!]":
            rest = "1" + rest[1:]
        if level == 3 and head == "G":  # '(i)' read as 'G' or '(G)'
            rest = "i" + rest[1:]
        found = re.match(levels[level], rest)
        if found and not (level == 2 and head in "CXJU" and not re.match(r"[A-Z]\)", rest)):
            parts.append(found.group())
            rest = rest[found.end():]
            level += 1
        elif head in _PAREN_LIKE:
            rest = rest[1:]
        else:
            return m.group()
    if rest.strip("()[]{}|! "):
        return m.group()
    return m.group(1) + "".join(f"({p})" for p in parts)


_PENALTY = re.compile(r"\b(841|960)\s*\(b\)\s*\(1\)\s*\(([A-E])\)|\b924\s*\(c\)\s*\(1\)\s*\(A\)\s*\((i{1,3})\)")
_TITLE = re.compile(r"\b(\d{1,2})\s*U\.\s?S\.\s?C\.")


def penalty(statute_text: str) -> str | None:
    """The penalty provision named in a statute cell: 841(b)(1)(A)-(E), 960(b)(1)-(3), 924(c)(1)(A)(i)-(iii)."""
    m = _PENALTY.search(statute_text)
    if not m:
        return None
    if m.group(1):
        return f"21 U.S.C. § {m.group(1)}(b)(1)({m.group(2)})"
    return f"18 U.S.C. § 924(c)(1)(A)({m.group(3)})"


DRUGS = [  # first match wins: the more specific names first
    (r"cocaine\s+base|crack", "cocaine_base"),
    (r"methamphetamine\s*\(actual\)|actual\s+methamphetamine|methamphetamine\s+actual|\bice\b",
     "methamphetamine_actual"),
    (r"methamphetamine", "methamphetamine"),
    (r"fentanyl\s+analogue", "fentanyl_analogue"),
    (r"fentanyl", "fentanyl"),
    (r"heroin", "heroin"),
    (r"cocaine", "cocaine"),
    (r"mari[jh]uana", "marijuana"),
    (r"phencyclidine|\bPCP\b", "pcp"),
    (r"\bLSD\b|lysergic", "lsd"),
    (r"\bMDMA\b|ecstasy", "mdma"),
]
_QUANTITY = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(kilograms?|kilos?|kg|grams?|g|pounds?|lbs?|plants?)\b",
                       re.IGNORECASE)
_THOUSANDS_READ_AS_POINT = re.compile(r"\b(\d{1,3})\.(\d{3})(?=\s*(?:kilo|gram|pound|kg|g\b|lb|plant))",
                                      re.IGNORECASE)


# Words of federal offense descriptions, to repair OCR's misread letters ('distnbute', 'fentany]', 'moncy'): a word
# not in the list is replaced by the one listed word it is close to.
OFFENSE_WORDS = frozenset(
    line.strip() for line in resources.files("reprieve.intake").joinpath("offense_words.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#"))


# Letters Tesseract reads for others on the scans ('cnme', 'enme' for 'crime'): a word that is one or two of these away
# from a listed word is that word.
_CONFUSED = (("n", "ri"), ("e", "c"), ("rn", "m"), ("m", "rn"), ("h", "b"), ("cl", "d"), ("ii", "n"),
             ("h", "fi"))  # 'hrearm': the 'fi' ligature read as 'h'


def _confusions(plain: str) -> str | None:
    if len(plain) < 4:
        return None
    seen = {plain}
    for _ in range(2):
        seen |= {w[:k] + new + w[k + len(old):] for w in seen for old, new in _CONFUSED
                 for k in range(len(w)) if w.startswith(old, k)}
        found = sorted(w for w in seen if w in OFFENSE_WORDS)
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _lexicon_fix(text: str) -> str:
    """Each word not in the list replaced by the listed word it is close to ('distnbute', and on the tuning scans
    'Distnbution', 'cnme', 'hase', 'fireann'); a listed word OCR capitalised inside the text ('to Possess') is lower
    case again; 'adrug' is 'a drug'."""
    def fix(m: re.Match[str]) -> str:
        word = m.group()
        plain = word.lower()
        first = m.start() == 0
        if plain in OFFENSE_WORDS:
            # 'Conspiracy to Possess': after a small word, never a name's ('Hobbs Act robbery' stays)
            return plain if word.istitle() and re.search(r"\w\s+(?:to|of|with|and|or|a)\s$", text[:m.start()]) else word
        confused = _confusions(plain)
        if confused:
            return confused.capitalize() if first and word.istitle() else confused
        if plain.startswith("a") and plain[1:] in OFFENSE_WORDS and len(plain) >= 5:
            return "a " + plain[1:]
        if len(plain) < 4 or any(ch.isdigit() for ch in plain) or not (word.islower() or word.istitle()):
            return word
        close = difflib.get_close_matches(plain.replace("]", "l").replace("|", "l"), OFFENSE_WORDS, n=1,
                                          cutoff=0.8 if len(plain) >= 5 else 0.75)
        if not close:
            return word
        return close[0].capitalize() if first and word.istitle() else close[0]

    return re.sub(r"[A-Za-z\]|]+", fix, text)


# The verbs offense descriptions put after 'to' ('Conspiracy to possess', 'intent to distribute'): before one of them,
# a two-character token that is no word is 'to' misread ('tc', 'fo', '(o', '10').
_AFTER_TO = r"(?:possess|distribute|manufacture|commit|defraud|import|export|launder|obstruct|use|carry|transport|" \
    r"sell|dispense|kill|murder|rob|interfere|structure|smuggle|evade|produce|receive|travel|entice|ship|make|deal)"
_TO_MISREAD = re.compile(rf"(?:(?<=\s)|^)(?:tc|fo|t0|t\.|io|lo|1o|10|\(o|\[o|ta|tu)(?=\s+{_AFTER_TO}\b)")


_WORDS = OFFENSE_WORDS | {"a"}


def _between_words(text: str) -> str:
    """Specks between the words of a description: '!laundering', 'more-of', 'of-a' (a hyphen joining two words the
    list has, not a listed word), 'cocaine: base' and 'cocaine, base' (the statute's term, 841(b)(1)(A)(iii)),
    'dd) Armed' (a speck before the first word)."""
    text = re.sub(r"(?:(?<=\s)|^)[!|]+(?=[a-z]{3})", "", text)
    text = re.sub(r"\b([a-z]+)-([a-z]+)\b", lambda m: f"{m.group(1)} {m.group(2)}" if {m.group(1), m.group(2)} <= _WORDS
                  and m.group() not in OFFENSE_WORDS else m.group(), text)
    text = re.sub(r"(?<=[a-z])\s?[:;]\s+(?=[a-z])", " ", text)
    text = re.sub(r"\bcocaine\s?[,.]\s+base\b", "cocaine base", text)
    return re.sub(r"^[a-z]{1,3}\)\s+(?=[A-Z][a-z])", "", text)


def nature(raw: str) -> Fixed:
    """A 'Nature of Offense' cell as written; OCR's '1.000 kilograms' (a comma read as a point) -> '1,000', and
    misread letters in the words such descriptions use ('distnbute' -> 'distribute')."""
    text = " ".join(raw.split())
    clean = re.sub(r"(?<=\w)!+(?=\s|$)", "", text)  # 'fentanyl!': a speck after the word
    clean = re.sub(r"(?:(?<=\s)|^)[\u2018\u2019'\"`\u00bb\u00ab]+(?=\w)", "", clean)  # '\u2018methamphetamine'
    clean = re.sub(r"(?:(?<=\s)|^)\d{1,2}/\d{1,2}/\d{2,4}(?=\s|$)", "", clean)  # the Offense Ended date leaking in
    clean = re.sub(r"(?<=[a-z])\.(?=\s?[a-z])", " ", clean)  # 'Armed. bank', 'intent.to'
    clean = re.sub(r"(?:(?<=\s)|^)[^\w\s(),&]{1,2}(?=\s|$)", "", clean)  # '/', '=', '\u2014' between words
    clean = re.sub(r"^[\W_]+(?=\w)", "", clean)  # '—_Distribution': a rule's stroke before the first word
    clean = re.sub(r"(?<=[a-z])[\u2019'`](?=\s|[a-z])", " ", clean)  # 'quantity’of', 'distribute’ and'
    clean = re.sub(r"\((actual)[^\w)]+\)", r"(\1)", clean)  # '(actual!)'
    clean = re.sub(r"(?<=[a-z)])[.,;:]+$", "", clean)  # 'cocaine base.': a speck after the last word
    # 'heroin a', 'felon 7', 'fraud ee': a speck after the last word ('the US' stays)
    clean = re.sub(r"(?<=[a-z)])\s+(?:[a-z]{1,2}|[A-Z][a-z]|[\W_]{1,2}|\d)$", "", clean)
    clean = " ".join(clean.split())
    clean = re.sub(r"\b(grams|kilograms|pounds)\s+of\s+more\b", r"\1 or more", clean)  # 'grams of more'
    clean = re.sub(r"(?<=\d\s)grains\b", "grams", clean)  # '400 grains or more of fentanyl': no drug is in grains
    clean = re.sub(r"(?<![\w,])([0-9OoSs$]{1,4})(?=\s+(?:grams|kilograms)\b)",  # 'SO grams', '$0 grams', '5O grams'
                   lambda m: digits(m.group(1)).value, clean)
    clean = clean.replace(" pf ", " of ")
    clean = _between_words(clean)
    # 'to' misread before a verb, once the verb's own letters are mended ('(o distibute')
    fixed = _TO_MISREAD.sub("to", _lexicon_fix(_THOUSANDS_READ_AS_POINT.sub(r"\1,\2", clean)))
    return Fixed(fixed, fixed != text)
_UNITS = {"kilogram": "kg", "kilo": "kg", "kg": "kg", "gram": "g", "g": "g", "pound": "lb", "lb": "lb",
          "plant": "plants"}


def drug_and_quantity(nature: str) -> tuple[str | None, str | None, bool]:
    """The one substance a 'Nature of Offense' names, and its quantity; `clean` if the wording is unambiguous."""
    found = []
    rest = nature
    for pattern, name in DRUGS:
        if re.search(pattern, rest, re.IGNORECASE):
            found.append(name)
            rest = re.sub(pattern, " ", rest, flags=re.IGNORECASE)
    if not found:  # a name OCR damaged ('fentany]'): the closest drug word, never taken as clean
        for word in re.findall(r"[A-Za-z\]|!1]{4,}", rest):
            close = difflib.get_close_matches(word.lower(), _DRUG_WORDS, n=1, cutoff=0.8)
            if close:
                return _DRUG_WORDS[close[0]], _quantity(nature), False
        return None, None, True
    clean = len(found) == 1 and len(_QUANTITY.findall(nature)) <= 1
    return (found[0] if len(found) == 1 else None), _quantity(nature), clean


_DRUG_WORDS = {"marijuana": "marijuana", "marihuana": "marijuana", "cocaine": "cocaine", "heroin": "heroin",
               "fentanyl": "fentanyl", "methamphetamine": "methamphetamine", "phencyclidine": "pcp"}


def _quantity(nature: str) -> str | None:
    quantities = _QUANTITY.findall(nature)
    if len(quantities) != 1:
        return None
    amount, unit = quantities[0]
    key = unit.lower().rstrip("s") if unit.lower() not in ("kg", "g") else unit.lower()
    return f"{amount.replace(',', '')} {_UNITS.get(key, unit.lower())}"


# --- numbers in words ----------------------------------------------------------------------------------------------

_SMALL = {w: n for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                       "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                       "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 10 * n for n, w in enumerate(["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                          "ninety"]) if n > 1}
NUMBER_WORDS = r"(?:(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
               r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|" \
               r"ninety|hundred|and)[\s-]*)+"


def words_to_number(text: str) -> int | None:
    total = 0
    seen = False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if not word or word == "and":
            continue
        if word in _SMALL:
            total += _SMALL[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        else:
            return None
        seen = True
    return total if seen else None


COUNT_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
               "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}


def count_label(raw: str) -> Fixed:
    """'One' -> '1'; OCR's 'l' or 'I' for 1 in a label; '1s' kept."""
    text = raw.strip(" .,;:()'\"`\u2018\u2019\u201c\u201d")  # a speck read as a quote mark
    speck = re.fullmatch(r"(\d{1,3}[sS]{0,3})\s+(?:[a-z]|[^\w\s]){1,2}", text)  # '3s a': a speck after the label
    if speck:
        return Fixed(speck.group(1).lower(), True)
    if text.lower() in COUNT_WORDS:
        return Fixed(COUNT_WORDS[text.lower()], False)
    m = re.fullmatch(r"([0-9lI|\]}!]{1,3})([sS]{0,3})", text)
    if m:
        number = digits(m.group(1))
        return Fixed(number.value + m.group(2).lower(), number.fixed)
    return Fixed(text, False)


# --- checkboxes ----------------------------------------------------------------------------------------------------

_CHECKED = re.compile(r"^(?:[\[\({E|]?[XxKk×☒■][\]\)}|]?|[\[(]?&[\])]?|[Bb]d|[Kk][Xx]|[Mm]|Ed|Gd|Bl)$")
_EMPTY = re.compile(r"^(?:[\[\({|]?[OoCDJLUl0I1\]\[()]{0,2}[\]\)}|J]?|☐|□)$")
def checkbox(token: str) -> bool | None:
    """True for a checked box as printed or as OCR reads it, False for an empty one, None when unsure."""
    if _CHECKED.match(token):
        return True
    if _EMPTY.match(token):
        return False
    return None
