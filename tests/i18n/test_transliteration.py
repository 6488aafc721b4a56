"""The Uzbek Cyrillic edition of a page is made from the Latin one by the translation editor's
"Machine translate" button (wagtail-localize with alphabet.translator.UzbekTransliterator)."""

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import StandardPage

from .helpers import locale, soup

pytestmark = pytest.mark.django_db

BODY = [
    ("heading", {"text": "Toshkent kutubxonalari", "level": "h2"}),
    (
        "paragraph",
        "<p><b>Alisher Navoiy</b> 1441-yilda Hirotda tugʻilgan. "
        '<a href="https://example.org/navoiy">Oʻzbekiston</a> kutubxonalarida uning qoʻlyozmalari saqlanadi.</p>',
    ),
]


def machine_translate(client, page, code, user, on_commit):
    """Submit `page` for translation, press "Machine translate", publish: as an editor would in the admin.

    wagtail-localize publishes when the transaction commits; `on_commit` runs those callbacks.
    """
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale(code))
    translation.save_target(user=user, publish=False)  # what "Translate this page" does
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.get_translation(locale(code)).pk])
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url})
    assert response.status_code == 302
    assert response["Location"] == edit_url
    with on_commit(execute=True):
        translation.save_target(user=user, publish=True)  # "Publish in Ўзбекча"
    return page.get_translation(locale(code)).specific


def test_machine_translate_makes_the_cyrillic_edition(client, library, superuser, django_capture_on_commit_callbacks):
    client.force_login(superuser)
    machine_translate(client, library.home, "uz-cyrl", superuser, django_capture_on_commit_callbacks)
    page = StandardPage(title="Alisher Navoiy", slug="navoiy", introduction="Shoir va mutafakkir", body=BODY)
    library.home.add_child(instance=page)
    page.save_revision().publish()

    cyrillic = machine_translate(client, page, "uz-cyrl", superuser, django_capture_on_commit_callbacks)

    assert cyrillic.live
    assert cyrillic.title == "Алишер Навоий"
    assert cyrillic.introduction == "Шоир ва мутафаккир"
    strings = StringTranslation.objects.filter(locale=locale("uz-cyrl"))
    assert strings.exists()
    assert set(strings.values_list("translation_type", flat=True)) == {StringTranslation.TRANSLATION_TYPE_MACHINE}

    response = client.get(cyrillic.get_url())
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "uz-Cyrl"
    main = html.main
    assert main.find("h2", string="Тошкент кутубхоналари") is not None
    paragraph = str(main.find("b", string="Алишер Навоий").parent)
    assert "1441-йилда Ҳиротда туғилган." in paragraph
    # Markup and link targets are kept; only the text is transliterated.
    link = main.find("a", string="Ўзбекистон")
    assert link["href"] == "https://example.org/navoiy"
    # The Latin original is untouched.
    page.refresh_from_db()
    assert page.title == "Alisher Navoiy"


def test_the_machine_translation_stays_editable(client, library, superuser, django_capture_on_commit_callbacks):
    client.force_login(superuser)
    cyrillic = machine_translate(client, library.home, "uz-cyrl", superuser, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(target_locale=locale("uz-cyrl"))
    title = StringTranslation.objects.get(locale=locale("uz-cyrl"), data=cyrillic.title)
    title.data = "Миллий кутубхона"
    title.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    title.save()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=superuser, publish=True)
    cyrillic.refresh_from_db()
    assert cyrillic.title == "Миллий кутубхона"
    assert client.get(reverse("wagtailadmin_pages:edit", args=[cyrillic.pk])).status_code == 200


def test_machine_translate_is_offered_only_between_the_uzbek_scripts(db):
    from wagtail_localize.machine_translators import get_machine_translator

    translator = get_machine_translator()
    assert translator.can_translate(locale("uz"), locale("uz-cyrl"))
    assert translator.can_translate(locale("uz-cyrl"), locale("uz"))
    assert not translator.can_translate(locale("uz"), locale("ru"))
    assert not translator.can_translate(locale("en"), locale("uz-cyrl"))
