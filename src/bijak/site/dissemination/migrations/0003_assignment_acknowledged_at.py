# ruff: noqa: RUF012
from typing import Any

from django.db import migrations, models


def fill(apps: Any, schema_editor: Any) -> None:
    """Copy the time of each valid acknowledgement onto its assignment."""
    Acknowledgement = apps.get_model("dissemination", "Acknowledgement")
    Assignment = apps.get_model("dissemination", "Assignment")
    for assignment_id, at in Acknowledgement.objects.filter(stale_since__isnull=True).values_list(
        "assignment_id", "acknowledged_at"
    ):
        Assignment.objects.filter(pk=assignment_id).update(acknowledged_at=at)


class Migration(migrations.Migration):
    dependencies = [
        ("dissemination", "0002_reminder_notification"),
    ]

    operations = [
        migrations.AddField(
            model_name="assignment",
            name="acknowledged_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
