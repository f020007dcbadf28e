"""`python -m inclusive_writer.cli` runs the command line."""
import sys

from . import entry

sys.exit(entry())
