"""Settings for the web tests: jobs run inline, files go to a temporary folder, passwords hash fast."""

import os
import tempfile

os.environ.setdefault("REPRIEVE_TASKS", "immediate")
os.environ.setdefault("REPRIEVE_DATA_DIR", tempfile.mkdtemp(prefix="reprieve-test-"))

from reprieve.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
