"""``python -m consultdesk``: the same as the ``consultdesk`` command."""

from consultdesk.cli.main import main

raise SystemExit(main())
