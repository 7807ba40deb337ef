from typing import Any

from django.http import HttpRequest

from reprieve.web.roles import roles_of


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {"roles": roles_of(user) if user is not None and user.is_authenticated else set()}
