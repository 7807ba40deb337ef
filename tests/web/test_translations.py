"""The web app in Spanish: every text of the catalogue is translated (none left empty or marked fuzzy), with the same
placeholders, and the compiled catalogue the app loads (django.mo) says what the source (django.po) says."""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

LOCALE = Path(__file__).parents[2] / "src" / "reprieve" / "web" / "locale" / "es" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%%")


@dataclass
class Entry:
    msgid: str = ""
    plural: str = ""
    msgstr: list[str] = field(default_factory=list)
    fuzzy: bool = False


def entries(text: str) -> list[Entry]:
    """The entries of a .po file (the header, msgid "", left out)."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        entry, target = Entry(), ""
        strings: dict[str, str] = {}
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
            if line.startswith("#"):
                continue
            found = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if found:
                target = found.group(1)
                strings[target] = ast.literal_eval(found.group(2))
            elif line.startswith('"'):
                strings[target] += ast.literal_eval(line)
        entry.msgid, entry.plural = strings.get("msgid", ""), strings.get("msgid_plural", "")
        entry.msgstr = [v for k, v in sorted(strings.items()) if k.startswith("msgstr")]
        if entry.msgid:
            out.append(entry)
    return out


def test_every_text_has_its_spanish_with_the_same_placeholders() -> None:
    found = entries((LOCALE / "django.po").read_text(encoding="utf-8"))
    assert len(found) > 300
    for entry in found:
        assert not entry.fuzzy, f"fuzzy: {entry.msgid!r}"
        assert all(entry.msgstr), f"untranslated: {entry.msgid!r}"
        if entry.plural:  # a singular form may say "one" where the plural says %(n)s
            assert set(PLACEHOLDER.findall(entry.msgstr[0])) <= set(PLACEHOLDER.findall(entry.plural)), entry.msgid
            assert sorted(PLACEHOLDER.findall(entry.msgstr[1])) == sorted(PLACEHOLDER.findall(entry.plural)), \
                entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr[0])) == sorted(PLACEHOLDER.findall(entry.msgid)), \
                entry.msgid


def test_the_compiled_catalogue_is_the_source() -> None:
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in entries((LOCALE / "django.po").read_text(encoding="utf-8")):
        if entry.plural:
            assert compiled.ngettext(entry.msgid, entry.plural, 1) == entry.msgstr[0], entry.msgid
            assert compiled.ngettext(entry.msgid, entry.plural, 2) == entry.msgstr[1], entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr[0], entry.msgid


def test_a_good_conduct_rate_is_said_from_the_case_formats_value_in_each_language() -> None:
    # the two rates the case format allows (18 U.S.C. 3624(b); 28 C.F.R. 523.20), worded from the value itself
    from django.utils import translation

    from reprieve.web.questions import choice_label

    with translation.override("en"):
        assert choice_label("custody.gct_rate", "54") == "54 days a year"
    with translation.override("es"):
        assert choice_label("custody.gct_rate", "42") == "42 días al año"


def test_every_text_the_code_and_templates_mark_is_in_the_catalogue() -> None:
    """A marked text missing from django.po shows in English on a Spanish page ("240 meses to cadena perpetua")."""
    known = {entry.msgid for entry in entries((LOCALE / "django.po").read_text(encoding="utf-8"))}
    web = Path(__file__).parents[2] / "src" / "reprieve" / "web"
    marked = set()
    for path in web.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("_", "gettext", "gettext_lazy"):
                marked.add(node.args[0].value)
    for path in web.rglob("*.html"):
        marked |= set(re.findall(r'{%\s*(?:translate|trans)\s+"([^"]*)"', path.read_text(encoding="utf-8")))
    assert len(marked) > 100
    assert sorted(marked - known) == []
