"""The organisation: units (Eselon I-IV), employees and the roles people hold in units.

Who may see what is decided only in `bijak.site.org.access`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    ESELON_1 = "eselon_1", _("Eselon I")
    ESELON_2 = "eselon_2", _("Eselon II")
    ESELON_3 = "eselon_3", _("Eselon III")
    ESELON_4 = "eselon_4", _("Eselon IV")


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Pegawai")
    UNIT_HEAD = "unit_head", _("Kepala unit")
    OFFICER = "officer", _("Petugas kepatuhan")
    AUDITOR = "auditor", _("Auditor")
    ADMIN = "admin", _("Administrator")
    # Pejabat Pembina Kepegawaian (or the official the PPK appoints, PP 94/2021): forms the Tim
    # Pemeriksa and approves closing discipline cases; reads the organisation it covers.
    PPK = "ppk", _("Pejabat Pembina Kepegawaian (PPK)")


# Roles that may be held for the whole organisation (unit left empty).
ORG_WIDE_ROLES = frozenset({Role.OFFICER, Role.AUDITOR, Role.ADMIN, Role.PPK})


class OrgUnit(models.Model):
    code = models.CharField(_("kode"), max_length=50, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("unit induk"),
    )

    class Meta:
        ordering = ("code",)
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        constraints = (
            # `setjen` beside `SETJEN` would be two units to a machine and one to a person
            models.UniqueConstraint(Upper("code"), name="org_unit_code_unique_ci"),
        )

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Employee(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
        verbose_name=_("akun"),
    )
    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="employees", verbose_name=_("unit")
    )
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ("name", "nip")
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})"


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("pengguna"),
    )
    unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("unit"),
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("user_id", "role")
        verbose_name = _("penugasan peran")
        verbose_name_plural = _("penugasan peran")
        constraints = (
            models.UniqueConstraint(fields=["user", "unit", "role"], name="org_role_unique"),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(unit__isnull=True),
                name="org_role_unique_org_wide",
            ),
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False)
                | models.Q(role__in=["officer", "auditor", "admin", "ppk"]),
                name="org_role_unit_required",
            ),
        )

    def __str__(self) -> str:
        return f"{self.user} · {self.role} · {self.unit.code if self.unit else '*'}"


class ImportBatch(models.Model):
    """An uploaded employee file, parsed and waiting for confirmation (nothing written yet)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("menunggu konfirmasi")
        APPLYING = "applying", _("sedang diimpor")
        APPLIED = "applied", _("sudah diimpor")
        REFUSED = "refused", _("ditolak (semua atau tidak sama sekali)")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    rows = models.JSONField(default=list)  # [{"line", "data", "status", "errors"}]
    applied_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("impor pegawai")
        verbose_name_plural = _("impor pegawai")

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"
