"""Run the ``complaintcode`` command as ``python -m complaintcode``."""

from __future__ import annotations

import sys

from complaintcode.cli import main

if __name__ == "__main__":
    sys.exit(main())
