"""Every exhibit block renders, with all its optional fields and with none; blocks refuse what is not accessible."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from exhibits.blocks import ExhibitStreamBlock, GalleryImageBlock
from media_library.iiif import canvas_url

from .conftest import make_image, make_item, make_media

pytestmark = pytest.mark.django_db

STREAM = ExhibitStreamBlock()
EMBED_URL = "https://www.youtube.com/watch?v=kutubxona"


@pytest.fixture(autouse=True)
def english():
    """The blocks speak English here, the language of the messages: what they render and refuse is the subject,
    not the language (tests/i18n checks the catalogues)."""
    with translation.override("en"):
        yield


@pytest.fixture
def m(library, agent, place):
    Embed.objects.create(
        url=EMBED_URL,
        hash=get_embed_hash(EMBED_URL, None, None),
        type="video",
        html='<iframe title="Navoiy haqida film" src="https://www.youtube.com/embed/kutubxona"></iframe>',
    )
    return SimpleNamespace(
        image=make_image(caption="Xamsa, 1b-varaq", credit="Milliy kutubxona"),
        second=make_image(alt_text="Tozalangan varaq"),
        item=make_item("Xamsa", pages=3, creators=[agent]),
        place=place,
        video=make_media("video"),
        audio=make_media("audio", captions=False, transcript="Gʻazal matni."),
        page=library.items,
    )


def full(m):
    """A value for every block, every optional field filled in."""
    return {
        "heading": {"text": "Hayot yoʻli", "level": "h3"},
        "paragraph": "<p>Navoiy <b>Hirotda</b> tugʻildi.</p>",
        "image": {"image": m.image.pk, "caption": "Oʻz izohi", "credit": "Oʻz manbasi"},
        "quote": {"text": "Soʻz mulkining sultoni", "attribution": "Bobur"},
        "embed": EMBED_URL,
        "pull_quote": {"text": "Odamiy ersang", "attribution": "Navoiy", "repeats_text": False},
        "item_showcase": {"heading": "Tanlangan asarlar", "intro": "Fonddan.", "items": [m.item.pk]},
        "gallery": {
            "heading": "Varaqlar",
            "images": [
                {"image": m.image.pk, "caption": "Unvon sahifasi", "credit": "Restavratsiya", "item": m.item.pk}
            ],
        },
        "iiif_viewer": {
            "heading": "Varaqlang",
            "item": m.item.pk,
            "page": 2,
            "region": "10,20,200,150",
            "caption": "Ikkinchi varaq",
        },
        "audio_video": {"media": m.video.pk, "title": "Kinoxronika", "caption": "1968-yil"},
        "timeline": {
            "heading": "Sanalar",
            "entries": [{"date": "1483–1485", "title": "«Xamsa»", "text": "<p>Besh doston.</p>", "item": m.item.pk}],
        },
        "map": {
            "heading": "Joylar",
            "places": [{"place": m.place.pk, "note": "Tugʻilgan shahri"}],
            "caption": "Xarita",
        },
        "image_comparison": {
            "before": m.image.pk,
            "before_label": "Oldin",
            "after": m.second.pk,
            "after_label": "Keyin",
            "caption": "Restavratsiya",
        },
        "call_to_action": {"heading": "Katalog", "text": "Hammasi ochiq.", "link_text": "Ochish", "page": m.page.pk},
        "footnotes": {"heading": "Manbalar", "notes": ["<p>Boburnoma.</p>", "<p>Xamsa.</p>"]},
    }


def minimal(m):
    """A value for every block with only its required fields."""
    return {
        "heading": {"text": "Hayot yoʻli"},
        "paragraph": "<p>Matn.</p>",
        "image": {"image": m.image.pk},
        "quote": {"text": "Soʻz mulkining sultoni"},
        "embed": EMBED_URL,
        "pull_quote": {"text": "Odamiy ersang"},
        "item_showcase": {"items": [m.item.pk]},
        "gallery": {"images": [{"image": m.image.pk}]},
        "iiif_viewer": {"item": m.item.pk},
        "audio_video": {"media": m.audio.pk},
        "timeline": {"entries": [{"date": "1441", "title": "Tugʻildi"}]},
        "map": {"places": [{"place": m.place.pk}]},
        "image_comparison": {"before": m.image.pk, "after": m.second.pk},
        "call_to_action": {"heading": "Katalog", "link_text": "Ochish", "url": "https://example.org/katalog"},
        "footnotes": {"notes": ["<p>Boburnoma.</p>"]},
    }


def render(name, raw, request):
    block = STREAM.child_blocks[name]
    return block.render(block.to_python(raw), context={"request": request})


def test_every_block_has_icon_template_description_and_preview_value():
    for name, block in STREAM.child_blocks.items():
        if name == "embed":  # the shared block from home/, not an exhibit block
            continue
        assert block.meta.icon and block.meta.icon != "placeholder", name
        assert block.meta.template.startswith("blocks/"), name
        assert str(block.get_description()), name
        assert hasattr(block.meta, "preview_value"), name
        block.normalize(block.meta.preview_value)  # usable without any database row


def test_every_block_previews_in_the_block_picker(admin_client, library):
    from django.urls import reverse

    for name, block in STREAM.child_blocks.items():
        if name == "embed" or not block.is_previewable:
            continue
        response = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, name


EXPECTED_FULL = {
    "heading": ["<h3", "Hayot yoʻli"],
    "paragraph": ["<b>Hirotda</b>"],
    "image": ["Oʻz izohi", "Oʻz manbasi", "alt="],
    "quote": ["Soʻz mulkining sultoni", "Bobur"],
    "embed": ["<iframe", "Navoiy haqida film"],
    "pull_quote": ["Odamiy ersang", "— Navoiy"],
    "item_showcase": ["Tanlangan asarlar", "Fonddan.", "Xamsa", "Alisher Navoiy", "/items/"],
    "gallery": ["Varaqlar", "Unvon sahifasi", "Restavratsiya", "data-gallery-item", "Xamsa"],
    "iiif_viewer": ["Varaqlang", "data-iiif-viewer", 'data-region="10,20,200,150"', "Ikkinchi varaq", "?page=2"],
    "audio_video": ["<video", '<track kind="captions"', "Kinoxronika", "1968-yil", "Transcript"],
    "timeline": ["Sanalar", "1483–1485", "Besh doston.", "Xamsa"],
    "map": ["Joylar", "Hirot", "34.3529° N, 62.2040° E", "Tugʻilgan shahri", "Xarita", "/places/"],
    "image_comparison": ["Oldin", "Keyin", "Restavratsiya", "data-comparison"],
    "call_to_action": ["Katalog", "Hammasi ochiq.", 'href="/items/"', "Ochish"],
    "footnotes": ["Manbalar", 'id="note-1"', 'id="note-2"', "Boburnoma."],
}

EXPECTED_MINIMAL = {
    "heading": ["<h2", "Hayot yoʻli"],
    "paragraph": ["Matn."],
    "image": ["Xamsa, 1b-varaq", "Milliy kutubxona"],  # the image's own caption and credit
    "quote": ["Soʻz mulkining sultoni"],
    "embed": ["<iframe"],
    "pull_quote": ['aria-hidden="true"', "Odamiy ersang"],
    "item_showcase": ['class="visually-hidden"', "Xamsa"],
    "gallery": ["data-gallery-item", "Xamsa, 1b-varaq"],
    "iiif_viewer": ["data-iiif-viewer", "Xamsa"],
    "audio_video": ["<audio", "Gʻazal matni."],
    "timeline": ["1441", "Tugʻildi"],
    "map": ["Hirot", "34.3529° N"],
    "image_comparison": ["Before", "After"],
    "call_to_action": ['href="https://example.org/katalog"', "Ochish"],
    "footnotes": ["Notes and sources", 'id="note-1"'],
}


@pytest.mark.parametrize("variant", ["full", "minimal"])
def test_every_block_renders(m, visitor_request, variant):
    values = full(m) if variant == "full" else minimal(m)
    expected = EXPECTED_FULL if variant == "full" else EXPECTED_MINIMAL
    assert set(values) == set(STREAM.child_blocks)
    for name, raw in values.items():
        html = render(name, raw, visitor_request)
        for text in expected[name]:
            assert text in html, f"{name} ({variant}): {text!r} missing from {html}"


def test_images_carry_their_alt_text(m, visitor_request):
    for name in ("image", "gallery", "image_comparison"):
        html = render(name, full(m)[name], visitor_request)
        assert f'alt="{m.image.alt_text}"' in html, name


def test_the_viewer_opens_at_the_page_and_region(m, visitor_request):
    html = render("iiif_viewer", full(m)["iiif_viewer"], visitor_request)
    second_page = list(m.item.files.order_by("sort_order"))[1]
    assert f'data-canvas="{canvas_url(m.item, second_page)}"' in html
    assert f'data-manifest="/iiif/{m.item.pk}/manifest"' in html
    # Without a page, it opens at the start; a region then means the first page.
    html = render("iiif_viewer", {"item": m.item.pk, "region": "1,2,30,40"}, visitor_request)
    assert "data-canvas" not in html and 'data-region="1,2,30,40"' in html
    # A page the visitor cannot see: no canvas, and no region that would mean another page.
    html = render("iiif_viewer", {"item": m.item.pk, "page": 9, "region": "1,2,30,40"}, visitor_request)
    assert "data-canvas" not in html and "data-region" not in html


def test_a_map_is_a_list_without_a_tile_server(m, visitor_request, settings):
    settings.KUTUBXONA_MAP_TILE_URL = ""
    html = render("map", full(m)["map"], visitor_request)
    assert "data-exhibit-map" not in html and "<ul" in html
    settings.KUTUBXONA_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    html = render("map", full(m)["map"], visitor_request)
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert "&quot;lat&quot;: 34.3529" in html


def test_a_deleted_choice_renders_nothing_broken(m, visitor_request):
    for name, raw in {
        "item_showcase": {"items": [999999]},
        "iiif_viewer": {"item": 999999},
        "audio_video": {"media": 999999},
        "image": {"image": 999999},
    }.items():
        assert "None" not in render(name, raw, visitor_request), name


# --- Accessibility refused in the editor ---------------------------------------------------------


def clean(name, raw):
    block = STREAM.child_blocks[name]
    return block.clean(block.to_python(raw))


def test_a_gallery_image_without_alt_text_is_refused(m):
    bare = make_image(alt_text="")
    with pytest.raises(ValidationError) as error:
        GalleryImageBlock().clean(GalleryImageBlock().to_python({"image": bare.pk}))
    assert "alt text" in str(error.value.block_errors["image"].messages[0])
    with pytest.raises(ValidationError):
        clean("gallery", {"images": [{"image": m.image.pk}, {"image": bare.pk}]})
    clean("gallery", {"images": [{"image": m.image.pk}]})  # with alt text: accepted


def test_other_images_without_alt_text_are_refused(m):
    bare = make_image(alt_text="  ")
    with pytest.raises(ValidationError):
        clean("image", {"image": bare.pk})
    with pytest.raises(ValidationError) as error:
        clean("image_comparison", {"before": m.image.pk, "after": bare.pk})
    assert set(error.value.block_errors) == {"after"}


def test_recordings_need_captions_or_a_transcript(m):
    with pytest.raises(ValidationError) as error:
        clean("audio_video", {"media": make_media("video", captions=False).pk})
    assert "captions" in error.value.block_errors["media"].messages[0]
    with pytest.raises(ValidationError):
        clean("audio_video", {"media": make_media("audio", captions=False, transcript="").pk})
    clean("audio_video", {"media": m.video.pk})
    clean("audio_video", {"media": m.audio.pk})


def test_a_call_to_action_needs_one_link(m):
    with pytest.raises(ValidationError):
        clean("call_to_action", {"heading": "Katalog", "link_text": "Ochish"})
    with pytest.raises(ValidationError):
        clean(
            "call_to_action",
            {"heading": "Katalog", "link_text": "Ochish", "page": m.page.pk, "url": "https://example.org/"},
        )


@pytest.mark.parametrize("region", ["1,2,3", "a,b,c,d", "1,2,0,4", "-1,2,3,4"])
def test_a_viewer_region_must_be_four_pixel_numbers(m, region):
    with pytest.raises(ValidationError):
        clean("iiif_viewer", {"item": m.item.pk, "region": region})


def test_only_one_footnotes_block_per_page(m):
    notes = {"type": "footnotes", "value": {"notes": ["<p>1</p>"]}}
    with pytest.raises(ValidationError):
        STREAM.clean(STREAM.to_python([notes, notes]))


def test_a_cleaned_showcase_has_its_items_ready_for_the_preview(m, visitor_request, django_assert_max_num_queries):
    """The editor's live preview renders the cleaned value: its items come with their creators, loaded together."""
    block = STREAM.child_blocks["item_showcase"]
    block.render(block.to_python({"items": [m.item.pk]}), context={"request": visitor_request})  # makes the rendition
    value = block.clean(block.to_python({"items": [m.item.pk, m.item.pk]}))
    assert [item.creator_links[0].agent.name for item in value["items"]] == ["Alisher Navoiy"] * 2
    with django_assert_max_num_queries(0):  # creators, thumbnails and renditions came with the clean
        assert "Alisher Navoiy" in block.render(value, context={"request": visitor_request})
