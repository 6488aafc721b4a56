from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from catalogue import feeds
from catalogue.records import item_citation, item_dublin_core, item_dublin_core_json
from catalogue.sitemaps import sitemaps_for
from interchange import views as interchange_views
from media_library import views as media_views
from search import views as search_views


def sitemap_index(request):
    return sitemap_views.index(request, sitemaps=sitemaps_for(request), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    return sitemap_views.sitemap(request, sitemaps=sitemaps_for(request), section=section)


urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", include("api.urls")),
    path("files/private/<path:name>", media_views.private_media, name="private_media"),
    path("iiif/<int:item_id>/manifest", media_views.iiif_manifest, name="iiif_manifest"),
    path("iiif/collection/<int:page_id>", media_views.iiif_collection, name="iiif_collection"),
    # OAI-PMH: one base URL for every language (docs/oai-pmh.md).
    path("oai/", include("oai.urls")),
    path("records/<int:item_id>/dc.xml", item_dublin_core, name="item_dublin_core"),
    path("records/<int:item_id>/dc.json", item_dublin_core_json, name="item_dublin_core_json"),
    re_path(r"^records/(?P<item_id>\d+)/cite\.(?P<extension>bib|ris|json)$", item_citation, name="item_citation"),
    path("iiif/<int:item_id>/canvas/<int:file_id>/text", media_views.iiif_canvas_text, name="iiif_canvas_text"),
    # A sitemap index with one paginated sitemap per section: a national catalogue
    # outgrows the 50,000 URLs one sitemap file may hold.
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap_section"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt",
            content_type="text/plain",
            extra_context={
                "prefixes": [f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
            },
        ),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages in the visitor's language. Uzbek (Latin), the default language, keeps
# unprefixed URLs (/, /items/…), so every address published before the other languages
# existed, and every redirect from the old Plone site, still works; the other languages
# live under /uz-cyrl/, /ru/ and /en/. LocaleMiddleware activates the language of the
# prefix; an unprefixed URL is always Uzbek, whatever the browser asks for.
# See docs/languages.md.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("feeds/items.rss", feeds.feed_view(feeds.NewItemsFeed), name="feed_items_rss"),
    path("feeds/items.atom", feeds.feed_view(feeds.NewItemsAtomFeed), name="feed_items_atom"),
    path("feeds/exhibits.rss", feeds.feed_view(feeds.NewExhibitsFeed), name="feed_exhibits_rss"),
    path("feeds/exhibits.atom", feeds.feed_view(feeds.NewExhibitsAtomFeed), name="feed_exhibits_atom"),
    path("search/export.csv", interchange_views.export_search, name="search_export_csv"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
