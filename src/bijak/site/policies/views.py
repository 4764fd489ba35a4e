"""The policy pages: public, read-only views of the active policy version."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bijak.site.policies import present
from bijak.site.policies.selectors import (
    policy_active,
    policy_active_source,
    policy_active_version,
    policy_version_list,
)


def index(request: HttpRequest) -> HttpResponse:
    policy = policy_active()
    lang = present.current_lang()
    version = policy_active_version()
    if version is not None and version.content_hash != policy.content_hash:
        version = None  # never show a version row that is not what the page presents
    context = {
        "policy": policy,
        "lang": lang,
        "title": policy.title(lang),
        "issuer": policy.issuer(lang),
        "instrument": policy.instrument_en
        if lang == "en" and policy.instrument_en
        else policy.instrument_id,
        "purpose": policy.purpose_en if lang == "en" and policy.purpose_en else policy.purpose_id,
        "sections": present.sections_view(policy, lang),
        "legal_basis": [
            {"short": b.short, "text": b.text(lang), "gazette": b.gazette}
            for b in policy.legal_basis
        ],
        "consequence": policy.consequence.text(lang),
        "consequence_note": policy.consequence.note(lang),
        "dissemination": policy.dissemination.text(lang),
        "duty_holder": policy.dissemination.duty_holder(lang),
        "channels": present.channels_view(policy, lang),
        "complaint_kinds": [k.label(lang) for k in policy.complaint_kinds],
        "version": version,
        "history": list(policy_version_list(policy_id=policy.id)[:20]),
        "effective_date": version.effective_date if version and version.effective_date else None,
    }
    return render(request, "policies/index.html", context)


def download(request: HttpRequest) -> HttpResponse:
    """The active policy file, byte for byte, so anyone can check its SHA-256."""
    name, raw = policy_active_source()
    response = HttpResponse(raw, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def clause(request: HttpRequest, clause_id: str) -> HttpResponse:
    policy = policy_active()
    try:
        found = policy.clause(clause_id)
    except KeyError:
        raise Http404(_("Poin tidak ditemukan.")) from None
    lang = present.current_lang()
    ids = [c.id for c in policy.clauses]
    at = ids.index(found.id)
    context = {
        "policy": policy,
        "lang": lang,
        "clause": present.clause_view(policy, found, lang),
        "section": policy.section(found.section).title(lang),
        "section_id": found.section,
        "examples": present.examples_view(policy, found, lang),
        "channels": present.channels_view(policy, lang) if found.kind == "aduan" else [],
        "previous_id": ids[at - 1] if at > 0 else None,
        "next_id": ids[at + 1] if at + 1 < len(ids) else None,
    }
    return render(request, "policies/clause.html", context)
