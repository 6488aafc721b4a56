from django.core.management.base import BaseCommand, CommandError

from home.catalogues import SOURCE, TARGET, build_catalogue, render


class Command(BaseCommand):
    help = (
        "Write the Uzbek Cyrillic message catalogue (locale/uz_Cyrl) by transliterating the Uzbek Latin "
        "one (locale/uz) and Django's own Uzbek strings. With --check, only report whether it is current."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Exit with status 1 if the file is out of date.")

    def handle(self, *args, check=False, **options):
        if not SOURCE.exists():
            raise CommandError(f"No Uzbek Latin catalogue at {SOURCE}.")
        catalogue = build_catalogue()
        text = render(catalogue)
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
        if check:
            if current != text:
                raise CommandError(f"{TARGET} is out of date with {SOURCE}: run `manage.py transliterate_catalogue`.")
            self.stdout.write(f"{TARGET} is current.")
            return
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        TARGET.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {len(catalogue)} messages to {TARGET}.")
