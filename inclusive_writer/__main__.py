"""`python -m inclusive_writer` runs the command line."""
import sys

from .cli import entry

sys.exit(entry())
