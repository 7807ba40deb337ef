"""WSGI entry point (gunicorn, `reprieve serve`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reprieve.web.settings")
application = get_wsgi_application()


def _warm() -> None:
    """Load the law data before the first person waits for it (with --preload, once for every worker)."""
    from reprieve.web import engine

    engine.assess_data({"format": 1, "court": {"district": "D. Md."}, "judgments": [{"imposed_on": "2010-01-04",
                        "counts": [{"statute": "21 U.S.C. § 846", "months": 120}]}]})


_warm()
# The law data loaded above lives as long as the process: out of the collector's reach, a full collection no longer
# walks it while a person waits (the worst single answer was 60-70 ms, a full collection inside it), and forked
# workers keep sharing its pages.
gc.freeze()
