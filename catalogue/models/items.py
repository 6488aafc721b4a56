"""Catalogue items: the library's records of manuscripts, books, photographs, recordings.

Items are models, not pages: a national library holds hundreds of thousands of them,
and one item may be shown in several collections while keeping one canonical URL.
They still get Wagtail's editorial machinery (drafts, revisions, workflow, locking,
preview, scheduled publishing, translation) through the snippet mixins.

Description follows Dublin Core: every one of the fifteen elements has a home here,
repeatable where Dublin Core allows, and linked to the controlled vocabularies
where libraries use them.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from catalogue.dates import parse_date
from catalogue.identifiers import IdentifierScheme, clean_identifier

# Item ids are bigints; anything longer cannot be an item and must not reach the database.
MAX_ITEM_ID = 2**63 - 1

language_tag_validator = RegexValidator(
    r"^[a-zA-Z]{2,3}(-[A-Za-z]{4})?(-[A-Za-z]{2}|-\d{3})?$",
    _("Enter a language tag such as uz-Latn, uz-Cyrl, ru, en or chg."),
)


class AccessLevel(models.TextChoices):
    OPEN = "open", _("Open to everyone")
    READING_ROOM = "reading_room", _("Reading room (signed-in readers)")
    STAFF = "staff", _("Staff only")


ACCESS_ORDER = {AccessLevel.OPEN: 0, AccessLevel.READING_ROOM: 1, AccessLevel.STAFF: 2}

# Item fields whose change can make its files public or private.
ACCESS_FIELDS = {"live", "access_level", "embargo_until", "files"}


class DCMIType(models.TextChoices):
    """The DCMI Type Vocabulary (https://www.dublincore.org/specifications/dublin-core/dcmi-type-vocabulary/)."""

    TEXT = "Text", _("Text")
    STILL_IMAGE = "StillImage", _("Still image")
    IMAGE = "Image", _("Image")
    MOVING_IMAGE = "MovingImage", _("Moving image")
    SOUND = "Sound", _("Sound")
    PHYSICAL_OBJECT = "PhysicalObject", _("Physical object")
    COLLECTION = "Collection", _("Collection")
    DATASET = "Dataset", _("Dataset")
    EVENT = "Event", _("Event")
    INTERACTIVE_RESOURCE = "InteractiveResource", _("Interactive resource")
    SERVICE = "Service", _("Service")
    SOFTWARE = "Software", _("Software")


def public_condition(prefix=""):
    """The condition of `ItemQuerySet.public()`, on the item reached through `prefix` (such as
    "target_item__"), for filtering on a joined row instead of a subquery of every public item."""
    today = timezone.localdate()
    return Q(
        Q(**{f"{prefix}embargo_until__isnull": True}) | Q(**{f"{prefix}embargo_until__lte": today}),
        **{f"{prefix}live": True, f"{prefix}access_level": AccessLevel.OPEN},
    )


class ItemQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Items every visitor may see: published, open, and past any embargo."""
        return self.filter(public_condition())

    def visible_to(self, user):
        """Items whose record `user` may open (see docs/catalogue.md, "Who sees what")."""
        if user.is_authenticated and user_is_staff(user):
            return self
        today = timezone.localdate()
        levels = [AccessLevel.OPEN]
        if user.is_authenticated:
            levels.append(AccessLevel.READING_ROOM)
        return self.filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=today),
            live=True,
            access_level__in=levels,
        )

    def for_listing(self):
        """What a public list of items shows, loaded in a fixed number of queries."""
        return self.select_related("thumbnail", "primary_collection").prefetch_related(
            models.Prefetch(
                "agent_links",
                queryset=ItemAgent.objects.filter(dc_element=ItemAgent.DCElement.CREATOR)
                .select_related("agent")
                .order_by("sort_order"),
                to_attr="creator_links",
            )
        )


def user_is_staff(user):
    """Library staff: anyone who may edit catalogue records."""
    return user.is_active and (user.is_superuser or user.has_perm("catalogue.change_item"))


ItemManager = models.Manager.from_queryset(ItemQuerySet)


class Item(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A catalogue record: one manuscript, book, issue, photograph, recording or film."""

    # Dublin Core: title
    title = models.CharField(_("title"), max_length=1000)
    title_language = models.CharField(
        _("language of the title"),
        max_length=20,
        blank=True,
        validators=[language_tag_validator],
        help_text=_("BCP 47 tag, e.g. uz-Latn, uz-Cyrl, ru, en, fa, chg. Empty means the record's language."),
    )
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True, blank=True)

    # Dublin Core: description, publisher, date, type, format, source, coverage
    description = RichTextField(_("description"), blank=True)
    publisher = models.CharField(_("publisher"), max_length=500, blank=True)
    place_of_publication = models.CharField(_("place of publication"), max_length=255, blank=True)
    date = models.CharField(
        _("date"),
        max_length=100,
        blank=True,
        help_text=_("As the source gives it: 1543, c. 1850, 1920s?, 16th century, XVI asr, 1250 AH."),
    )
    date_edtf = models.CharField(_("date (EDTF)"), max_length=100, blank=True, editable=False)
    year_from = models.IntegerField(_("earliest year"), null=True, blank=True, editable=False, db_index=True)
    year_to = models.IntegerField(_("latest year"), null=True, blank=True, editable=False)
    dcmi_type = models.CharField(_("type"), max_length=30, choices=DCMIType.choices, default=DCMIType.TEXT)
    format = models.CharField(
        _("format"), max_length=255, blank=True, help_text=_("Medium or file format, e.g. “paper, ink”, “image/tiff”.")
    )
    extent = models.CharField(
        _("extent"), max_length=255, blank=True, help_text=_("e.g. “212 leaves; 24 cm”, “45 min”.")
    )
    source = models.CharField(
        _("source"), max_length=500, blank=True, help_text=_("The resource this one is derived from.")
    )
    temporal_coverage = models.CharField(
        _("temporal coverage"),
        max_length=255,
        blank=True,
        help_text=_("The period the item is about, e.g. “Timurid era”."),
    )

    # Dublin Core: subject and spatial coverage are ordered links (ItemSubject, ItemPlace); language
    languages = ParentalManyToManyField(
        "catalogue.Language", verbose_name=_("languages"), blank=True, related_name="items"
    )

    # Dublin Core: rights; access
    rights = models.ForeignKey(
        "catalogue.RightsStatement",
        verbose_name=_("rights statement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    rights_holder = models.CharField(_("rights holder"), max_length=255, blank=True)
    rights_note = models.TextField(_("rights note"), blank=True)
    access_level = models.CharField(
        _("access"), max_length=20, choices=AccessLevel.choices, default=AccessLevel.OPEN, db_index=True
    )
    embargo_until = models.DateField(
        _("embargo until"), null=True, blank=True, help_text=_("Hidden from the public until this date.")
    )

    # Arrangement
    collections = ParentalManyToManyField(
        "catalogue.CollectionPage", verbose_name=_("collections"), blank=True, related_name="items"
    )
    primary_collection = models.ForeignKey(
        "catalogue.CollectionPage",
        verbose_name=_("primary collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="primary_items",
        help_text=_("Gives the item's breadcrumbs. It is added to the collections above if missing."),
    )
    thumbnail = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="item",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="item",
        for_concrete_model=False,
    )

    objects = ItemManager()

    # What a translation of the record changes (wagtail-localize): its text. Codes, dates and
    # the slug are copied from the source record and may be overridden in the translation editor,
    # so that the transliterator (alphabet/translator.py) never turns "uz-Latn" or "XVI asr" into
    # Cyrillic a parser cannot read.
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("title_language", overridable=True),
        SynchronizedField("slug", overridable=True),
        TranslatableField("description"),
        TranslatableField("publisher"),
        TranslatableField("place_of_publication"),
        SynchronizedField("date", overridable=True),
        SynchronizedField("dcmi_type"),
        SynchronizedField("format"),
        TranslatableField("extent"),
        SynchronizedField("source", overridable=True),
        TranslatableField("temporal_coverage"),
        SynchronizedField("rights"),
        TranslatableField("rights_holder"),
        TranslatableField("rights_note"),
        SynchronizedField("access_level"),
        SynchronizedField("embargo_until"),
        SynchronizedField("primary_collection"),
        SynchronizedField("agent_links"),
        SynchronizedField("subject_links"),
        SynchronizedField("place_links"),
        SynchronizedField("alternative_titles"),
        SynchronizedField("identifiers"),
        SynchronizedField("relations"),
        SynchronizedField("files"),
    ]

    search_fields = [
        index.SearchField("title", boost=10),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("publisher"),
        index.SearchField("date"),
        index.SearchField("temporal_coverage"),
        index.RelatedFields("alternative_titles", [index.SearchField("title", boost=5)]),
        index.RelatedFields(
            "agent_links",
            [index.RelatedFields("agent", [index.SearchField("name", boost=3), index.SearchField("name_variants")])],
        ),
        index.RelatedFields(
            "subject_links",
            [index.RelatedFields("subject", [index.SearchField("label", boost=2), index.SearchField("name_variants")])],
        ),
        index.RelatedFields(
            "place_links",
            [index.RelatedFields("place", [index.SearchField("name"), index.SearchField("name_variants")])],
        ),
        index.RelatedFields("identifiers", [index.SearchField("value")]),
        # Words recognised on the open scans and PDFs: a restricted page's text must not be findable.
        index.SearchField("text_of_open_files"),
        # The same words under the cross-script Uzbek key and Russian/English stems (search/normalise.py).
        index.SearchField("search_key"),
        index.AutocompleteField("title_key"),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("access_level"),
        index.FilterField("embargo_until"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
        index.FilterField("dcmi_type"),
        index.FilterField("year_from"),
        index.FilterField("primary_collection"),
        index.FilterField("updated_at"),
        index.FilterField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("item")
        verbose_name_plural = _("items")
        indexes = [
            models.Index(fields=["live", "access_level", "year_from"], name="item_public_year"),
            # The newest items first (home pages, feeds).
            models.Index(fields=["-last_published_at", "-id"], name="item_newest"),
            models.Index(fields=["title"], name="item_title"),
        ]

    def __str__(self):
        return self.title

    # --- derived values --------------------------------------------------------------

    def clean(self):
        super().clean()
        try:
            parse_date(self.date)
        except ValidationError as exc:
            raise ValidationError({"date": exc.messages}) from exc

    def set_derived_fields(self):
        """The slug, the title's script and the parsed date (also used by bulk imports, which do not call save())."""
        if not self.slug:
            self.slug = slugify(self.title, allow_unicode=True)[:200] or "item"
        if self.title_language in ("uz", "uz-Latn") and self.locale_id and self.locale.language_code == "uz-cyrl":
            # The Cyrillic edition of an Uzbek record (made by transliteration) has a Cyrillic title.
            self.title_language = "uz-Cyrl"
        parsed = None
        try:
            parsed = parse_date(self.date)
        except ValidationError:
            parsed = None  # kept as entered; the form reports it, imports record it
        self.year_from = parsed.year_from if parsed else None
        self.year_to = parsed.year_to if parsed else None
        self.date_edtf = parsed.edtf if parsed else ""

    def save(self, *args, **kwargs):
        self.set_derived_fields()
        if self.primary_collection_id:
            try:
                current = list(self.collections.all())
            except ValueError:  # a new item with no collections assigned yet
                current = []
            if self.primary_collection_id not in {c.pk for c in current}:
                self.collections = [*current, self.primary_collection]
        self.thumbnail = self._pick_thumbnail()
        update_fields = kwargs.get("update_fields")
        # Saving a revision only touches bookkeeping fields: the files stay where they are.
        files_may_move = update_fields is None or bool(set(update_fields) & ACCESS_FIELDS)
        files_before = (
            list(ItemFile.objects.filter(item_id=self.pk).values_list("image_id", "document_id", "media_id"))
            if self.pk and files_may_move
            else []
        )
        super().save(*args, **kwargs)
        if not files_may_move:
            return
        # Files follow the item's access: moved to private storage when it is restricted or
        # unpublished, back when it is public; new scans get tiles and OCR.
        from media_library.tasks import schedule_item_media

        files = list(self.files.all())
        schedule_item_media(
            {before[0] for before in files_before} | {f.image_id for f in files},
            {before[1] for before in files_before} | {f.document_id for f in files},
            {before[2] for before in files_before} | {f.media_id for f in files},
        )

    def _pick_thumbnail(self):
        images = [f for f in self.files.all() if f.image_id and f.access_level == AccessLevel.OPEN]
        representative = [f for f in images if f.is_representative]
        chosen = (representative or images or [None])[0]
        return chosen.image if chosen else None

    @classmethod
    def get_indexed_objects(cls):
        """What the search index reads, with the related rows of search_key() in a few queries per batch."""
        return (
            super()
            .get_indexed_objects()
            .prefetch_related(
                "languages",
                "alternative_titles",
                "identifiers",
                "agent_links__agent",
                "subject_links__subject",
                "place_links__place",
                "files__image",
                "files__document",
                "relations",  # read by the reference index
            )
        )

    def search_languages(self):
        """Language codes the item's text is in, for the search key (ISO 639-3 and BCP 47)."""
        codes = [language.code for language in self.languages.all()]
        if self.title_language:
            codes.append(self.title_language)
        return codes

    def search_key(self):
        from search.normalise import index_key

        texts = [self.title, self.description, self.publisher, self.temporal_coverage]
        texts += [t.title for t in self.alternative_titles.all()]
        for link in self.agent_links.all():
            texts += [link.agent.name, link.agent.name_variants]
        for link in self.subject_links.all():
            texts += [link.subject.label, link.subject.name_variants]
        for link in self.place_links.all():
            texts += [link.place.name, link.place.name_variants]
        texts.append(self.text_of_open_files())
        return index_key(texts, self.search_languages())

    def title_key(self):
        """The title under the Uzbek key, so the search box suggests across scripts."""
        from alphabet import canonical_key

        return canonical_key(self.title)

    def text_of_open_files(self):
        texts = []
        # The rows prefetched by get_indexed_objects() when indexing in bulk; else one joined query.
        if "files" in getattr(self, "_prefetched_objects_cache", {}):
            files = self.files.all()
        else:
            files = self.files.select_related("image", "document")
        for f in files:
            if f.access_level != AccessLevel.OPEN:
                continue
            if f.image_id and f.image.ocr_text:
                texts.append(f.image.ocr_text)
            if f.document_id and f.document.extracted_text:
                texts.append(f.document.extracted_text)
        return "\n\n".join(texts)

    # --- access ----------------------------------------------------------------------

    @property
    def is_embargoed(self):
        return bool(self.embargo_until and self.embargo_until > timezone.localdate())

    @property
    def is_public(self):
        return self.live and self.access_level == AccessLevel.OPEN and not self.is_embargoed

    def is_visible_to(self, user):
        return Item.objects.visible_to(user).filter(pk=self.pk).exists() if self.pk else False

    def files_visible_to(self, user):
        """The files `user` may see, in reading order (the caller has checked the item itself).

        Staff see every file; signed-in readers see open and reading-room files; everyone
        else sees open files of an open item.
        """
        files = sorted(self.files.all(), key=lambda f: f.sort_order or 0)
        if user.is_authenticated and user_is_staff(user):
            return files
        allowed = {AccessLevel.OPEN, AccessLevel.READING_ROOM} if user.is_authenticated else {AccessLevel.OPEN}
        if self.access_level not in allowed:
            return []
        return [f for f in files if f.access_level in allowed]

    # --- presentation ----------------------------------------------------------------

    def get_url(self, request=None):
        from catalogue.routing import item_url

        return item_url(self, request)

    def get_canonical_url(self, request=None):
        """The address in the item's own language, whatever the visitor's (see catalogue.routing)."""
        from catalogue.routing import item_url

        return item_url(self, request, canonical=True)

    get_absolute_url = get_canonical_url

    @cached_property
    def subjects(self):
        return [link.subject for link in self.subject_links.all()]

    @cached_property
    def places(self):
        return [link.place for link in self.place_links.all()]

    def get_preview_template(self, request, mode_name):
        return "catalogue/item_detail.html"

    def get_preview_context(self, request, mode_name):
        from catalogue.views import item_detail_context

        return item_detail_context(request, self)


class ItemAgent(Orderable):
    """A person or organisation linked to an item in a role (Dublin Core creator or contributor)."""

    class DCElement(models.TextChoices):
        CREATOR = "creator", _("Creator")
        CONTRIBUTOR = "contributor", _("Contributor")

    class Role(models.TextChoices):
        # MARC relator codes: https://id.loc.gov/vocabulary/relators.html
        AUTHOR = "aut", _("author")
        EDITOR = "edt", _("editor")
        TRANSLATOR = "trl", _("translator")
        COMPILER = "com", _("compiler")
        COMMENTATOR = "cmm", _("commentator")
        SCRIBE = "scr", _("scribe")
        CALLIGRAPHER = "cll", _("calligrapher")
        ILLUSTRATOR = "ill", _("illustrator")
        ARTIST = "art", _("artist")
        PHOTOGRAPHER = "pht", _("photographer")
        CARTOGRAPHER = "ctg", _("cartographer")
        COMPOSER = "cmp", _("composer")
        PERFORMER = "prf", _("performer")
        NARRATOR = "nrt", _("narrator")
        DIRECTOR = "drt", _("director")
        INTERVIEWER = "ivr", _("interviewer")
        INTERVIEWEE = "ive", _("interviewee")
        PUBLISHER = "pbl", _("publisher")
        PRINTER = "prt", _("printer")
        LITHOGRAPHER = "ltg", _("lithographer")
        BINDER = "bnd", _("binder")
        FORMER_OWNER = "fmo", _("former owner")
        DEDICATEE = "dte", _("dedicatee")
        PATRON = "pat", _("patron")
        CREATOR = "cre", _("creator")
        CONTRIBUTOR = "ctb", _("contributor")

    item = ParentalKey(Item, on_delete=models.CASCADE, related_name="agent_links")
    agent = models.ForeignKey(
        "catalogue.Agent", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="item_links"
    )
    role = models.CharField(_("role"), max_length=3, choices=Role.choices, default=Role.AUTHOR)
    dc_element = models.CharField(
        _("Dublin Core element"), max_length=12, choices=DCElement.choices, default=DCElement.CREATOR
    )

    class Meta(Orderable.Meta):
        verbose_name = _("creator or contributor")
        verbose_name_plural = _("creators and contributors")

    def __str__(self):
        return f"{self.agent} ({self.get_role_display()})"


class ItemSubject(Orderable):
    """A subject heading of an item, in the cataloguer's order (the first is the main subject)."""

    item = ParentalKey(Item, on_delete=models.CASCADE, related_name="subject_links")
    subject = models.ForeignKey(
        "catalogue.Subject", verbose_name=_("subject"), on_delete=models.CASCADE, related_name="item_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        constraints = [models.UniqueConstraint(fields=["item", "subject"], name="item_subject_once")]

    def __str__(self):
        return str(self.subject)


class ItemPlace(Orderable):
    """A place an item was made in, shows or is about (Dublin Core spatial coverage)."""

    item = ParentalKey(Item, on_delete=models.CASCADE, related_name="place_links")
    place = models.ForeignKey(
        "catalogue.Place", verbose_name=_("place"), on_delete=models.CASCADE, related_name="item_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [models.UniqueConstraint(fields=["item", "place"], name="item_place_once")]

    def __str__(self):
        return str(self.place)


class AlternativeTitle(Orderable):
    """Another title of the item: a translation, a transliteration, a spine or cover title."""

    item = ParentalKey(Item, on_delete=models.CASCADE, related_name="alternative_titles")
    title = models.CharField(_("title"), max_length=1000)
    language = models.CharField(
        _("language"),
        max_length=20,
        blank=True,
        validators=[language_tag_validator],
        help_text=_("e.g. uz-Cyrl, ru, en"),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("alternative title")
        verbose_name_plural = _("alternative titles")

    def __str__(self):
        return self.title


class ItemIdentifier(Orderable):
    """A shelfmark, call number, ISBN, ISSN, LCCN, OCLC number or other identifier of the item."""

    item = ParentalKey(Item, on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(_("scheme"), max_length=20, choices=IdentifierScheme.choices)
    value = models.CharField(_("value"), max_length=255)

    class Meta(Orderable.Meta):
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")
        indexes = [models.Index(fields=["scheme", "value"], name="item_identifier_lookup")]

    def __str__(self):
        return f"{self.get_scheme_display()}: {self.value}"

    def clean(self):
        super().clean()
        try:
            self.value = clean_identifier(self.scheme, self.value)
        except ValidationError as exc:
            raise ValidationError({"value": exc.messages}) from exc


class ItemRelation(Orderable):
    """A link from this item to another item or to an outside resource (Dublin Core relation)."""

    class RelationType(models.TextChoices):
        RELATION = "relation", _("related to")
        IS_PART_OF = "isPartOf", _("is part of")
        HAS_PART = "hasPart", _("has part")
        IS_VERSION_OF = "isVersionOf", _("is a version of")
        HAS_VERSION = "hasVersion", _("has version")
        IS_FORMAT_OF = "isFormatOf", _("is a format of")
        HAS_FORMAT = "hasFormat", _("has format")
        REFERENCES = "references", _("references")
        IS_REFERENCED_BY = "isReferencedBy", _("is referenced by")
        REPLACES = "replaces", _("replaces")
        IS_REPLACED_BY = "isReplacedBy", _("is replaced by")

    item = ParentalKey(Item, on_delete=models.CASCADE, related_name="relations")
    relation_type = models.CharField(
        _("relation"), max_length=20, choices=RelationType.choices, default=RelationType.RELATION
    )
    target_item = models.ForeignKey(
        Item,
        verbose_name=_("item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="inbound_relations",
    )
    uri = models.URLField(_("external URI"), blank=True)
    label = models.CharField(_("label"), max_length=500, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("relation")
        verbose_name_plural = _("relations")

    def clean(self):
        super().clean()
        if bool(self.target_item_id) == bool(self.uri):
            raise ValidationError(
                {"uri": _("Choose an item from the catalogue or give an external URI, not both and not neither.")}
            )


class ItemFile(Orderable):
    """One digital file of an item, in reading order: a page scan, a PDF, a recording, a transcript."""

    class Kind(models.TextChoices):
        SCAN = "scan", _("page scan")
        IMAGE = "image", _("image")
        PDF = "pdf", _("PDF")
        AUDIO = "audio", _("audio")
        VIDEO = "video", _("video")
        TRANSCRIPT = "transcript", _("transcript")
        OTHER = "other", _("other file")

    IMAGE_KINDS = {Kind.SCAN, Kind.IMAGE}
    AV_KINDS = {Kind.AUDIO, Kind.VIDEO}

    item = ParentalKey(Item, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SCAN)
    label = models.CharField(_("label"), max_length=255, blank=True, help_text=_("e.g. “f. 12r”, “Side A”, “p. 5”."))
    section = models.CharField(
        _("section"),
        max_length=255,
        blank=True,
        help_text=_(
            "The part of the work this file belongs to, e.g. “Hayrat ul-abror”; consecutive files with one section form it."
        ),
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="item_files"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="item_files"
    )
    media = models.ForeignKey(
        "media_library.CustomMedia",
        verbose_name=_("audio or video"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="item_files",
    )
    access_level = models.CharField(_("access"), max_length=20, choices=AccessLevel.choices, default=AccessLevel.OPEN)
    is_representative = models.BooleanField(
        _("representative"), default=False, help_text=_("Use this image as the item's thumbnail.")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.label or self.get_kind_display()

    def clean(self):
        super().clean()
        if self.kind in self.IMAGE_KINDS and not self.image_id:
            raise ValidationError({"image": _("A page scan or image needs an image file.")})
        if self.kind in self.AV_KINDS and not self.media_id:
            raise ValidationError({"media": _("Audio and video need a file from the audio and video library.")})
        if self.kind not in self.IMAGE_KINDS | self.AV_KINDS and not self.document_id:
            raise ValidationError({"document": _("This kind of file needs a document.")})

    def effective_access_level(self):
        """The stricter of the file's and the item's access level."""
        return max(self.access_level, self.item.access_level, key=ACCESS_ORDER.__getitem__)
