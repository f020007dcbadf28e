"""Loading and validating rule packs (the data lives in resources/rules/<lang>/)."""
from .loader import (Alternative, OrgConfig, Pack, Rule, RuleError, load_builtin_pack,
                     load_org_pack, load_pack)

__all__ = ["Alternative", "OrgConfig", "Pack", "Rule", "RuleError", "load_builtin_pack",
           "load_org_pack", "load_pack"]
