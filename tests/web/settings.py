"""Settings for the web tests: jobs run inline, files go to a temporary folder, passwords hash fast."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("REPRIEVE_TASKS", "immediate")
if "REPRIEVE_DATA_DIR" not in os.environ:
    os.environ["REPRIEVE_DATA_DIR"] = tempfile.mkdtemp(prefix="reprieve-test-")
    atexit.register(shutil.rmtree, os.environ["REPRIEVE_DATA_DIR"], ignore_errors=True)

from reprieve.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client builds the middleware for each Client; WhiteNoise would index every static file each time.
# The live server of the browser tests serves static files itself (django.contrib.staticfiles).
WHITENOISE_USE_FINDERS = False
