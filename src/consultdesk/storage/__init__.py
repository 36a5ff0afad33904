"""Storage: SQLite through SQLModel (tables, repositories, migrations, backups)."""
