"""POST data of the item edit form, as the admin sends it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def item_form_data(title="Boburnoma", date="1530", identifiers=(), **overrides):
    data = {
        "title": title,
        "title_language": "",
        "slug": "",
        "description": rich_text("<p>Memoirs.</p>"),
        "date": date,
        "dcmi_type": "Text",
        "publisher": "",
        "place_of_publication": "",
        "format": "",
        "extent": "",
        "source": "",
        "temporal_coverage": "",
        "rights_holder": "",
        "rights_note": "",
        "access_level": "open",
        "embargo_until": "",
        "alternative_titles": inline_formset([]),
        "relations": inline_formset([]),
        "agent_links": inline_formset([]),
        "subject_links": inline_formset([]),
        "place_links": inline_formset([]),
        "identifiers": inline_formset([{"scheme": s, "value": v} for s, v in identifiers]),
        "files": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
