"""The audit log in words: who did what to which object, for people (issue 9).

The stored entry keeps its codes (they are hashed); this module only translates them for the
page: `user.login` -> "masuk", `accounts.User 4` -> "Sari Wulandari (sari)". Unknown codes fall
back to the code itself, so a new app's actions still show (and should add a label here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ACTION_LABELS: dict[str, Any] = {
    "user.login": _("masuk"),
    "user.login_failed": _("gagal masuk"),
    "user.logout": _("keluar"),
    "user.password_reset": _("mengganti kata sandi lewat tautan"),
    "user.create": _("membuat akun"),
    "user.password_set": _("menetapkan kata sandi"),
    "user.invite": _("mengundang pegawai membuat akun"),
    "user.activate": _("mengaktifkan akun"),
    "user.deactivate": _("menonaktifkan akun"),
    "orgunit.create": _("membuat unit"),
    "orgunit.update": _("mengubah unit"),
    "employee.create": _("menambah pegawai"),
    "employee.update": _("mengubah data pegawai"),
    "employee.import_preview": _("mengunggah berkas impor pegawai (pratinjau)"),
    "employee.import": _("mengimpor pegawai"),
    "role.assign": _("memberi peran"),
    "role.revoke": _("mencabut peran"),
    "saved_check.create": _("menyimpan draf"),
    "saved_check.delete": _("menghapus draf tersimpan"),
    "api_token.create": _("membuat token API"),
    "api_token.revoke": _("mencabut token API"),
    "policy.load": _("memuat versi kebijakan"),
    "policy.activate": _("mengaktifkan versi kebijakan"),
}

# Groups for the action filter (prefix -> label).
ACTION_GROUPS: list[tuple[str, Any]] = [
    ("user.", pgettext_lazy("audit group", "Akun dan sesi")),
    ("orgunit.", pgettext_lazy("audit group", "Unit organisasi")),
    ("employee.", pgettext_lazy("audit group", "Pegawai dan impor")),
    ("role.", pgettext_lazy("audit group", "Peran")),
    ("saved_check.", pgettext_lazy("audit group", "Draf tersimpan")),
    ("api_token.", pgettext_lazy("audit group", "Token API")),
    ("policy.", pgettext_lazy("audit group", "Kebijakan")),
]

TARGET_LABELS: dict[str, Any] = {
    "accounts.User": _("akun"),
    "org.OrgUnit": _("unit"),
    "org.Employee": _("pegawai"),
    "org.RoleAssignment": _("peran"),
    "org.ImportBatch": _("berkas impor"),
    "checks.SavedCheck": _("draf tersimpan"),
    "api.ApiToken": _("token API"),
    "policies.PolicyVersion": _("versi kebijakan"),
}

ROLE_LABELS: dict[str, Any] = {
    "employee": _("Pegawai"),
    "unit_head": _("Kepala unit"),
    "officer": _("Petugas kepatuhan"),
    "auditor": _("Auditor"),
    "admin": _("Administrator"),
    "ppk": _("Pejabat Pembina Kepegawaian (PPK)"),
}


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


def _names(target_type: str, ids: set[str]) -> dict[str, str]:
    """Readable names of the objects still present, fetched in one query per type."""
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return {}
    clean = {i for i in ids if i.isdigit()}
    if not clean:
        return {}
    names: dict[str, str] = {}
    for obj in model._default_manager.filter(pk__in=clean):
        names[str(obj.pk)] = _object_name(target_type, obj)
    return names


def _object_name(target_type: str, obj: Any) -> str:
    if target_type == "accounts.User":
        full = getattr(obj, "full_name", "")
        return f"{full} ({obj.username})" if full else obj.username
    if target_type == "org.OrgUnit":
        return f"{obj.code} — {obj.name}"
    if target_type == "org.Employee":
        return f"{obj.name} ({obj.nip})"
    if target_type == "org.RoleAssignment":
        unit = obj.unit.code if obj.unit_id else str(_("seluruh organisasi"))
        return f"{ROLE_LABELS.get(obj.role, obj.role)} · {obj.user.username} · {unit}"
    if target_type == "org.ImportBatch":
        return str(obj.filename)
    if target_type == "api.ApiToken":
        return f"{obj.prefix}…"
    if target_type == "checks.SavedCheck":
        return str(_("draf #%(id)s") % {"id": obj.pk})  # never the text: drafts are private
    return str(obj)


def _from_data(entry: Any) -> str:
    """A name for an object that no longer exists, from what the entry recorded."""
    data = entry.data or {}
    if entry.target_type == "org.RoleAssignment" and data.get("user"):
        unit = data.get("unit") or str(_("seluruh organisasi"))
        role = str(data.get("role") or "")
        return f"{ROLE_LABELS.get(role, role)} · {data['user']} · {unit}"
    for key in ("name", "filename", "code", "username", "prefix", "version"):
        if data.get(key):
            return str(data[key])
    return ""


@dataclass
class EntryView:
    seq: int
    created_at: Any
    actor: str
    action: str
    action_code: str
    target_kind: str
    target: str
    data: dict[str, Any]
    hash: str


def entries_view(entries: Iterable[Any]) -> list[EntryView]:
    entries = list(entries)
    wanted: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.target_type and entry.target_id:
            wanted[entry.target_type].add(entry.target_id)
    names = {t: _names(t, ids) for t, ids in wanted.items()}
    rows = []
    for entry in entries:
        actor = entry.actor
        if actor is not None:
            full = getattr(actor, "full_name", "")
            who = f"{full} ({actor.username})" if full else actor.username
        elif entry.actor_label == "system":
            who = str(_("sistem"))
        else:
            who = entry.actor_label or str(_("sistem"))
        target = names.get(entry.target_type, {}).get(entry.target_id) or _from_data(entry)
        if entry.target_type == "accounts.User" and entry.target_id == str(entry.actor_id or ""):
            target = ""  # "Sari signed in", not "Sari signed in: Sari"
        kind = TARGET_LABELS.get(entry.target_type)
        rows.append(
            EntryView(
                seq=entry.seq,
                created_at=entry.created_at,
                actor=who,
                action=action_label(entry.action),
                action_code=entry.action,
                target_kind=str(kind) if kind is not None else entry.target_type,
                target=target,
                data=entry.data or {},
                hash=entry.hash,
            )
        )
    return rows
