"""A pytest plugin, loaded with `-p tests.support.pytest_secrets` before pytest-django reads the settings.

The example apps read their secrets from the environment, as production apps
should; the test run gives each a fresh random value unless one is already set.
"""

import os
import secrets

for _name in ("DJANGO_SECRET_KEY", "SECRET_KEY"):
    os.environ.setdefault(_name, secrets.token_urlsafe(50))
