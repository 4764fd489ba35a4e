"""Dissemination (sosialisasi) of the circular: campaigns over units, the Eselon II cascade,
individual acknowledgements that prove what text was read, the quiz and the reminder log.

Who may see what is decided only in `bijak.site.dissemination.access`; writes go through
`bijak.site.dissemination.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bijak.site.org.models import Employee, OrgUnit
from bijak.site.policies.models import PolicyVersion


class Campaign(models.Model):
    title = models.CharField(_("judul"), max_length=200)
    policy_version = models.ForeignKey(
        PolicyVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("versi kebijakan")
    )
    units = models.ManyToManyField(OrgUnit, related_name="+", verbose_name=_("unit"))
    start_date = models.DateField(_("tanggal mulai"))
    due_date = models.DateField(_("tenggat"))
    joiner_days = models.PositiveSmallIntegerField(_("tenggat pegawai baru (hari)"), default=14)
    period_months = models.PositiveSmallIntegerField(
        _("diulang tiap (bulan)"), null=True, blank=True
    )
    pass_mark = models.PositiveSmallIntegerField(_("nilai lulus (%)"), default=80)
    question_count = models.PositiveSmallIntegerField(_("jumlah soal kuis"), default=10)
    target_percent = models.PositiveSmallIntegerField(_("target cakupan (%)"), default=95)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kampanye sebelumnya"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)

    class Meta:
        ordering = ("-start_date", "-id")
        verbose_name = _("kampanye sosialisasi")
        verbose_name_plural = _("kampanye sosialisasi")

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """One quiz question. Loaded from the starter bank (data/quiz-bank.yaml) and edited by
    officers in the admin; `key` is stable across edits."""

    key = models.CharField(_("kunci"), max_length=40, unique=True)
    clause_id = models.CharField(_("pasal"), max_length=20)
    text_id = models.TextField(_("pertanyaan"))
    text_en = models.TextField(_("pertanyaan (Inggris)"), blank=True)
    choices = models.JSONField(_("pilihan"), default=list)  # [{"id": str, "en": str}]
    correct = models.PositiveSmallIntegerField(_("indeks jawaban benar"))
    explanation_id = models.TextField(_("penjelasan"))
    explanation_en = models.TextField(_("penjelasan (Inggris)"), blank=True)
    bank_version = models.CharField(_("versi bank soal"), max_length=40, blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("clause_id", "key")
        verbose_name = _("soal kuis")
        verbose_name_plural = _("soal kuis")

    def __str__(self) -> str:
        return f"{self.key} ({self.clause_id})"


class HeadConfirmation(models.Model):
    """An Eselon II head confirms that the rules were disseminated in their unit (the cascade)."""

    class Mode(models.TextChoices):
        ONLINE = "online", _("daring")
        IN_PERSON = "in_person", _("tatap muka")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="confirmations")
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)
    mode = models.CharField(_("cara"), max_length=10, choices=Mode.choices)
    session_date = models.DateField(_("tanggal sesi"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    attendance_file = models.FileField(
        _("daftar hadir"), upload_to="dissemination/attendance/", blank=True
    )
    attendance_sha256 = models.CharField(max_length=64, blank=True)
    photo = models.FileField(_("foto"), upload_to="dissemination/photos/", blank=True)
    attendees = models.ManyToManyField(
        Employee, blank=True, related_name="+", verbose_name=_("peserta hadir")
    )

    class Meta:
        ordering = ("-confirmed_at",)
        constraints = (
            models.UniqueConstraint(
                fields=["campaign", "unit"], name="dissem_one_confirmation_per_unit"
            ),
        )

    def __str__(self) -> str:
        return f"{self.campaign_id}/{self.unit_id} {self.mode}"


class Assignment(models.Model):
    """One employee in a campaign's audience, with their own due date and personal link."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assignments")
    employee = models.ForeignKey(Employee, null=True, on_delete=models.SET_NULL, related_name="+")
    employee_name = models.CharField(max_length=200)
    employee_nip = models.CharField(max_length=18)
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField(_("tenggat"))
    token = models.CharField(max_length=64, unique=True)
    joined_late = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)  # left the scope, or deleted
    passed_at = models.DateTimeField(null=True, blank=True)
    # When the valid acknowledgement was made (None: none, or only stale ones). A copy of
    # Acknowledgement kept in the same transaction, so coverage is one GROUP BY on this table.
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("employee_name", "pk")
        constraints = (
            models.UniqueConstraint(fields=["campaign", "employee"], name="dissem_one_assignment"),
        )
        indexes = (models.Index(fields=["campaign", "unit"]),)

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.employee_name}"


class Acknowledgement(models.Model):
    """Who acknowledged which exact text, when. Never edited; a material policy change marks it
    stale (and the assignment is open again)."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    acknowledged_at = models.DateTimeField()
    policy_version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="+")
    policy_hash = models.CharField(max_length=64)
    text_hash = models.CharField(max_length=64)
    lang = models.CharField(max_length=5)
    quiz_score = models.PositiveSmallIntegerField(null=True, blank=True)
    quiz_attempts = models.PositiveSmallIntegerField(default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    on_behalf = models.BooleanField(default=False)
    session = models.ForeignKey(
        HeadConfirmation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stale_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("acknowledged_at", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=["assignment"],
                condition=models.Q(stale_since__isnull=True),
                name="dissem_one_valid_ack",
            ),
        )

    def __str__(self) -> str:
        return f"{self.assignment_id} @ {self.acknowledged_at:%Y-%m-%d %H:%M} {self.text_hash[:12]}"


class QuizAttempt(models.Model):
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    question_keys = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(default=False)
    missed_clauses = models.JSONField(default=list)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-started_at", "-pk")

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.score}"


class PolicyChange(models.Model):
    """An officer's ruling on a newly loaded policy version: material (re-opens earlier
    acknowledgements) or minor (a typo; acknowledgements stay valid)."""

    policy_version = models.OneToOneField(PolicyVersion, on_delete=models.PROTECT, related_name="+")
    material = models.BooleanField()
    note = models.CharField(max_length=300, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.policy_version_id}: {'material' if self.material else 'minor'}"


class Reminder(models.Model):
    """Every reminder or escalation queued: at most one per person per day (the constraint)."""

    class Kind(models.TextChoices):
        START = "start", _("mulai")
        WEEK_BEFORE = "7d", _("7 hari sebelum tenggat")
        DAY_BEFORE = "1d", _("1 hari sebelum tenggat")
        DUE = "due", _("hari tenggat")
        OVERDUE = "overdue", _("terlambat")
        ESCALATION = "escalation", _("eskalasi ke kepala unit")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sent_on = models.DateField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    assignment = models.ForeignKey(
        Assignment, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    notification = models.ForeignKey(
        "notifications.Notification",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ("-sent_on", "-pk")
        constraints = (
            models.UniqueConstraint(
                fields=["recipient", "sent_on"], name="dissem_one_message_a_day"
            ),
        )

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.sent_on} {self.kind}"
