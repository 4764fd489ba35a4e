"""The built-in home panels (checks, organisation, audit), registered at start-up by UiConfig.

Each is read-only and uses the apps' selectors and access_* functions. Later apps add theirs
with `bijak.site.ui.panels.register` from their own AppConfig.ready() (docs/design-system.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bijak.site.ui.panels import ANY_USER, HomePanel, NextAction, register


def _checks_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.checks.selectors import saved_checks_for_user

    saved = saved_checks_for_user(user=request.user)
    return {
        "saved_count": saved.count(),
        "recent": list(saved[:3]),
        "next_actions": [
            NextAction(
                text=_("Punya draf unggahan? Cek dulu sebelum mengunggah."),
                url=reverse("checks:check"),
                label=_("Cek draf"),
                urgency=90,
            )
        ],
    }


def _unit_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.org.access import employees_supervised_by

    staff = employees_supervised_by(request.user)
    if not staff.exists():
        return None
    counts = staff.aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(user__isnull=False, user__is_active=True)),
        inactive=Count("pk", filter=Q(user__isnull=False, user__is_active=False)),
        none=Count("pk", filter=Q(user__isnull=True)),
    )
    without = list(staff.filter(user__isnull=True).select_related("unit").order_by("name")[:5])
    actions = []
    if counts["none"]:
        actions.append(
            NextAction(
                text=ngettext(
                    "%(n)d pegawai di unit Anda belum punya akun bijak.",
                    "%(n)d pegawai di unit Anda belum punya akun bijak.",
                    counts["none"],
                )
                % {"n": counts["none"]},
                url=reverse("org:employees"),
                label=_("Lihat pegawai"),
                urgency=20,
            )
        )
    return {
        "counts": counts,
        "without": without,
        "accounts": [
            (_("Akun aktif"), counts["active"]),
            (_("Akun nonaktif"), counts["inactive"]),
            (_("Belum punya akun"), counts["none"]),
        ],
        "next_actions": actions,
    }


def _officer_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.checks.access import can_see_check_statistics
    from bijak.site.checks.selectors import clause_totals
    from bijak.site.org.models import Employee

    if not can_see_check_statistics(request.user):
        return None
    from bijak.site.policies.present import clause_labels, current_lang
    from bijak.site.policies.selectors import policy_active

    until = timezone.localdate()
    since = until - dt.timedelta(days=29)
    totals = clause_totals(since=since, until=until)
    labels = clause_labels(policy_active(), current_lang())
    bars = [
        {
            "label": f"{cid} {labels.get(cid, '')}".strip(),
            "value": n,
            "href": reverse("policies:clause", args=[cid]) if cid in labels else "",
        }
        for cid, n in totals[:6]
    ]
    from bijak.site.org.access import can_import_employees
    from bijak.site.org.selectors import import_batches_of

    actions = []
    pending = import_batches_of(request.user).filter(status="pending").first()
    if pending is not None:
        actions.append(
            NextAction(
                text=_("Impor %(file)s menunggu konfirmasi Anda.") % {"file": pending.filename},
                url=reverse("org:import_batch", args=[pending.pk]),
                label=_("Tinjau impor"),
                urgency=15,
            )
        )
    without = Employee.objects.filter(user__isnull=True).count()
    if without and can_import_employees(request.user):
        actions.append(
            NextAction(
                text=ngettext(
                    "%(n)d pegawai belum punya akun. Buka profilnya lalu kirim undangan.",
                    "%(n)d pegawai belum punya akun. Buka profilnya lalu kirim undangan.",
                    without,
                )
                % {"n": without},
                url=reverse("org:employees"),
                label=_("Lihat pegawai"),
                urgency=25,
            )
        )
    if not Employee.objects.exists():
        actions.append(
            NextAction(
                text=_("Belum ada data pegawai. Impor dari berkas CSV atau XLSX."),
                url=reverse("org:import"),
                label=_("Impor pegawai"),
                urgency=10,
            )
        )
    return {
        "bars": bars,
        "since": since,
        "until": until,
        "checks_total": sum(n for _cid, n in totals),
        "next_actions": actions,
    }


def _auditor_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.audit.present import entries_view
    from bijak.site.audit.selectors import audit_entries
    from bijak.site.org.access import can_read_audit

    if not can_read_audit(request.user):
        return None

    entries = audit_entries()
    # changes, not sessions: sign-ins and sign-outs would fill the list
    changes = entries.exclude(action__in=["user.login", "user.logout"])
    recent = entries_view(changes[:5])
    last_day = timezone.now() - dt.timedelta(days=1)
    return {
        "recent": recent,
        "total": entries.count(),
        "last_day": entries.filter(created_at__gte=last_day).count(),
        "next_actions": [
            NextAction(
                text=_("Pastikan tidak ada entri log audit yang diubah diam-diam."),
                url=reverse("audit:log") + "?periksa=1",
                label=_("Periksa rantai audit"),
                urgency=40,
            )
        ],
    }


def _admin_context(request: HttpRequest) -> dict[str, Any] | None:
    from bijak.site.accounts.models import User
    from bijak.site.org.access import can_manage_org
    from bijak.site.org.models import Employee, OrgUnit, RoleAssignment

    if not can_manage_org(request.user):
        return None

    heads = RoleAssignment.objects.filter(role="unit_head").values("unit_id")
    headless = list(
        OrgUnit.objects.filter(level="eselon_2").exclude(pk__in=heads).order_by("code")[:5]
    )
    headless_count = OrgUnit.objects.filter(level="eselon_2").exclude(pk__in=heads).count()
    roles = dict(RoleAssignment.objects.values_list("role").annotate(n=Count("pk")).order_by())
    from bijak.site.audit.present import ROLE_LABELS

    role_rows = [
        (str(ROLE_LABELS[r]), roles.get(r, 0))
        for r in ("unit_head", "officer", "auditor", "admin", "ppk")
    ]
    employees = Employee.objects.count()
    without_account = Employee.objects.filter(user__isnull=True).count()
    actions = []
    if headless_count:
        actions.append(
            NextAction(
                text=ngettext(
                    "%(n)d unit Eselon II belum punya kepala unit di bijak.",
                    "%(n)d unit Eselon II belum punya kepala unit di bijak.",
                    headless_count,
                )
                % {"n": headless_count},
                url=reverse("org:manage"),
                label=_("Beri peran"),
                urgency=30,
            )
        )
    return {
        "units": OrgUnit.objects.count(),
        "employees": employees,
        "users": User.objects.filter(is_active=True).count(),
        "without_account": without_account,
        "headless": headless,
        "headless_count": headless_count,
        "roles": role_rows,
        "next_actions": actions,
    }


register(
    HomePanel(
        id="checks.mine",
        roles=frozenset({ANY_USER}),
        order=90,
        template="ui/panels/checks_mine.html",
        context=_checks_context,
    )
)
register(
    HomePanel(
        id="org.unit_coverage",
        roles=frozenset({"unit_head"}),
        order=20,
        template="ui/panels/unit_coverage.html",
        context=_unit_context,
    )
)
register(
    HomePanel(
        id="checks.statistics",
        roles=frozenset({"officer", "admin"}),
        order=30,
        template="ui/panels/check_statistics.html",
        context=_officer_context,
    )
)
register(
    HomePanel(
        id="audit.recent",
        roles=frozenset({"auditor", "admin"}),
        order=40,
        template="ui/panels/audit_recent.html",
        context=_auditor_context,
    )
)
register(
    HomePanel(
        id="org.health",
        roles=frozenset({"admin"}),
        order=50,
        template="ui/panels/org_health.html",
        context=_admin_context,
    )
)
