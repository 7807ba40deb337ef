"""How every view declares who may use it. The authorization matrix test reads these declarations from the URL
conf: a route whose view declares nothing fails it."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from reprieve.web.audit import log_read
from reprieve.web.models import Case

View = Callable[..., HttpResponse]


def public(view: View) -> View:
    view.access = "public"  # type: ignore[attr-defined]
    return view


def signed_in(view: View) -> View:
    wrapped = login_required(view)
    wrapped.access = "signed_in"
    return wrapped


def may(user: Any, permission: str, case: Case) -> bool:
    """The case rule itself: a superuser is not let through (the site admin runs the site, not the cases)."""
    return bool(rules.has_perm(permission, user, case))


def case_view(permission: str, reads: bool = True) -> Callable[[View], View]:
    """A view of one case (URL argument `pk`): 404 unless the user may see the case, 403 unless they hold
    `permission` on it; the case is passed in, and the read is in the audit log."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
            case = get_object_or_404(Case, pk=pk)
            if not may(request.user, "web.view_case", case):
                raise Http404
            if not may(request.user, permission, case):
                raise PermissionDenied
            if reads:
                log_read(case)
            return view(request, case, *args, **kwargs)

        guarded = login_required(wrapper)
        guarded.access = permission
        return guarded

    return decorate


def login_name(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The name a login attempt is throttled under (allauth logs in by e-mail)."""
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username") or request.POST.get("login")
    return str(name).strip().lower() if name else None
