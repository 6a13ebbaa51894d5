"""`python -m monitor.build [--if-stale]`: see monitor.build.database."""

import sys

from monitor.build.database import main

sys.exit(main())
