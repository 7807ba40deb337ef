"""Settings for every test.

Hypothesis's per-example deadline is a timing test: on a loaded machine (CI, or several runs sharing two cores) a
slow first example fails the run though the property holds. Speed is measured by benchmarks/, not by tests.
"""

from hypothesis import settings

settings.register_profile("reprieve", deadline=None)
settings.load_profile("reprieve")
