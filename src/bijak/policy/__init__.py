"""The circular as data: a versioned, schema-validated policy file and its frozen model.

Pure Python; never imports Django. See docs/architecture.md ("Policy").
"""

from bijak.policy.loader import DEFAULT_POLICY_PATH, load_policy, parse_policy
from bijak.policy.model import (
    Category,
    Channel,
    Clause,
    ComplaintKind,
    Consequence,
    Dissemination,
    LegalBasis,
    Policy,
    Section,
    SourceFix,
)
from bijak.policy.validate import PolicyError, PolicyIssue, validate_policy_file

__all__ = [
    "DEFAULT_POLICY_PATH",
    "Category",
    "Channel",
    "Clause",
    "ComplaintKind",
    "Consequence",
    "Dissemination",
    "LegalBasis",
    "Policy",
    "PolicyError",
    "PolicyIssue",
    "Section",
    "SourceFix",
    "load_policy",
    "parse_policy",
    "validate_policy_file",
]
