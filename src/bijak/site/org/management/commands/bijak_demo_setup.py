"""Loads the policy and the demo organisation; prints where and how to log in.

Idempotent: running it again creates nothing twice and puts the demo passwords back.
All names are invented.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

DEMO_PASSWORD = "bijak-demo-2438"  # noqa: S105 - public demo password, printed on purpose

# (code, name, level, parent code)
UNITS = [
    ("SETJEN", "Sekretariat Jenderal", "eselon_1", None),
    ("SETJEN.KOMYAN", "Biro Komunikasi dan Pelayanan Publik", "eselon_2", "SETJEN"),
    ("SETJEN.KOMYAN.MEDIA", "Bagian Hubungan Media dan Pemantauan", "eselon_3", "SETJEN.KOMYAN"),
    (
        "SETJEN.KOMYAN.MEDIA.1",
        "Subbagian Pemantauan Media Sosial",
        "eselon_4",
        "SETJEN.KOMYAN.MEDIA",
    ),
    ("SETJEN.SDM", "Biro Sumber Daya Manusia", "eselon_2", "SETJEN"),
    ("DJKK", "Direktorat Jenderal Kesehatan Komunitas", "eselon_1", None),
    ("DJKK.GIZI", "Direktorat Gizi dan Kesehatan Keluarga", "eselon_2", "DJKK"),
    ("DJKK.GIZI.EDU", "Subdirektorat Edukasi Gizi Masyarakat", "eselon_3", "DJKK.GIZI"),
    ("DJKK.GIZI.EDU.1", "Seksi Materi Penyuluhan", "eselon_4", "DJKK.GIZI.EDU"),
    ("DJKK.SANITASI", "Direktorat Sanitasi Lingkungan", "eselon_2", "DJKK"),
]

# (username or None, full name, NIP, unit code, position, roles as (role, unit code or None))
PEOPLE: list[tuple[str | None, str, str, str, str, tuple[tuple[str, str | None], ...]]] = [
    (
        "pegawai",
        "Dimas Pratama",
        "199203142018011001",
        "DJKK.GIZI.EDU.1",
        "Penyuluh Kesehatan",
        (("employee", "DJKK.GIZI.EDU.1"),),
    ),
    (
        "kepala",
        "Ratna Sari Dewi",
        "197605122001122002",
        "DJKK.GIZI",
        "Direktur Gizi dan Kesehatan Keluarga",
        (("unit_head", "DJKK.GIZI"),),
    ),
    (
        "petugas",
        "Fajar Nugroho",
        "198811202012031003",
        "SETJEN.KOMYAN.MEDIA.1",
        "Petugas Kepatuhan Media Sosial",
        (("officer", None),),
    ),
    (
        "auditor",
        "Lestari Handayani",
        "198102052006042004",
        "SETJEN",
        "Auditor Internal",
        (("auditor", None),),
    ),
    (
        "admin",
        "Hendra Wijaya",
        "198409302009011005",
        "SETJEN",
        "Pengelola Sistem Informasi",
        (("admin", None),),
    ),
    (
        "ppk",
        "Kartika Wulandari",
        "197011152000032002",
        "SETJEN",
        "Sekretaris Jenderal (PPK yang ditunjuk)",
        (("ppk", None),),
    ),
    (None, "Putri Maharani", "199507222020122006", "DJKK.GIZI.EDU", "Nutrisionis", ()),
    (None, "Yoga Saputra", "199011012015031007", "DJKK.SANITASI", "Sanitarian", ()),
    (None, "Nur Aisyah", "199306182019022008", "SETJEN.SDM", "Analis Kepegawaian", ()),
]
GUEST = ("tamu", "Tamu Tanpa Peran")

# A sample file for the import page: two new staff, one change, one row with a bad NIP.
SAMPLE_CSV = """nip,nama,kode_unit,jabatan,email
199608032021012010,Rizky Ramadhani,DJKK.SANITASI,Sanitarian Ahli Pertama,rizky@demo.bijak.invalid
199412252020122011,Intan Permatasari,SETJEN.KOMYAN.MEDIA.1,Pranata Humas,intan@demo.bijak.invalid
199507222020122006,Putri Maharani,DJKK.GIZI.EDU.1,Nutrisionis Ahli Muda,putri@demo.bijak.invalid
199913452022011000,Baris Contoh Salah,DJKK.GIZI,Staf,salah@demo.bijak.invalid
"""

ROLE_LABELS = {
    "employee": "pegawai / employee",
    "unit_head": "kepala unit Eselon II / unit head",
    "officer": "petugas kepatuhan / compliance officer",
    "auditor": "auditor",
    "admin": "administrator",
    "ppk": "pejabat pembina kepegawaian (PPK) / staffing authority",
}


class Command(BaseCommand):
    help = "Prepare demo data (policy, organisation, users with every role)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000", help="Address printed for the site."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        from bijak.site.policies.services import policy_version_load

        version = policy_version_load(actor=None)
        logins = self._organisation()
        from bijak.site.complaints.demo import complaints_demo_populate

        complaints_demo_populate()
        from bijak.site.cases.demo import cases_demo_populate

        cases_demo_populate()
        sample = Path(settings.VAR_DIR) / "demo" / "pegawai-contoh.csv"
        sample.parent.mkdir(parents=True, exist_ok=True)
        sample.write_text(SAMPLE_CSV, encoding="utf-8")
        from bijak.site.monitoring.demo import monitoring_demo_setup

        logins += monitoring_demo_setup(
            password=DEMO_PASSWORD, out_dir=sample.parent, make_user=self._demo_user
        )
        out = self.stdout
        out.write(f"bijak demo siap / ready: {options['url']}")
        out.write(f"Kebijakan / policy: {version.policy_id} {version.version}")
        out.write(f"Contoh berkas impor pegawai / sample employee file: {sample}")
        from bijak.site.dissemination.demo import setup_demo_campaign

        out.write(setup_demo_campaign(password=DEMO_PASSWORD))
        out.write(
            "Contoh arsip X untuk impor unggahan / sample X archive: "
            f"{sample.parent / 'x-arsip-contoh.zip'}"
        )
        out.write("")
        width = max(len("username"), *(len(username) for username, _name, _role in logins))
        out.write(
            f"{'username'.ljust(width)}  {'password'.ljust(len(DEMO_PASSWORD))}  peran / role"
        )
        for username, name, role in logins:
            out.write(f"{username.ljust(width)}  {DEMO_PASSWORD}  {role} ({name})")

    @transaction.atomic
    def _organisation(self) -> list[tuple[str, str, str]]:
        from django.contrib.auth import get_user_model

        from bijak.site.accounts.services import user_create, user_password_set
        from bijak.site.org.models import Employee, OrgUnit
        from bijak.site.org.services import employee_create, orgunit_create, role_assign

        users = get_user_model().objects
        units: dict[str, OrgUnit] = {u.code: u for u in OrgUnit.objects.all()}
        for code, name, level, parent in UNITS:
            if code not in units:
                units[code] = orgunit_create(
                    actor=None,
                    code=code,
                    name=name,
                    level=level,
                    parent=units[parent] if parent else None,
                )

        def account(username: str, full_name: str, *, superuser: bool = False) -> Any:
            user = users.filter(username=username).first()
            if user is None:
                return user_create(
                    actor=None,
                    username=username,
                    full_name=full_name,
                    email=f"{username}@demo.bijak.invalid",
                    password=DEMO_PASSWORD,
                    is_staff=superuser,
                    is_superuser=superuser,
                )
            if not user.check_password(DEMO_PASSWORD):
                user_password_set(actor=None, user=user, password=DEMO_PASSWORD)
            return user

        logins: list[tuple[str, str, str]] = []
        for username, name, nip, unit_code, position, roles in PEOPLE:
            user = account(username, name, superuser=username == "admin") if username else None
            if not Employee.objects.filter(nip=nip).exists():
                employee_create(
                    actor=None,
                    nip=nip,
                    name=name,
                    unit=units[unit_code],
                    position=position,
                    email=user.email if user else "",
                    user=user,
                )
            for role, role_unit in roles:
                role_assign(
                    actor=None, user=user, role=role, unit=units[role_unit] if role_unit else None
                )
            if username:
                logins.append((username, name, " + ".join(ROLE_LABELS[r] for r, _u in roles)))
        account(*GUEST)
        logins.append((GUEST[0], GUEST[1], "tanpa peran / no role"))
        return logins

    def _demo_user(self, username: str, full_name: str) -> Any:
        """A demo login with the demo password (made once; the password put back)."""
        from django.contrib.auth import get_user_model

        from bijak.site.accounts.services import user_create, user_password_set

        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            return user_create(
                actor=None,
                username=username,
                full_name=full_name,
                email=f"{username}@demo.bijak.invalid",
                password=DEMO_PASSWORD,
            )
        if not user.check_password(DEMO_PASSWORD):
            user_password_set(actor=None, user=user, password=DEMO_PASSWORD)
        return user
