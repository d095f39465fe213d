"""What people decide changes the fact columns lists filter on (``store.audience``).

A review decision (accepted, rejected), a correction (fields, deletion) and an action's
status are kept by fact key in the web app; when one is saved or deleted, the facts with
that key get their ``audience``, status and corrected columns anew, so every list, count
and filter option follows at once. Connected once, in ``WebConfig.ready``.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save


def _refresh(sender, instance, **kwargs) -> None:
    from ..store.audience import refresh

    if getattr(instance, "fact_key", ""):
        refresh(keys=[instance.fact_key])


def connect() -> None:
    from .models import ActionStatus, Correction, ReviewDecision

    for model in (ReviewDecision, Correction, ActionStatus):
        for signal in (post_save, post_delete):
            signal.connect(_refresh, sender=model, dispatch_uid=f"columns_sync.{signal is post_save}.{model.__name__}")
