"""``python -m sci_pain``: the ``sci-pain`` command line."""

import sys

from sci_pain.cli import main

if __name__ == "__main__":
    sys.exit(main())
