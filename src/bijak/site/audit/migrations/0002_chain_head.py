# ruff: noqa: RUF012
from typing import Any

from django.db import migrations, models

GENESIS = "0" * 64


def head_from_last_entry(apps: Any, schema_editor: Any) -> None:
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ChainHead = apps.get_model("audit", "ChainHead")
    last = AuditEntry.objects.order_by("-seq").first()
    ChainHead.objects.create(pk=1, seq=last.seq if last else 0, hash=last.hash if last else GENESIS)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False),
                ),
                ("seq", models.PositiveBigIntegerField(default=0)),
                ("hash", models.CharField(default=GENESIS, max_length=64)),
            ],
            options={
                "verbose_name": "kepala rantai audit",
                "verbose_name_plural": "kepala rantai audit",
            },
        ),
        migrations.RunPython(head_from_last_entry, migrations.RunPython.noop),
    ]
