"""The audit log as people read it: who, when, what, for one case or an organisation's cases."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from reprieve.web.models import Assignment, Case, Document, Exhibit, Note, Share

RELATED = (Share, Assignment, Exhibit, Document, Note)


def entries_for_case(case: Case, log_entry: Any, limit: int = 500) -> list[Any]:
    return entries_for_cases([case.pk], log_entry, limit)


def entries_for_cases(case_ids: list[int], log_entry: Any, limit: int = 500) -> list[Any]:
    from django.db.models import Q

    ids = [str(i) for i in case_ids]
    query = Q(content_type=ContentType.objects.get_for_model(Case), object_pk__in=ids)
    for model in RELATED:
        related = [str(pk) for pk in model.objects.filter(case_id__in=case_ids).values_list("pk", flat=True)]
        query |= Q(content_type=ContentType.objects.get_for_model(model), object_pk__in=related)
    return list(log_entry.objects.filter(query).select_related("actor", "content_type").order_by("-timestamp")[:limit])

