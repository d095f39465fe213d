"""A pytest plugin loaded with ``-p`` (see pyproject): it runs before pytest-django reads
the settings, so the test run never touches the user's own store in ~/.local/share."""

import os
import tempfile

os.environ["REGIOVOLGER_DATA_DIR"] = tempfile.mkdtemp(prefix="regiovolger-test-")
os.environ.setdefault("REGIOVOLGER_LANG", "nl")
