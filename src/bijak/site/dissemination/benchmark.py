"""`bijak benchmark dissemination`: the coverage page and the evidence export for a
ministry-sized organisation.

A throw-away database (Django's test database of the configured one: run it with
DATABASE_URL=postgres://... for the PostgreSQL figures) gets `units` units in four levels,
`employees` staff spread over them, a campaign over the whole organisation and one valid
acknowledgement per person (rows written in bulk: the set-up is not what is measured). Then:
- the coverage page `/sosialisasi/<id>/` as an organisation-wide officer through the Django
  test client: median and worst of `runs` renders after a warm-up, and the number of queries;
- `evidence_export` of every acknowledgement into a temporary folder: seconds.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any


def run_dissemination_benchmark(
    *, units: int = 200, employees: int = 30_000, runs: int = 7
) -> dict[str, Any]:
    from bijak.cli.site import setup_django

    setup_django()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        return _measure(units=units, employees=employees, runs=runs)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def _measure(*, units: int, employees: int, runs: int) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import OuterRef, Subquery
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from bijak.site.dissemination.attest import attested_text, policy_of, text_sha256
    from bijak.site.dissemination.evidence import evidence_export
    from bijak.site.dissemination.models import Acknowledgement, Assignment
    from bijak.site.dissemination.services import campaign_start, question_bank_load
    from bijak.site.org.models import Employee, OrgUnit, RoleAssignment
    from bijak.site.policies.services import policy_version_load

    version = policy_version_load(actor=None)
    question_bank_load(actor=None)
    # four levels: 1 Eselon I root, then Eselon II, III, IV in roughly 1:3:6 proportions
    root = OrgUnit.objects.create(code="K", name="Kementerian", level="eselon_1")
    e2 = max(1, (units - 1) // 10)
    e3 = max(1, (units - 1 - e2) // 3)
    e4 = max(0, units - 1 - e2 - e3)
    made: list[OrgUnit] = [root]
    level2 = OrgUnit.objects.bulk_create(
        [
            OrgUnit(code=f"K.{i:03d}", name=f"Direktorat {i}", level="eselon_2", parent=root)
            for i in range(e2)
        ]
    )
    level3 = OrgUnit.objects.bulk_create(
        [
            OrgUnit(
                code=f"{level2[i % e2].code}.{i:03d}",
                name=f"Subdirektorat {i}",
                level="eselon_3",
                parent=level2[i % e2],
            )
            for i in range(e3)
        ]
    )
    level4 = OrgUnit.objects.bulk_create(
        [
            OrgUnit(
                code=f"{level3[i % e3].code}.{i:03d}",
                name=f"Seksi {i}",
                level="eselon_4",
                parent=level3[i % e3],
            )
            for i in range(e4)
        ]
    )
    made += level2 + level3 + level4
    Employee.objects.bulk_create(
        [
            Employee(
                nip=f"{199000000000000000 + i}", name=f"Pegawai {i:05d}", unit=made[i % len(made)]
            )
            for i in range(employees)
        ],
        batch_size=5000,
    )
    officer = get_user_model().objects.create_user(username="officer-bench", password=None)
    RoleAssignment.objects.create(user=officer, role="officer", unit=None)
    today = timezone.localdate()
    campaign = campaign_start(
        actor=officer,
        title="Benchmark",
        units=[root],
        start_date=today - dt.timedelta(days=30),
        due_date=today + dt.timedelta(days=7),
    )
    text_hash = text_sha256(attested_text(policy_of(version), "id"))
    now = timezone.now()
    assignment_ids = list(Assignment.objects.filter(campaign=campaign).values_list("pk", flat=True))
    Assignment.objects.filter(campaign=campaign).update(passed_at=now, best_score=100, attempts=1)
    Acknowledgement.objects.bulk_create(
        [
            Acknowledgement(
                assignment_id=pk,
                acknowledged_at=now - dt.timedelta(days=i % 30),
                policy_version=version,
                policy_hash=version.content_hash,
                text_hash=text_hash,
                lang="id",
                quiz_score=100,
                quiz_attempts=1,
            )
            for i, pk in enumerate(assignment_ids)
        ],
        batch_size=5000,
    )
    Assignment.objects.filter(campaign=campaign).update(
        acknowledged_at=Subquery(
            Acknowledgement.objects.filter(
                assignment=OuterRef("pk"), stale_since__isnull=True
            ).values("acknowledged_at")[:1]
        )
    )

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # what autovacuum does after a bulk load
            cursor.execute("ANALYZE")
    client = Client()
    client.force_login(officer)
    url = f"/sosialisasi/{campaign.pk}/"
    warm = client.get(url)
    assert warm.status_code == 200, warm.status_code
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        manifest = evidence_export(campaign=campaign, out=Path(tmp) / "bukti", key_path=None)
        export_s = time.perf_counter() - start
    return {
        "database": connection.vendor,
        "units": len(made),
        "employees": employees,
        "acknowledgements": len(assignment_ids),
        "coverage_page_ms_median": round(statistics.median(timings), 1),
        "coverage_page_ms_max": round(max(timings), 1),
        "coverage_page_queries": len(queries.captured_queries),
        "coverage_page_bytes": len(warm.content),
        "evidence_export_s": round(export_s, 2),
        "evidence_records": manifest["records"],
        "targets": {"coverage_page_ms": 300, "evidence_export_s": 10},
        # the machine is shared: its load while measuring, to read the figures against
        "load_average_1m": round(os.getloadavg()[0], 1),
    }
