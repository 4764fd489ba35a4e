"""The audit log page: auditors and administrators read it and verify its hash chain."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bijak.site.audit.present import ACTION_GROUPS, ACTION_LABELS, TARGET_LABELS, entries_view
from bijak.site.audit.selectors import audit_entries
from bijak.site.audit.services import ChainCheck, audit_verify
from bijak.site.org.access import access_audit_log
from bijak.site.search import search_term


def chain_message(check: ChainCheck) -> str:
    if check.ok:
        return _("Rantai audit utuh: %(count)d entri diperiksa, tidak ada yang diubah.") % {
            "count": check.entries
        }
    reasons = {
        "content": _("isi entri diubah setelah dicatat"),
        "link": _("tautan ke entri sebelumnya tidak cocok"),
        "gap": _("ada entri yang hilang sebelum entri ini"),
        "truncated": _("entri ini dan sesudahnya hilang dari akhir log"),
        "head": _(
            "entri ini tidak tercatat di kepala rantai (disisipkan atau diubah di luar bijak)"
        ),
        "checkpoint": _(
            "isinya berbeda dari titik periksa yang ditandatangani (rantai ditulis ulang)"
        ),
    }
    return _("Rantai audit RUSAK pada entri #%(seq)d: %(reason)s.") % {
        "seq": check.first_bad_seq,
        "reason": reasons.get(check.reason, check.reason),
    }


def _date(request: HttpRequest, name: str, errors: list[str]) -> dt.date | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        errors.append(
            _("Tanggal %(value)s tidak dikenali; pakai pemilih tanggal (tahun-bulan-hari).")
            % {"value": raw[:20]}
        )
        return None


@login_required
def log(request: HttpRequest) -> HttpResponse:
    access_audit_log(request.user)
    action, search_error = search_term(request, "aksi")
    person, person_error = search_term(request, "orang")
    target_type = request.GET.get("objek", "")
    if target_type not in TARGET_LABELS:
        target_type = ""
    errors = [e for e in (search_error, person_error) if e]
    since = _date(request, "sejak", errors)
    until = _date(request, "sampai", errors)
    entries = audit_entries(
        action_prefix=action, person=person, target_type=target_type, since=since, until=until
    )
    page = Paginator(entries, 50).get_page(request.GET.get("halaman"))
    rows = entries_view(page.object_list)
    for row in rows:
        row.data_json = json.dumps(row.data, ensure_ascii=False, indent=1, sort_keys=True)  # type: ignore[attr-defined]
    check = audit_verify() if request.GET.get("periksa") else None
    filtered = bool(action or person or target_type or since or until)
    actions = [
        (
            prefix,
            str(label),
            [(code, str(ACTION_LABELS[code])) for code in ACTION_LABELS if code.startswith(prefix)],
        )
        for prefix, label in ACTION_GROUPS
    ]
    return render(
        request,
        "audit/log.html",
        {
            "page": page,
            "rows": rows,
            "action": action,
            "person": person,
            "target_type": target_type,
            "since": request.GET.get("sejak", "") if since else "",
            "until": request.GET.get("sampai", "") if until else "",
            "filtered": filtered,
            "actions": actions,
            "targets": [(key, str(label)) for key, label in TARGET_LABELS.items()],
            "check": check,
            "check_message": chain_message(check) if check else "",
            "search_error": " ".join(errors),
        },
        status=400 if errors else 200,
    )


@login_required
def export(request: HttpRequest) -> StreamingHttpResponse:
    """The whole log as JSON Lines, oldest first, hashes included, to verify it elsewhere."""
    access_audit_log(request.user)

    def lines() -> Iterator[str]:
        for entry in audit_entries().order_by("seq").iterator(chunk_size=500):
            yield (
                json.dumps(
                    {
                        "seq": entry.seq,
                        "created_at": entry.created_at.isoformat(),
                        "actor_id": entry.actor_id,
                        "actor_label": entry.actor_label,
                        "action": entry.action,
                        "target_type": entry.target_type,
                        "target_id": entry.target_id,
                        "data": entry.data,
                        "prev_hash": entry.prev_hash,
                        "hash": entry.hash,
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                )
                + "\n"
            )

    response = StreamingHttpResponse(lines(), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bijak-audit.jsonl"'
    return response
