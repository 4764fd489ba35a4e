"""Who may see and do what in monitoring: the only place this app decides permissions.

- compliance officers review, import and scan for the staff of the units their officer grant
  covers (held org-wide: everyone), and nothing beyond that grant;
- auditors read the same (their grant's scope) and change nothing;
- a unit head sees flags on the staff of the units they head only once confirmed;
- an employee sees their own accounts, posts and the status of flags on them, and registers
  and imports their own accounts;
- four eyes: nobody reviews a flag on their own posts or on a post of someone they supervise
  directly (they head the employee's own unit);
- a missing object and a forbidden one answer the same 404.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bijak.site.monitoring.models import Account, Flag, Post, PostImport, Scan
from bijak.site.org.access import (
    AUDITOR,
    OFFICER,
    UNIT_HEAD,
    employee_of,
    unit_subtree_ids,
    user_grants,
)
from bijak.site.org.models import Employee

ALL = None
_M = TypeVar("_M", bound=Model)


def _units(user: Any, roles: set[str]) -> set[int] | None:
    """Unit ids covered by the user's grants of exactly these roles; None: the whole org."""
    covered: set[int] = set()
    for grant in user_grants(user):
        if grant.role not in roles:
            continue
        if grant.unit_id is None:
            return ALL
        covered |= unit_subtree_ids(grant.unit_id)
    return covered


def review_units(user: Any) -> set[int] | None:
    return _units(user, {OFFICER})


def read_units(user: Any) -> set[int] | None:
    return _units(user, {OFFICER, AUDITOR})


def can_review(user: Any) -> bool:
    return any(g.role == OFFICER for g in user_grants(user))


def can_read_desk(user: Any) -> bool:
    return any(g.role in (OFFICER, AUDITOR) for g in user_grants(user))


def can_see_confirmed(user: Any) -> bool:
    return any(g.role == UNIT_HEAD for g in user_grants(user))


def _in_units(queryset: QuerySet[_M], path: str, units: set[int] | None) -> QuerySet[_M]:
    return queryset if units is ALL else queryset.filter(**{f"{path}__in": units})


def _own_q(user: Any, path: str) -> Q:
    own = employee_of(user)
    return Q(**{path: own.pk}) if own else Q(pk__in=[])


def employees_for_registration(user: Any) -> QuerySet[Employee]:
    """Employees whose accounts the user may register: staff in officer scope, and oneself."""
    employees = Employee.objects.select_related("unit")
    units = review_units(user)
    own = _own_q(user, "pk")
    if units is ALL:
        return employees.all()
    return employees.filter(Q(unit_id__in=units) | own)


def accounts_visible_to(user: Any) -> QuerySet[Account]:
    accounts = Account.objects.select_related("employee__unit", "registered_by")
    units = read_units(user)
    if units is ALL:
        return accounts.all()
    return accounts.filter(Q(employee__unit_id__in=units) | _own_q(user, "employee_id"))


def accounts_of_own(user: Any) -> QuerySet[Account]:
    """The accounts registered in the user's own name."""
    own = employee_of(user)
    if own is None:
        return Account.objects.none()
    return Account.objects.select_related("registered_by").filter(employee_id=own.pk)


def access_account_by_id(user: Any, account_id: int | str) -> Account:
    try:
        return accounts_visible_to(user).get(pk=int(account_id))
    except (Account.DoesNotExist, ValueError, TypeError):
        raise Http404("account") from None


def can_import_for(user: Any, account: Account) -> bool:
    """Officers for staff in scope; an employee for their own account."""
    own = employee_of(user)
    if own is not None and own.pk == account.employee_id:
        return True
    units = review_units(user)
    return can_review(user) and (units is ALL or account.employee.unit_id in units)


def access_account_for_import(user: Any, account_id: int | str) -> Account:
    account = access_account_by_id(user, account_id)
    if not can_import_for(user, account):
        raise Http404("account")
    return account


def access_post_import_by_id(user: Any, import_id: int | str) -> PostImport:
    """An import: only the person who uploaded it (still allowed to import) may see it."""
    try:
        batch = PostImport.objects.select_related("account__employee").get(
            pk=int(import_id), created_by=user
        )
    except (PostImport.DoesNotExist, ValueError, TypeError):
        raise Http404("import") from None
    if not can_import_for(user, batch.account):
        raise Http404("import")
    return batch


