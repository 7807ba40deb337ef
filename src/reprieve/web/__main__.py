"""`python -m reprieve.web ARGS`: Django's manage.py for this app (migrate, createsuperuser, db_worker, ...)."""

import os
import sys

from django.core.management import execute_from_command_line

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reprieve.web.settings")
execute_from_command_line(sys.argv)
