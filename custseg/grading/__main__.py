"""``python -m custseg.grading``: the same as the ``custseg-grade`` command."""

import sys

from custseg.grading.cli import main

sys.exit(main())
