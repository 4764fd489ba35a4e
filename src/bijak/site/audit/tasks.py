"""Background work of the audit log (django-tasks; enqueued periodically by `bijak serve`)."""

from __future__ import annotations

from django_tasks import task

from bijak.site.audit.checkpoints import checkpoint_periodic


@task()
def audit_checkpoint_task() -> str:
    """Sign the chain's head into the checkpoint directory when it moved (needs
    BIJAK_AUDIT_KEY_FILE)."""
    path = checkpoint_periodic()
    return str(path) if path else ""
