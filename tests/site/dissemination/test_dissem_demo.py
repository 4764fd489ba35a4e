"""`make demo` shows a campaign in progress: some staff done, some late, one in-person session."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from bijak.site.audit.services import audit_verify
from bijak.site.dissemination.models import Acknowledgement, Campaign, HeadConfirmation
from bijak.site.dissemination.selectors import campaign_coverage


@pytest.mark.django_db
def test_demo_has_a_campaign_in_progress_and_is_idempotent(settings: Any, tmp_path: Any) -> None:
    settings.VAR_DIR = tmp_path
    first, second = io.StringIO(), io.StringIO()
    call_command("bijak_demo_setup", stdout=first)
    call_command("bijak_demo_setup", stdout=second)
    assert first.getvalue() == second.getvalue()
    campaign = Campaign.objects.get()
    assert f"/sosialisasi/{campaign.pk}/" in first.getvalue()
    session = HeadConfirmation.objects.get()
    assert session.mode == "in_person" and session.attendees.count() == 1
    assert Acknowledgement.objects.filter(on_behalf=True).count() == 1
    assert Acknowledgement.objects.filter(on_behalf=False).count() == 2
    from bijak.site.accounts.models import User

    coverage = campaign_coverage(user=User.objects.get(username="kepala"), campaign=campaign)
    assert coverage.total.acknowledged == 3 and coverage.total.overdue >= 3
    assert audit_verify().ok
