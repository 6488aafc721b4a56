from django.db import migrations, models


def fill_keys(apps, schema_editor):
    """The search key of the text already recognised (alphabet.canonical_key)."""
    from alphabet import canonical_key

    CustomImage = apps.get_model("media_library", "CustomImage")
    for image in CustomImage.objects.exclude(ocr_text="").only("pk", "ocr_text").iterator(chunk_size=500):
        CustomImage.objects.filter(pk=image.pk).update(ocr_key=canonical_key(image.ocr_text))


class Migration(migrations.Migration):

    dependencies = [
        ("media_library", "0003_audio_video_pdf"),
    ]

    operations = [
        migrations.AddField(
            model_name="customimage",
            name="ocr_key",
            field=models.TextField(blank=True, editable=False, verbose_name="recognised text, search key"),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
