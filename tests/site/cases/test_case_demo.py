"""`make demo` shows cases in different states (written by the bijak authors)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from bijak.site.cases.models import Case, CaseEvent


@pytest.mark.django_db
def test_demo_setup_makes_cases_in_every_kind_of_state_once() -> None:
    call_command("bijak_demo_setup", stdout=io.StringIO())
    states = sorted(Case.objects.values_list("state", flat=True))
    assert states == ["closed", "objection", "opened", "opened", "summoned_1", "team"]
    # the Tim Pemeriksa is formed by the PPK (the demo's appointed PPK, not the administrator)
    team = CaseEvent.objects.get(kind="form_team")
    assert team.actor.username == "ppk" and "Inspektorat" in team.data["team_members"]
    assert CaseEvent.objects.filter(kind="escalate").count() == 1
    call_command("bijak_demo_setup", stdout=io.StringIO())
    assert Case.objects.count() == 6
