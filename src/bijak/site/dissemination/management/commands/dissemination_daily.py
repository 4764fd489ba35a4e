"""Run the daily dissemination round now (reminders, escalation, periodic campaigns)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Renew periodic campaigns, sync audiences, queue reminders and escalations (once a day)."

    def handle(self, *args: Any, **options: Any) -> None:
        from bijak.site.dissemination.services import campaign_renew_due, reminders_run

        renewed = campaign_renew_due()
        counts = reminders_run()
        self.stdout.write(
            f"renewed={len(renewed)} reminders={counts['reminders']} "
            f"escalations={counts['escalations']} capped={counts['capped']}"
        )
