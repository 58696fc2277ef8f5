"""Cluster Marketplace matcher: organizations for orders and projects, with reasons.

A plain library (no Flask, no database): the web app builds
``OrganizationProfile`` objects from its records, fits a ``Matcher`` and
asks it questions. See docs/matching.md.
"""

from .config import MatcherConfig
from .duplicates import Duplicate, find_duplicates, normalize_name
from .errors import ArtifactError, MatcherError, NotFittedError, UnknownOrganizationError
from .matcher import Matcher
from .orders import OrderIndex
from .persistence import FORMAT_VERSION
from .profiles import (
    DOCUMENT_KINDS,
    KINDS,
    Competency,
    ConsortiumQuery,
    MatchQuery,
    Need,
    OrderDocument,
    OrganizationProfile,
    ProfileDocument,
    normalize_kind,
)
from .results import (
    ConsortiumMember,
    ConsortiumProposal,
    Match,
    MatchedCode,
    MatchedDocument,
    NeedCoverage,
    OrderMatch,
    Reasons,
    explain,
)
from .text import Analyzer

__all__ = [
    "DOCUMENT_KINDS",
    "FORMAT_VERSION",
    "KINDS",
    "Analyzer",
    "ArtifactError",
    "Competency",
    "ConsortiumMember",
    "ConsortiumProposal",
    "ConsortiumQuery",
    "Duplicate",
    "Match",
    "MatchQuery",
    "MatchedCode",
    "MatchedDocument",
    "Matcher",
    "MatcherConfig",
    "MatcherError",
    "Need",
    "NeedCoverage",
    "NotFittedError",
    "OrderDocument",
    "OrderIndex",
    "OrderMatch",
    "OrganizationProfile",
    "ProfileDocument",
    "Reasons",
    "UnknownOrganizationError",
    "explain",
    "find_duplicates",
    "normalize_kind",
    "normalize_name",
]
