import time

from django.core.management.base import BaseCommand

from search import lexicon


class Command(BaseCommand):
    help = (
        "Rebuild the lexicon of public words that misspelt queries are corrected to (PostgreSQL). "
        "Run it after `update_index`, e.g. nightly."
    )

    def handle(self, *args, **options):
        if not lexicon.available():
            self.stdout.write("Spelling corrections need PostgreSQL with pg_trgm; nothing to do.")
            return
        started = time.monotonic()
        count = lexicon.rebuild()
        self.stdout.write(f"{count} words in the lexicon ({time.monotonic() - started:.1f} s).")
