"""`python -m extract.cli`: the `coopgraph` command."""

import sys

from . import main

sys.exit(main())
