"""Pure-Python core: documents, findings, rule matching, scoring. Imports neither Qt nor torch."""
