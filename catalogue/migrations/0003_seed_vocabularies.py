from django.db import migrations


def seed(apps, schema_editor):
    from catalogue.seeds import seed_languages, seed_rights_statements

    seed_languages(apps.get_model("catalogue", "Language"))
    seed_rights_statements(apps.get_model("catalogue", "RightsStatement"))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
