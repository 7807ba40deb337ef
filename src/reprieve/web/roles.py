"""The roles a user has: every account is a person (or family member); membership of an organisation makes a
lawyer or an organisation admin; a superuser is the site admin."""

from __future__ import annotations

from typing import Any

PERSON, LAWYER, ORG_ADMIN, SITE_ADMIN = "person", "lawyer", "org_admin", "site_admin"


def roles_of(user: Any) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_reprieve_roles", None)
    if cached is not None:
        return set(cached)
    found = {PERSON}
    for role in user.memberships.values_list("role", flat=True):
        found.add(LAWYER if role == "lawyer" else ORG_ADMIN)
    if user.is_superuser:
        found.add(SITE_ADMIN)
    user._reprieve_roles = frozenset(found)
    return found

