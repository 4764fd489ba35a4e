"""The audit log page: auditors and administrators read it and verify its hash chain."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bijak.site.audit.selectors import audit_entries
from bijak.site.audit.services import ChainCheck, audit_verify
from bijak.site.org.access import access_audit_log
from bijak.site.search import search_term


def chain_message(check: ChainCheck) -> str:
    if check.ok:
        return _("Rantai audit utuh: %(count)d entri diperiksa, tidak ada yang diubah.") % {
            "count": check.entries}
    reasons = {
        "content": _("isi entri diubah setelah dicatat"),
        "link": _("tautan ke entri sebelumnya tidak cocok"),
        "gap": _("ada entri yang hilang sebelum entri ini"),
        "truncated": _("entri ini dan sesudahnya hilang dari akhir log"),
        "head": _("entri ini tidak tercatat di kepala rantai (disisipkan atau diubah di luar "
                  "bijak)"),
        "checkpoint": _("isinya berbeda dari titik periksa yang ditandatangani (rantai ditulis "
                        "ulang)"),
    }
    return _("Rantai audit RUSAK pada entri #%(seq)d: %(reason)s.") % {
        "seq": check.first_bad_seq, "reason": reasons.get(check.reason, check.reason)}


@login_required
def log(request: HttpRequest) -> HttpResponse:
    access_audit_log(request.user)
    action, search_error = search_term(request, "aksi")
    page = Paginator(audit_entries(action_prefix=action), 50).get_page(request.GET.get("halaman"))
    for entry in page.object_list:
        entry.data_json = json.dumps(entry.data, ensure_ascii=False, indent=1, sort_keys=True)
    check = audit_verify() if request.GET.get("periksa") else None
    return render(request, "audit/log.html", {
        "page": page, "action": action, "check": check,
        "check_message": chain_message(check) if check else "", "search_error": search_error,
    }, status=400 if search_error else 200)


@login_required
def export(request: HttpRequest) -> StreamingHttpResponse:
    """The whole log as JSON Lines, oldest first, hashes included, to verify it elsewhere."""
    access_audit_log(request.user)

    def lines() -> Iterator[str]:
        for entry in audit_entries().order_by("seq").iterator(chunk_size=500):
            yield json.dumps({
                "seq": entry.seq, "created_at": entry.created_at.isoformat(),
                "actor_id": entry.actor_id, "actor_label": entry.actor_label,
                "action": entry.action, "target_type": entry.target_type,
                "target_id": entry.target_id, "data": entry.data,
                "prev_hash": entry.prev_hash, "hash": entry.hash,
            }, ensure_ascii=False, sort_keys=True) + "\n"

    response = StreamingHttpResponse(lines(), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bijak-audit.jsonl"'
    return response
