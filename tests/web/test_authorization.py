"""The authorization matrix: every route of the URL conf x every role x a case of their own (or shared with them)
and another person's case. 0 unauthorized reads or writes.

The routes are listed from the URL conf, so a new route fails here until it is given a rule in ROUTES (and its
view declares the same one); third-party route groups are listed in INCLUDES with how they are protected.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# route name -> what it needs on the case (None: not a case route) and how it is used
ROUTES: dict[str, tuple[str | None, str]] = {
    "home": ("public", "GET"),
    "case_list": ("signed_in", "GET"),
    "case_new": ("signed_in", "POST"),
    "import_cases": ("signed_in", "GET"),
    "share_accept": ("signed_in", "GET"),
    "organisation": ("signed_in", "GET"),
    "case_detail": ("view", "GET"),
    "results": ("view", "GET"),
    "case_delete": ("delete", "POST"),
    "interview": ("change", "GET"),
    "question": ("change", "GET POST"),
    "review": ("change", "GET"),
    "set_as_of": ("lawyer", "POST"),
    "add_note": ("lawyer", "POST"),
    "documents": ("change", "GET POST"),
    "document_status": ("change", "GET"),
    "document_download": ("change", "GET"),
    "exhibits": ("change", "GET POST"),
    "exhibit_download": ("change", "GET"),
    "exhibit_delete": ("change", "POST"),
    "export": ("change", "GET"),
    "sharing": ("share", "GET POST"),
    "share_revoke": ("share", "POST"),
    "assign": ("assign", "POST"),
    "case_audit": ("audit", "GET"),
}
DECLARED = {"view": "web.view_case", "change": "web.change_case", "delete": "web.delete_case",
            "share": "web.share_case", "lawyer": "web.lawyer_tools", "assign": "web.assign_case",
            "audit": "web.view_case_audit", "public": "public", "signed_in": "signed_in"}
INCLUDES = {"accounts/": "allauth: sign up, log in, password", "i18n/": "the language switch (no data)",
            "admin/": "Django admin: staff only"}

# what each role may do on world.case (the owner's case, shared with the helper and with the organisation, whose
# admin assigned it to `lawyer`); on world.other_case only its owner (`other`) may do anything
GRANTS = {
    "anonymous": set(),
    "owner": {"view", "change", "delete", "share", "audit"},
    "helper": {"view", "change"},
    "lawyer": {"view", "change", "lawyer"},
    "lawyer_unassigned": set(),
    "org_admin": {"view", "assign", "audit"},
    "other_admin": set(),
    "other": set(),
    "site_admin": set(),
}
OWNER_GRANTS = GRANTS["owner"]


def project_routes() -> list[URLPattern]:
    out = []
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            assert str(pattern.pattern) in INCLUDES, f"route group {pattern.pattern} has no rule in INCLUDES"
        else:
            out.append(pattern)
    return out


def test_every_route_has_a_rule_and_declares_it() -> None:
    for pattern in project_routes():
        assert pattern.name in ROUTES, f"route {pattern.name!r} ({pattern.pattern}) has no rule in ROUTES"
        declared = getattr(pattern.callback, "access", None)
        assert declared == DECLARED[ROUTES[pattern.name][0] or ""], \
            f"route {pattern.name!r} declares {declared!r}, the matrix expects {ROUTES[pattern.name][0]!r}"
    assert {p.name for p in project_routes()} == set(ROUTES), "ROUTES names a route the URL conf no longer has"


def _kwargs(pattern: URLPattern, case: Any) -> dict[str, Any]:
    names = pattern.pattern.converters.keys()
    values = {"pk": case.pk, "doc": case.documents.first().pk, "ex": case.exhibits.first().pk,
              "share": case.shares.filter(accepted_by__isnull=True).first().pk, "field": "person.name",
              "fmt": "yaml"}
    return {name: values[name] for name in names}


def _payload(name: str, world: Any) -> dict[str, Any]:
    return {
        "question": {"value": "Changed Name"},
        "documents": {"kind": "summary", "fmt": "txt"},
        "exhibits": {"file": SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter"), "kind": "letter"},
        "set_as_of": {"as_of": "2024-01-02"},
        "add_note": {"text": "a note"},
        "assign": {"user": world.lawyer_unassigned.pk},
    }.get(name, {})


def _state() -> list[Any]:
    """Everything a write could change."""
    from reprieve.web.models import Assignment, Case, Document, Exhibit, Note, Share

    return [
        sorted(Case.objects.values_list("pk", "revision", "as_of", "data")),
        sorted(Share.objects.values_list("pk", "revoked_at", "accepted_by")),
        sorted(Assignment.objects.values_list("pk", "user")), sorted(Exhibit.objects.values_list("pk")),
        sorted(Document.objects.values_list("pk")), sorted(Note.objects.values_list("pk")),
    ]


def _client(world: Any, role: str) -> Client:
    client = Client()
    user = None if role == "anonymous" else getattr(world, role)
    if user is not None:
        client.force_login(user)
    return client


class _Rollback(Exception):
    pass


def _denied(response: Any) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_case_route_matrix(world: Any) -> None:
    """One test over every case route (one set of people and cases; each request rolled back after it)."""
    failures: list[str] = []
    clients = {role: _client(world, role) for role in GRANTS}
    for name, (need, _methods) in ROUTES.items():
        if need not in ("public", "signed_in"):
            _check_route(world, clients, name, failures)
    assert not failures, "\n".join(failures)


def _check_route(world: Any, clients: dict[str, Client], name: str, failures: list[str]) -> None:
    pattern = next(p for p in project_routes() if p.name == name)
    need, methods = ROUTES[name]
    for role in GRANTS:
        for which in ("case", "other_case"):
            case = getattr(world, which)
            granted = GRANTS[role] if which == "case" else (OWNER_GRANTS if role == "other" else set())
            allowed = need in granted
            url = reverse(name, kwargs=_kwargs(pattern, case))
            for method in methods.split():
                watch = method == "POST" or not allowed  # a GET that is let through is a read
                before = _state() if watch else None
                try:
                    with transaction.atomic():
                        client = clients[role]
                        response = client.get(url) if method == "GET" else client.post(url, _payload(name, world))
                        after = _state() if watch else None
                        raise _Rollback
                except _Rollback:
                    pass
                where = f"{name}: {role} {method} {which}"
                if allowed and _denied(response):
                    failures.append(f"{where}: refused ({response.status_code}) but allowed")
                if not allowed and not _denied(response):
                    failures.append(f"{where}: got {response.status_code}, must be refused")
                if not allowed and after != before:
                    failures.append(f"{where}: refused but the database changed")
                if allowed and method == "POST" and after == before:
                    failures.append(f"{where}: allowed but nothing was written")


def test_case_list_shows_only_visible_cases(world: Any) -> None:
    for role, grants in GRANTS.items():
        if role == "anonymous":
            continue
        page = _client(world, role).get(reverse("case_list")).content.decode()
        assert ("Valon Marcel Vailes" in page) == ("view" in grants), role
        assert ("Someone Else" in page) == (role == "other"), role


def test_signed_in_routes(world: Any) -> None:
    for name in ("case_list", "import_cases", "share_accept", "organisation"):
        response = Client().get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    assert Client().get(reverse("home")).status_code == 200
    assert _client(world, "owner").get(reverse("organisation")).status_code == 403
    assert _client(world, "lawyer").get(reverse("organisation")).status_code == 403
    page = _client(world, "org_admin").get(reverse("organisation")).content.decode()
    assert "lawyer@example.org" in page and "Valon Marcel Vailes" in page
    page = _client(world, "other_admin").get(reverse("organisation")).content.decode()
    assert "Valon Marcel Vailes" not in page and "lawyer@example.org" not in page


def test_admin_is_for_staff_and_holds_no_case_data(world: Any) -> None:
    from django.contrib import admin

    from reprieve.web.models import Case, Document, Exhibit, Note

    assert _client(world, "owner").get("/admin/").status_code == 302
    assert _client(world, "site_admin").get("/admin/").status_code == 200
    assert not any(model in admin.site._registry for model in (Case, Exhibit, Document, Note))


def test_revoking_a_code_ends_access(world: Any) -> None:
    from reprieve.web.models import Share

    lawyer, helper = _client(world, "lawyer"), _client(world, "helper")
    url = reverse("results", args=[world.case.pk])
    assert lawyer.get(url).status_code == 200 and helper.get(url).status_code == 200
    owner = _client(world, "owner")
    for share in Share.objects.filter(case=world.case, accepted_by__isnull=False):
        owner.post(reverse("share_revoke", args=[world.case.pk, share.pk]))
    assert lawyer.get(url).status_code == 404 and helper.get(url).status_code == 404
    assert _client(world, "org_admin").get(url).status_code == 404


def test_a_code_shares_once(world: Any) -> None:
    from reprieve.web.models import Share

    code = Share.objects.create(case=world.other_case, created_by=world.other).code
    stranger = _client(world, "helper")
    assert stranger.get(reverse("results", args=[world.other_case.pk])).status_code == 404
    assert stranger.post(reverse("share_accept"), {"code": code.lower()}).status_code == 302
    assert stranger.get(reverse("results", args=[world.other_case.pk])).status_code == 200
    again = _client(world, "lawyer_unassigned").post(reverse("share_accept"), {"code": code})
    assert again.status_code == 400
