"""Who may see and do what in dissemination. Missing and forbidden answer the same 404.

- read: unit heads, officers, auditors and admins see campaigns whose scope touches the units
  they cover (org-wide holders: every campaign), and coverage only for those units;
- act: unit heads act within the subtree they head, officers and admins within the subtree of
  their grant; auditors never act;
- an employee sees only their own assignments, through their personal link.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from bijak.site.dissemination.models import Assignment, Campaign, HeadConfirmation
from bijak.site.org.access import (
    ADMIN,
    AUDITOR,
    OFFICER,
    OVERSEEING_ROLES,
    UNIT_HEAD,
    _covered_unit_ids,
    _descendant_ids,
    has_role,
)
from bijak.site.org.models import OrgUnit

MANAGING_ROLES = frozenset({UNIT_HEAD, OFFICER, ADMIN})
READING_ROLES = frozenset(OVERSEEING_ROLES)


def _authenticated(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


# Stands for the operator at the command line (`bijak campaign ...`), who reads everything.
COMMAND_LINE = object()


def readable_unit_ids(user: Any) -> set[int] | None:
    """Units whose coverage the user may read; None: the whole organisation."""
    if user is COMMAND_LINE:
        return None
    if not _authenticated(user):
        return set()
    return _covered_unit_ids(user, READING_ROLES)


def managed_unit_ids(user: Any) -> set[int] | None:
    """Units the user may run dissemination in; None: the whole organisation."""
    if not _authenticated(user):
        return set()
    return _covered_unit_ids(user, MANAGING_ROLES)


def campaign_scope_ids(campaign: Campaign) -> set[int]:
    """The campaign's units and every unit below them."""
    return _descendant_ids(set(campaign.units.values_list("pk", flat=True)))


def can_read_dissemination(user: Any) -> bool:
    return _authenticated(user) and has_role(user, *READING_ROLES)


def can_start_campaign(user: Any) -> bool:
    return _authenticated(user) and has_role(user, *MANAGING_ROLES)


def campaign_units_choosable(user: Any) -> list[OrgUnit]:
    """Units the user may start a campaign over."""
    managed = managed_unit_ids(user)
    units = OrgUnit.objects.order_by("code")
    if managed is None:
        return list(units)
    return list(units.filter(pk__in=managed))


def campaigns_visible_to(user: Any) -> list[Campaign]:
    """Campaigns whose scope touches the units the user may read, newest first."""
    readable = readable_unit_ids(user)
    campaigns = list(
        Campaign.objects.select_related("policy_version", "created_by")
        .prefetch_related("units")
        .order_by("-start_date", "-pk")
    )
    if readable is None:
        return campaigns
    if not readable:
        return []
    return [c for c in campaigns if _descendant_ids({u.pk for u in c.units.all()}) & readable]


def access_campaign_by_id(user: Any, campaign_id: int | str) -> Campaign:
    try:
        wanted = int(campaign_id)
    except (TypeError, ValueError):
        raise Http404("campaign") from None
    for campaign in campaigns_visible_to(user):
        if campaign.pk == wanted:
            return campaign
    raise Http404("campaign")


def can_manage_campaign(user: Any, campaign: Campaign) -> bool:
    """May act in the campaign (confirm, record sessions, close): heads, officers and admins
    whose managed units meet the campaign's scope. Auditors never."""
    managed = managed_unit_ids(user)
    if managed is None:
        return True
    return bool(managed & campaign_scope_ids(campaign))


def access_campaign_for_manage(user: Any, campaign_id: int | str) -> Campaign:
    campaign = access_campaign_by_id(user, campaign_id)
    if not can_manage_campaign(user, campaign):
        raise Http404("campaign")
    return campaign


def can_close_campaign(user: Any, campaign: Campaign) -> bool:
    """Close a campaign: whoever started it, or an officer/admin covering its whole scope."""
    if _authenticated(user) and campaign.created_by_id == user.pk:
        return True
    covered = _covered_unit_ids(user, {OFFICER, ADMIN}) if _authenticated(user) else set()
    return covered is None or (bool(covered) and campaign_scope_ids(campaign) <= covered)


def head_units_in(user: Any, campaign: Campaign) -> list[OrgUnit]:
    """The Eselon II units of the campaign's scope that this user heads (or manages as officer
    or admin, who may record a session on a head's behalf)."""
    managed = managed_unit_ids(user)
    scope = campaign_scope_ids(campaign)
    units = OrgUnit.objects.filter(pk__in=scope, level="eselon_2").order_by("code")
    if managed is None:
        return list(units)
    return [u for u in units if u.pk in managed]


def access_head_unit(user: Any, campaign: Campaign, unit_id: int | str) -> OrgUnit:
    for unit in head_units_in(user, campaign):
        if str(unit.pk) == str(unit_id):
            return unit
    raise Http404("unit")


def access_confirmation_file(user: Any, confirmation_id: int | str) -> HeadConfirmation:
    """An attendance list or photo: readable by whoever may read the campaign's coverage of
    that unit."""
    try:
        confirmation = HeadConfirmation.objects.select_related("campaign", "unit").get(
            pk=int(confirmation_id)
        )
    except (HeadConfirmation.DoesNotExist, TypeError, ValueError):
        raise Http404("confirmation") from None
    readable = readable_unit_ids(user)
    if readable is not None and confirmation.unit_id not in readable:
        raise Http404("confirmation")
    access_campaign_by_id(user, confirmation.campaign_id)
    return confirmation


def access_assignment_by_token(user: Any, token: str) -> Assignment:
    """The personal link: only the employee it was made for may open it."""
    if not _authenticated(user) or not token:
        raise Http404("assignment")
    try:
        return Assignment.objects.select_related(
            "campaign", "campaign__policy_version", "unit", "employee"
        ).get(token=str(token)[:64], employee__user=user, withdrawn_at__isnull=True)
    except Assignment.DoesNotExist:
        raise Http404("assignment") from None


def can_read_all(user: Any) -> bool:
    return _authenticated(user) and has_role(user, AUDITOR, OFFICER, ADMIN)


def can_mark_policy_change(user: Any) -> bool:
    """Rule whether a new policy version is a material change: org-wide officers and admins."""
    from bijak.site.org.access import has_org_wide_role

    return _authenticated(user) and has_org_wide_role(user, OFFICER, ADMIN)


def access_policy_change(user: Any) -> None:
    if not can_mark_policy_change(user):
        raise Http404("policy change")
