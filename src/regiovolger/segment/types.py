"""The schema's vocabulary of document types."""

from __future__ import annotations

TYPES = (
    "agenda",
    "minutes",
    "decision_list",
    "action_list",
    "proposal",
    "letter",
    "memo",
    "application_form",
    "assessment_report",
    "programme",
    "budget",
    "policy_report",
    "parliamentary_letter",
    "other",
)
