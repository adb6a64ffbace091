"""Create a local admin account for a first run, and print how to log in.

With no superuser in the database, it creates one with a random password, keeps the password in
`.local-admin` (git-ignored, readable by the owner only) and prints both. Later runs print the
same account while the stored password still works, and never touch an account they did not
create.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

CREDENTIALS_FILE = Path(settings.BASE_DIR) / ".local-admin"


class Command(BaseCommand):
    help = "Create a local superuser when none exists and print its user name and password."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        stored = self._read_stored()
        if stored:
            user = User.objects.filter(username=stored[0], is_superuser=True).first()
            if user and user.check_password(stored[1]):
                self._print(*stored)
                return
        superusers = User.objects.filter(is_superuser=True)
        if superusers.exists():
            names = ", ".join(superusers.values_list("username", flat=True)[:5])
            self.stdout.write(
                f"An admin account exists ({names}); log in with its password "
                "(reset it with: python manage.py changepassword NAME)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        CREDENTIALS_FILE.write_text(f"{username}\n{password}\n")
        CREDENTIALS_FILE.chmod(0o600)
        self._print(username, password)

    def _read_stored(self):
        try:
            lines = CREDENTIALS_FILE.read_text().split()
        except OSError:
            return None
        return (lines[0], lines[1]) if len(lines) >= 2 else None

    def _print(self, username, password):
        self.stdout.write(
            self.style.SUCCESS(f"Local admin account — user name: {username}  password: {password}")
        )
