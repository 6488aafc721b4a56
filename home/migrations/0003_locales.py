"""The four Wagtail locales of the library: Uzbek (Latin, the default), Uzbek (Cyrillic), Russian, English.

Wagtail's own migrations create the locale of LANGUAGE_CODE only. The trees of the other locales
(synchronised from Uzbek by wagtail-localize) are set up by editors or by `manage.py load_demo`.
"""

from django.db import migrations

LANGUAGE_CODES = ["uz", "uz-cyrl", "ru", "en"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Reversing keeps the locales: pages and items may already belong to them.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
