"""Monitoring: staff's registered public accounts, their imported posts, background scans and
the review queue of flags.

Who may see and do what is decided only in `bijak.site.monitoring.access`; every write goes
through `bijak.site.monitoring.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bijak.site.org.models import Employee


class Platform(models.TextChoices):
    X = "x", _("X (Twitter)")
    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    TIKTOK = "tiktok", _("TikTok")
    YOUTUBE = "youtube", _("YouTube")
    OTHER = "other", _("Lainnya")


class Account(models.Model):
    """A public account of an employee on one platform."""

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="accounts", verbose_name=_("pegawai")
    )
    platform = models.CharField(_("platform"), max_length=20, choices=Platform.choices)
    handle = models.CharField(_("nama akun"), max_length=100)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("platform", "handle")
        verbose_name = _("akun media sosial")
        verbose_name_plural = _("akun media sosial")
        constraints = (
            models.UniqueConstraint(
                fields=["platform", "handle"], name="monitoring_account_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_platform_display()} @{self.handle}"


class PostImport(models.Model):
    """An uploaded export, parsed and waiting for confirmation (no post written yet). After
    confirmation only the rejected rows are kept (file, line, reason), not the posts' text."""

    class Status(models.TextChoices):
        PENDING = "pending", _("menunggu konfirmasi")
        APPLIED = "applied", _("sudah diimpor")

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    format = models.CharField(max_length=20)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    rows = models.JSONField(default=list)  # [{"source", "line", "key", "status", "errors", ...}]
    counts = models.JSONField(default=dict)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("impor unggahan")
        verbose_name_plural = _("impor unggahan")

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"


class Post(models.Model):
    """One imported post. ``key`` is the platform's id, or the content hash and date when the
    export has none: a re-import never duplicates. ``text`` is replaced by its masked form when
    the post is scanned (personal data never stays in clear)."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="posts")
    key = models.CharField(max_length=100)
    platform_id = models.CharField(max_length=64, blank=True)
    content_hash = models.CharField(max_length=64)
    posted_at = models.DateTimeField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField()
    text_masked = models.BooleanField(default=False)
    # [start, end) ranges the engine's masking changed: a re-scan cannot read personal data
    # there again, so findings that rested on it are carried over (services._carry_masked)
    masked_spans = models.JSONField(default=list, blank=True)
    text_length = models.PositiveIntegerField(default=0)
    # the latest scan's result
    scan = models.ForeignKey(
        "Scan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verdict = models.CharField(max_length=10, blank=True)
    score = models.FloatField(default=0.0)
    categories = models.JSONField(default=list)  # [{"id", "score", "verdict"}]
    clauses = models.JSONField(default=list)  # [{"id", "verdict", "score", "categories"}]
    versions = models.JSONField(default=dict)

    class Meta:
        ordering = ("-posted_at", "-id")
        verbose_name = _("unggahan")
        verbose_name_plural = _("unggahan")
        constraints = (
            models.UniqueConstraint(fields=["account", "key"], name="monitoring_post_unique"),
        )
        indexes = (models.Index(fields=["scan"], name="monitoring_post_scan"),)

    def __str__(self) -> str:
        return f"{self.account} · {self.key}"


class Scan(models.Model):
    """A background scan of the posts of some accounts (all in scope when none is named)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("menunggu")
        RUNNING = "running", _("berjalan")
        DONE = "done", _("selesai")
        FAILED = "failed", _("gagal")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accounts = models.ManyToManyField(Account, related_name="scans")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)
    policy_version = models.CharField(max_length=100, blank=True)
    policy_hash = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)  # last chunk written
    error = models.TextField(blank=True)
    # a re-scan's difference from each post's previous result:
    # {"rescanned": n, "verdicts": {"aman→tinjau": n}, "clauses": {id: {"added", "removed", "changed"}}}
    diff = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("pemindaian")
        verbose_name_plural = _("pemindaian")

    def __str__(self) -> str:
        return f"scan {self.pk} ({self.status} {self.done}/{self.total})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, (100 * self.done) // self.total)


class Flag(models.Model):
    """A post the engine put at `tinjau` or `langgar` (kind "flag"), or a random `aman` post
    in the quality sample (kind "sample"), waiting for a reviewer's decision."""

    class Kind(models.TextChoices):
        FLAG = "flag", _("temuan")
        SAMPLE = "sample", _("sampel mutu")

    class Status(models.TextChoices):
        OPEN = "open", _("terbuka")
        PENDING_SECOND = "pending_second", _("menunggu peninjau kedua")
        CONFIRMED = "confirmed", _("dikonfirmasi")
        DISMISSED = "dismissed", _("ditolak")

    class Reason(models.TextChoices):
        CONTEXT = "context", _("konteksnya wajar (kutipan, berita, candaan)")
        WRONG_CATEGORY = "wrong_category", _("kategori yang dideteksi keliru")
        NOT_OWN = "not_own", _("bukan unggahan pegawai (berbagi ulang tanpa komentar)")
        NOISE = "noise", _("derau: kata yang cocok tanpa makna pelanggaran")
        OTHER = "other", _("alasan lain (lihat catatan)")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    scan = models.ForeignKey(
        Scan, null=True, blank=True, on_delete=models.SET_NULL, related_name="flags"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FLAG)
    created_at = models.DateTimeField(auto_now_add=True)
    verdict = models.CharField(max_length=10)
    severity = models.PositiveSmallIntegerField(default=0)  # 2 langgar, 1 tinjau, 0 aman
    score = models.FloatField(default=0.0)
    clause_ids = models.JSONField(default=list)
    category_ids = models.JSONField(default=list)
    evidence = models.JSONField(default=list)  # [{"start", "end", "category", "score", "text"}]
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    first_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    first_note = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ("-severity", "created_at", "id")
        verbose_name = _("temuan")
        verbose_name_plural = _("temuan")
        constraints = (
            models.UniqueConstraint(
                fields=["post", "kind"],
                condition=models.Q(status__in=["open", "pending_second"]),
                name="monitoring_flag_one_open",
            ),
        )
        indexes = (
            # the queue's order, over open flags only (a partial index stays small)
            models.Index(
                "kind",
                models.F("severity").desc(),
                "created_at",
                models.F("score").desc(),
                "id",
                name="monitoring_flag_queue",
                condition=models.Q(status__in=["open", "pending_second"]),
            ),
            # the desk's counts (open, waiting, decided, sample) read this index alone
            models.Index(fields=["kind", "status"], name="monitoring_flag_kind_status"),
            # the desk's oldest free flag: open flags by age, read from the oldest end
            models.Index(
                fields=["kind", "created_at"],
                name="monitoring_flag_open_age",
                condition=models.Q(status__in=["open", "pending_second"]),
            ),
            # the flags held by reviewers now (the workload): claimed open flags, a few rows
            models.Index(
                fields=["kind", "claimed_at"],
                name="monitoring_flag_held",
                condition=models.Q(status__in=["open", "pending_second"], claimed_at__isnull=False),
            ),
        )

    def __str__(self) -> str:
        return f"flag {self.pk} ({self.verdict}, {self.status})"
