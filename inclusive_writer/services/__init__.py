"""Use cases (check, rewrite, translate, audit) shared by the CLI and the desktop app."""
