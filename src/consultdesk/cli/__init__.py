"""The ``consultdesk`` command line: stable, scriptable, exit codes 0 / 1 / 2."""
