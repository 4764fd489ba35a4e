"""Verify the audit log's hash chain from the command line (for a nightly job).

Exit status 0 when the chain is intact, 1 when it is broken.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Verify the audit log's hash chain; exit 1 if an entry was altered or removed."

    def handle(self, *args: Any, **options: Any) -> None:
        from bijak.site.audit.services import audit_verify
        from bijak.site.audit.views import chain_message

        check = audit_verify()
        if check.ok:
            self.stdout.write(chain_message(check))
            return
        self.stderr.write(chain_message(check))
        sys.exit(1)
