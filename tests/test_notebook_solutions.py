"""custseg.notebook_solutions needs nbconvert (the course extra) and says so when it is missing."""

from __future__ import annotations

import subprocess
import sys

from custseg.extras import EXTRAS


def test_nbconvert_is_part_of_the_course_extra():
    assert "nbconvert" in EXTRAS["course"]


def test_without_nbconvert_the_import_names_the_course_extra():
    code = "import sys\nsys.modules['nbconvert'] = None\nimport custseg.notebook_solutions\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode != 0
    assert "MissingExtraError" in done.stderr
    assert 'pip install "custseg[course]"' in done.stderr
    assert "nbconvert" in done.stderr
