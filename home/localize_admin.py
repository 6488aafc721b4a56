"""wagtail-localize's "Translate" and "Sync translated snippets" buttons on snippet listings, at a fixed cost.

wagtail-localize decides for each row of a snippet listing, with two or three queries per row,
whether to show its buttons. Here the listing's queryset carries those answers
(`annotate_translation_state`, used by the item listing), and the buttons are built from them: a
page of 50 items costs the same number of queries as a page of 5. Rows of other listings, without
the annotations, get wagtail-localize's own buttons.
"""

from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation

HOOK = "register_snippet_listing_buttons"


def annotate_translation_state(queryset):
    """Annotate each translatable snippet with what wagtail-localize's listing buttons need."""
    model = queryset.model
    versions = (
        model._default_manager.filter(translation_key=OuterRef("translation_key"))
        .order_by()
        .values("translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    locales = Locale.objects.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("pk")).values("n")
    synced = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), source__locale_id=OuterRef("locale_id"), enabled=True
    )
    return queryset.annotate(
        localize_versions=Subquery(versions, output_field=IntegerField()),
        localize_locales=Subquery(locales, output_field=IntegerField()),
        localize_synced=Exists(synced),
    )


def snippet_listing_buttons(snippet, user, next_url=None):
    if not hasattr(snippet, "localize_versions"):
        yield from localize_hooks.register_snippet_listing_buttons(snippet, user, next_url)
        return
    model = type(snippet)
    if not (issubclass(model, TranslatableMixin) and user.has_perm("wagtail_localize.submit_translation")):
        return
    # As wagtail-localize: "Translate" while some locale has no version yet ...
    if snippet.localize_versions < snippet.localize_locales:
        yield Button(
            _("Translate"),
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[model._meta.app_label, model._meta.model_name, quote(snippet.pk)],
            ),
            attrs={"aria-label": _("Translate '%(title)s'") % {"title": str(snippet)}},
            icon_name="wagtail-localize-language",
            priority=100,
        )
    # ... and "Sync translated snippets" when the snippet is the source of translations.
    if snippet.localize_synced:
        source = localize_hooks.TranslationSource.objects.get_for_instance_or_none(snippet)
        if source is not None:
            url = reverse("wagtail_localize:update_translations", args=[source.id])
            if next_url is not None:
                url += "?" + urlencode({"next": next_url})
            yield Button(
                _("Sync translated snippets"),
                url,
                attrs={"aria-label": _("Sync translations of '%(title)s'") % {"title": str(snippet)}},
                icon_name="resubmit",
                priority=106,
            )


def install_snippet_listing_buttons():
    """Put `snippet_listing_buttons` in the place of wagtail-localize's hook (idempotent)."""
    registered = hooks._hooks.setdefault(HOOK, [])
    original = localize_hooks.register_snippet_listing_buttons
    registered[:] = [
        (fn, order) for fn, order in registered if fn is not original and fn is not snippet_listing_buttons
    ]
    hooks.register(HOOK, snippet_listing_buttons)
