"""The audit log as people read it: who, when, what, for one case or an organisation's cases."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reprieve.web.models import Assignment, Case, Document, Exhibit, Membership, Note, Reading, Share

RELATED = (Share, Assignment, Exhibit, Document, Note, Reading)
# what happened and to what, in the page's language (the English is auditlog's word and the model's name, as before)
ACTIONS = {0: gettext_lazy("create"), 1: gettext_lazy("update"), 2: gettext_lazy("delete"), 3: gettext_lazy("access")}
RECORDS = {"case": gettext_lazy("case"), "share": gettext_lazy("share"), "assignment": gettext_lazy("assignment"),
           "exhibit": gettext_lazy("exhibit"), "document": gettext_lazy("document"), "note": gettext_lazy("note"),
           "reading": gettext_lazy("reading")}
# a membership as auditlog keeps it (Membership.__str__ when the entry was written: "EMAIL in ORGANISATION (ROLE)"),
# said again in the page's language; the member and the organisation may be gone since, so it is read from the entry
MEMBERSHIP = re.compile(r"(?P<email>.+) in (?P<organisation>.+) \((?P<role>lawyer|admin)\)")
ROLES = {"lawyer": gettext_lazy("lawyer"), "admin": gettext_lazy("admin")}


def entries_for_case(case: Case, log_entry: Any, limit: int = 500) -> list[Any]:
    return entries_for_cases([case.pk], log_entry, limit)


def entries_for_cases(case_ids: list[int], log_entry: Any, limit: int = 500) -> list[Any]:
    return _described(log_entry.objects.filter(_about_cases(case_ids)), limit)


def entries_for_organisations(org_ids: list[int], case_ids: list[int], log_entry: Any, limit: int = 500
                              ) -> list[Any]:
    """An organisation's log: its members added, changed and removed (with where a removed member's cases went), and
    every entry of the cases shared with it."""
    members = Q(content_type=ContentType.objects.get_for_model(Membership), additional_data__organisation__in=org_ids)
    return _described(log_entry.objects.filter(members | _about_cases(case_ids)), limit)


def _about_cases(case_ids: list[int]) -> Q:
    ids = [str(i) for i in case_ids]
    query = Q(content_type=ContentType.objects.get_for_model(Case), object_pk__in=ids)
    for model in RELATED:
        related = [str(pk) for pk in model.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)]
        query |= Q(content_type=ContentType.objects.get_for_model(model), object_pk__in=related)
    # an assignment ended is gone from its table; its entries name the case (Assignment.get_additional_data)
    return query | Q(content_type=ContentType.objects.get_for_model(Assignment), additional_data__case__in=case_ids)


def _described(entries: Any, limit: int) -> list[Any]:
    """Each entry with `detail`: what a person reads in the Record column."""
    found = list(entries.select_related("actor", "content_type").order_by("-timestamp")[:limit])
    membership = ContentType.objects.get_for_model(Membership)
    for entry in found:
        entry.detail = ""
        entry.what = ACTIONS.get(entry.action, entry.get_action_display())
        model = entry.content_type.model
        entry.record = f"{RECORDS.get(model, model)} {entry.object_pk}"
        if entry.content_type_id == membership.pk:
            extra = entry.additional_data or {}
            said = MEMBERSHIP.fullmatch(entry.object_repr or "")
            entry.detail = _("%(email)s in %(organisation)s (%(role)s)") % {
                **said.groupdict(), "role": ROLES[said["role"]]} if said else entry.object_repr
            if extra.get("reassigned_to"):
                entry.detail += " · " + _("cases given to %(email)s") % {"email": extra["reassigned_to"]}
    return found

