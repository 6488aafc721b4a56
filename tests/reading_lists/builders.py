"""Reading lists and their entries built as the admin stores them (StreamField JSON)."""

import uuid

from reading_lists.models import Audience, ReadingListPage, ReadingListSubject


def item_entry(item, annotation="", reading_range="", canvas=None, key_passage=""):
    return {
        "type": "item_entry",
        "id": str(uuid.uuid4()),
        "value": {
            "item": item.pk,
            "annotation": annotation,
            "reading_range": reading_range,
            "canvas": canvas,
            "key_passage": key_passage,
        },
    }


def external_entry(title, author="", year="", url="", isbn="", annotation="", reading_range="", key_passage=""):
    return {
        "type": "external_entry",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "author": author,
            "year": year,
            "url": url,
            "isbn": isbn,
            "annotation": annotation,
            "reading_range": reading_range,
            "key_passage": key_passage,
        },
    }


def section(heading, entries, intro=""):
    return {
        "type": "section",
        "id": str(uuid.uuid4()),
        "value": {"heading": heading, "intro": intro, "entries": entries},
    }


def add_reading_list(index, title, body=(), audience=Audience.GENERAL, language=None, subjects=(), **fields):
    page = ReadingListPage(title=title, audience=audience, language=language, body=list(body), **fields)
    page.subject_links = [ReadingListSubject(subject=s, sort_order=i) for i, s in enumerate(subjects)]
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def page_text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()
