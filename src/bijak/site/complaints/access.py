"""Who may see and do what with complaints. Missing and forbidden answer the same 404.

- officers and admins (any grant) read and act on every complaint: complaints are about content
  found anywhere, not about a unit;
- auditors read every complaint and change nothing;
- a logged-in reporter sees their own complaints; anyone (anonymous included) sees a complaint
  whose ticket key they proved in this session (`ticket_keys` in the session);
- nobody else sees anything.
"""

from __future__ import annotations

import hmac
from typing import Any

from django.http import Http404, HttpRequest

from bijak.site.complaints.models import Complaint
from bijak.site.org.access import ADMIN, AUDITOR, OFFICER, has_role

SESSION_KEY = "complaint_tickets"


def can_handle_complaints(user: Any) -> bool:
    return has_role(user, OFFICER, ADMIN)


def can_read_all_complaints(user: Any) -> bool:
    return has_role(user, OFFICER, ADMIN, AUDITOR)


def access_complaint_for_staff(user: Any, ticket: str) -> Complaint:
    """A complaint for the officers' pages (read: officers, admins, auditors)."""
    if not can_read_all_complaints(user):
        raise Http404
    try:
        return Complaint.objects.select_related("group", "reporter").get(ticket=ticket)
    except Complaint.DoesNotExist:
        raise Http404 from None


def access_complaint_for_action(user: Any, ticket: str) -> Complaint:
    """A complaint an officer or admin acts on."""
    if not can_handle_complaints(user):
        raise Http404
    return access_complaint_for_staff(user, ticket)


def remember_ticket(request: HttpRequest, complaint: Complaint) -> None:
    tickets = list(request.session.get(SESSION_KEY, []))
    if complaint.ticket not in tickets:
        tickets.append(complaint.ticket)
    request.session[SESSION_KEY] = tickets[-20:]


def ticket_key_matches(complaint: Complaint, key: str) -> bool:
    from bijak.site.complaints.services import key_hash

    return hmac.compare_digest(complaint.key_hash, key_hash(key))


def access_complaint_for_reporter(request: HttpRequest, ticket: str) -> Complaint:
    """The reporter's view of a complaint: their own (logged in), or one whose key was given in
    this session."""
    try:
        complaint = Complaint.objects.select_related("group").get(ticket=ticket)
    except Complaint.DoesNotExist:
        raise Http404 from None
    user = request.user
    if getattr(user, "is_authenticated", False) and complaint.reporter_id == user.pk:
        return complaint
    if ticket in request.session.get(SESSION_KEY, []):
        return complaint
    raise Http404
