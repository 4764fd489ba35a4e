"""`manage.py bijak_policy_load [--file F]`: load a policy file as a version and activate it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bijak.policy import PolicyError
from bijak.site.policies.services import policy_version_load


class Command(BaseCommand):
    help = "Load a policy file (default: the shipped circular) as a version and activate it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", dest="file", default=None, help="policy YAML file")
        parser.add_argument("--inactive", action="store_true", help="store without activating")
        parser.add_argument(
            "--effective-date",
            dest="effective_date",
            default=None,
            help="YYYY-MM-DD (default: the file's effective_date when complete)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        effective = None
        if options["effective_date"]:
            try:
                effective = dt.date.fromisoformat(options["effective_date"])
            except ValueError:
                raise CommandError("--effective-date must be YYYY-MM-DD") from None
        try:
            version = policy_version_load(
                path=options["file"], effective_date=effective, activate=not options["inactive"]
            )
        except PolicyError as exc:
            name = options["file"] or "policy"
            raise CommandError("\n".join(i.format(name) for i in exc.issues)) from None
        except FileNotFoundError as exc:
            raise CommandError(f"cannot read {exc.filename}") from None
        state = "active" if version.is_active else "inactive"
        self.stdout.write(
            f"{version.policy_id} {version.version} sha256:{version.content_hash} ({state})"
        )
