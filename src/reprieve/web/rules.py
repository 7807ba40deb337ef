"""Per-case permissions (django-rules). Every view checks one of these before it reads or writes a case; the
authorization matrix test lists every route and proves each role sees only what these allow.

- owner: the account that started the case (the person or a family member);
- helper: someone who accepted the owner's invitation code for themselves;
- assigned: a lawyer whom an organisation admin assigned to a case shared with the organisation;
- case org admin: an admin of an organisation the case is shared with (sees it, assigns it, reads its audit log).
"""

from __future__ import annotations

from typing import Any

import rules

from reprieve.web.models import Assignment, Case, Share


@rules.predicate
def is_owner(user: Any, case: Case | None) -> bool:
    return case is not None and user.is_authenticated and case.owner_id == user.pk


@rules.predicate
def is_helper(user: Any, case: Case | None) -> bool:
    return case is not None and user.is_authenticated and Share.objects.filter(
        case=case, accepted_by=user, organisation__isnull=True, revoked_at__isnull=True).exists()


@rules.predicate
def is_assigned(user: Any, case: Case | None) -> bool:
    if case is None or not user.is_authenticated:
        return False
    return Assignment.objects.filter(
        case=case, user=user, organisation__memberships__user=user,
        organisation__shares__case=case, organisation__shares__revoked_at__isnull=True).exists()


@rules.predicate
def is_case_org_admin(user: Any, case: Case | None) -> bool:
    return case is not None and user.is_authenticated and Share.objects.filter(
        case=case, revoked_at__isnull=True, organisation__memberships__user=user,
        organisation__memberships__role="admin").exists()


works_on_case = is_owner | is_helper | is_assigned

rules.add_perm("web.view_case", works_on_case | is_case_org_admin)
rules.add_perm("web.change_case", works_on_case)  # answer, upload, make documents, export
rules.add_perm("web.delete_case", is_owner)
rules.add_perm("web.share_case", is_owner)
rules.add_perm("web.lawyer_tools", is_assigned)  # memo, notes, as-of what-ifs
rules.add_perm("web.assign_case", is_case_org_admin)
rules.add_perm("web.view_case_audit", is_owner | is_case_org_admin)


def visible_cases(user: Any) -> Any:
    """The cases a user may see: the candidates from each way in, each assignment checked by its rule."""
    if not user.is_authenticated:
        return Case.objects.none()
    ids = set(Case.objects.filter(owner=user).values_list("pk", flat=True))
    ids |= set(Share.objects.filter(accepted_by=user, organisation__isnull=True, revoked_at__isnull=True)
               .values_list("case_id", flat=True))
    ids |= set(Share.objects.filter(revoked_at__isnull=True, organisation__memberships__user=user,
                                    organisation__memberships__role="admin").values_list("case_id", flat=True))
    for assignment in Assignment.objects.filter(user=user).select_related("case"):
        if is_assigned(user, assignment.case):
            ids.add(assignment.case_id)
    return Case.objects.filter(pk__in=ids)