def scans_visible_to(user: Any) -> QuerySet[Scan]:
    scans = Scan.objects.all()
    if can_read_desk(user):
        return scans
    return scans.filter(created_by=user)


def access_scan_by_id(user: Any, scan_id: int | str) -> Scan:
    try:
        return scans_visible_to(user).get(pk=int(scan_id))
    except (Scan.DoesNotExist, ValueError, TypeError):
        raise Http404("scan") from None


def access_desk(user: Any) -> None:
    if not can_read_desk(user):
        raise Http404("desk")


def access_review(user: Any) -> None:
    if not can_review(user):
        raise Http404("review")


def _flags() -> QuerySet[Flag]:
    return Flag.objects.select_related(
        "post__account__employee__unit",
        "post__account__employee__user",
        "claimed_by",
        "first_reviewer",
        "decided_by",
    )


def flags_on_desk(user: Any) -> QuerySet[Flag]:
    """Flags an officer or auditor may read (their grant's scope)."""
    if not can_read_desk(user):
        return Flag.objects.none()
    return _in_units(_flags(), "post__account__employee__unit_id", read_units(user))


def flags_reviewable_by(user: Any) -> QuerySet[Flag]:
    """Flags the user may decide: in officer scope, not on their own posts, not on posts of
    staff of a unit they head themselves (four eyes)."""
    if not can_review(user):
        return Flag.objects.none()
    flags = _in_units(_flags(), "post__account__employee__unit_id", review_units(user))
    own = employee_of(user)
    if own is not None:
        flags = flags.exclude(post__account__employee_id=own.pk)
    headed = [g.unit_id for g in user_grants(user) if g.role == UNIT_HEAD and g.unit_id]
    if headed:
        flags = flags.exclude(post__account__employee__unit_id__in=headed)
    return flags


def flags_of_staff_confirmed(user: Any) -> QuerySet[Flag]:
    """A unit head's view: confirmed flags of their units' staff (never raw flags)."""
    units = _units(user, {UNIT_HEAD})
    if units is not ALL and not units:
        return Flag.objects.none()
    return _in_units(
        _flags().filter(status=Flag.Status.CONFIRMED, kind=Flag.Kind.FLAG),
        "post__account__employee__unit_id",
        units,
    )


def flags_on_own_posts(user: Any) -> QuerySet[Flag]:
    own = employee_of(user)
    if own is None:
        return Flag.objects.none()
    return _flags().filter(post__account__employee_id=own.pk, kind=Flag.Kind.FLAG)


def review_conflict(user: Any, flag: Flag) -> str:
    """Why the user may not decide this flag ("" when they may)."""
    employee = flag.post.account.employee
    if employee.user_id is not None and employee.user_id == user.pk:
        return _("Anda tidak boleh meninjau temuan atas unggahan Anda sendiri.")
    headed = {g.unit_id for g in user_grants(user) if g.role == UNIT_HEAD}
    if employee.unit_id in headed:
        return _(
            "Anda tidak boleh meninjau temuan atas unggahan pegawai yang Anda pimpin langsung."
        )
    return ""


def access_flag_by_id(user: Any, flag_id: int | str) -> Flag:
    """A flag the user may read: on the desk (officer, auditor), confirmed on their staff
    (unit head), or on their own posts (employee)."""
    try:
        pk = int(flag_id)
    except (ValueError, TypeError):
        raise Http404("flag") from None
    for queryset in (flags_on_desk(user), flags_of_staff_confirmed(user), flags_on_own_posts(user)):
        flag = queryset.filter(pk=pk).first()
        if flag is not None:
            return flag
    raise Http404("flag")


def access_flag_for_review(user: Any, flag_id: int | str) -> Flag:
    """A flag the user may act on (claim, confirm, dismiss): in officer scope."""
    access_review(user)
    try:
        return _in_units(_flags(), "post__account__employee__unit_id", review_units(user)).get(
            pk=int(flag_id)
        )
    except (Flag.DoesNotExist, ValueError, TypeError):
        raise Http404("flag") from None


def posts_visible_to(user: Any) -> QuerySet[Post]:
    posts = Post.objects.select_related("account__employee__unit")
    units = read_units(user)
    if units is ALL:
        return posts.all()
    return posts.filter(
        Q(account__employee__unit_id__in=units) | _own_q(user, "account__employee_id")
    )
