from django.core.management.base import BaseCommand

from catalogue.models import Language, RightsStatement
from catalogue.seeds import seed_languages, seed_rights_statements


class Command(BaseCommand):
    help = "Add ISO 639 languages and standard rights statements that are missing (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all-languages", action="store_true", help="All ~7,900 ISO 639-3 languages, not only the common set."
        )

    def handle(self, *args, all_languages=False, **options):
        languages = seed_languages(Language, include_all=all_languages)
        rights = seed_rights_statements(RightsStatement)
        self.stdout.write(f"Added {languages} languages and {rights} rights statements.")
