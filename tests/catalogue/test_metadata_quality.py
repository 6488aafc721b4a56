"""Staff see which public items lack a rights statement, a date, a language or alt text on their images."""

import pytest

from catalogue.factories import ItemFactory
from catalogue.models import AccessLevel, Item, ItemFile, Language, RightsStatement
from media_library.factories import CustomImageFactory

from ..conftest import english_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(superuser):
    """The superuser, with the admin in English: the tests read its labels, not their translation."""
    return english_admin(superuser)


@pytest.fixture
def items(library, settings):
    settings.KUTUBXONA_IMAGE_DERIVATIVES = []
    rights = RightsStatement.objects.get(short_label="PDM")
    complete = ItemFactory(title="Complete", date="1500", rights=rights)
    complete.languages.add(Language.objects.get(code="uzb"))
    complete.save()
    no_rights = ItemFactory(title="No rights", date="1500")
    no_rights.languages.add(Language.objects.get(code="uzb"))
    no_rights.save()
    no_alt = ItemFactory(title="No alt text", date="1500", rights=rights)
    no_alt.languages.add(Language.objects.get(code="uzb"))
    no_alt = Item.objects.get(pk=no_alt.pk)
    no_alt.files.add(ItemFile(kind="scan", image=CustomImageFactory(alt_text="")))
    no_alt.save_revision().publish()
    ItemFactory(title="Restricted and incomplete", date="", access_level=AccessLevel.STAFF)
    return complete, no_rights, no_alt


def test_the_report_lists_public_items_lacking_metadata(client, superuser, items):
    client.force_login(superuser)
    body = client.get("/admin/reports/metadata-quality/").content.decode()
    assert "No rights" in body and "No alt text" in body
    assert "Complete" not in body
    assert "Restricted and incomplete" not in body  # only public items are reported
    filtered = client.get("/admin/reports/metadata-quality/", {"problem": "alt_text"}).content.decode()
    assert "No alt text" in filtered and "No rights" not in filtered
    export = client.get("/admin/reports/metadata-quality/", {"export": "csv"})
    assert export.status_code == 200 and b"No rights" in export.getvalue()


def test_the_dashboard_panel_counts_them(client, superuser, items):
    client.force_login(superuser)
    body = client.get("/admin/").content.decode()
    assert "Metadata quality" in body
    assert "/admin/reports/metadata-quality/?problem=rights" in body


def test_people_who_cannot_edit_items_do_not_get_the_report(client, reader):
    client.force_login(reader)
    assert client.get("/admin/reports/metadata-quality/").status_code in (302, 403)
