"""``python -m qualitydesk``: the same as the ``qualitydesk`` command."""

import sys

from qualitydesk.cli import main

sys.exit(main())
