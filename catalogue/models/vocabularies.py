"""Controlled vocabularies the catalogue links to.

Libraries describe people, subjects, places, languages and rights with shared
authority records rather than free text, so that every item by Alisher Navoiy is
found under one name whatever spelling its title page used. Each vocabulary can
merge a duplicate into the record that is kept.
"""

import functools
import gettext
import tomllib
from pathlib import Path

import pycountry
from django.db import models, transaction
from django.db.models.functions import Upper
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from alphabet import latin_to_cyrillic


class MergeableMixin(models.Model):
    """A vocabulary record whose duplicates can be folded into it."""

    name_variants = models.TextField(
        _("variant names"),
        blank=True,
        help_text=_("Other spellings and scripts, one per line. Searches find the record by any of them."),
    )

    class Meta:
        abstract = True

    # The field holding the preferred form (Agent.name, Subject.label, Place.name).
    preferred_field = "name"

    @classmethod
    def find_or_create(cls, preferred, defaults=None, **match):
        """(record, created): the oldest record whose preferred form is `preferred` in any letter
        case (among those matching `match`), else a new one. What importers and harvests link to,
        so that "navoiy" from one source and "Navoiy" from another are one record."""
        preferred = preferred[:255]
        found = cls.objects.filter(**{f"{cls.preferred_field}__iexact": preferred}, **match).order_by("pk").first()
        if found is not None:
            return found, False
        return cls.objects.create(**{cls.preferred_field: preferred}, **match, **(defaults or {})), True

    def variant_list(self):
        return [line.strip() for line in self.name_variants.splitlines() if line.strip()]

    def add_variants(self, *names):
        known = {v.casefold() for v in self.variant_list()} | {str(self).casefold()}
        lines = self.variant_list()
        for name in names:
            for candidate in [name, *name.splitlines()] if name else []:
                candidate = candidate.strip()
                if candidate and candidate.casefold() not in known:
                    lines.append(candidate)
                    known.add(candidate.casefold())
        self.name_variants = "\n".join(lines)

    def merge_references(self, duplicate):
        """Vocabulary-specific part of a merge (hierarchy, authority fields); links are moved by `merge`."""

    def _move_links(self, duplicate):
        """Point every row of another model that links to `duplicate` at this record instead.

        Covers links added by any app (item links, exhibit curators, reading-list subjects …).
        Where a model allows one link per target (a unique constraint), a link that would
        repeat one already pointing here is dropped rather than duplicated.
        """
        for rel in self._meta.related_objects:
            if not (rel.one_to_many or rel.one_to_one) or rel.related_model is type(self):
                continue
            model, name = rel.related_model, rel.field.name
            links = model._base_manager.filter(**{name: duplicate})
            partners = {
                other
                for constraint in model._meta.constraints
                if isinstance(constraint, models.UniqueConstraint) and name in constraint.fields
                for other in constraint.fields
                if other != name
            } | {
                other
                for together in model._meta.unique_together
                if name in together
                for other in together
                if other != name
            }
            for partner in partners:
                column = model._meta.get_field(partner).attname
                taken = model._base_manager.filter(**{name: self}).values(column)
                links.filter(**{f"{column}__in": taken}).delete()
            links.update(**{name: self})

    @transaction.atomic
    def merge(self, duplicate):
        """Move everything that points at `duplicate` to this record, keep its names as variants, delete it."""
        if duplicate.pk == self.pk:
            raise ValueError("A record cannot be merged into itself.")
        self.merge_references(duplicate)
        self._move_links(duplicate)
        self.add_variants(str(duplicate), duplicate.name_variants)
        self.save()
        duplicate.delete()


class AuthorityLinksMixin(models.Model):
    authority_uri = models.URLField(
        _("authority URI"), blank=True, help_text=_("e.g. a VIAF, Library of Congress or national authority record.")
    )
    wikidata_uri = models.URLField(
        _("Wikidata URI"), blank=True, help_text=_("e.g. https://www.wikidata.org/wiki/Q193210")
    )

    class Meta:
        abstract = True

    def authority_links(self):
        return [uri for uri in (self.authority_uri, self.wikidata_uri) if uri]


class Agent(MergeableMixin, AuthorityLinksMixin, index.Indexed, models.Model):
    """A person, family or organisation responsible for or depicted in items."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")
        FAMILY = "family", _("Family")

    name = models.CharField(_("name"), max_length=255, help_text=_("The preferred form, e.g. “Alisher Navoiy”."))
    slug = models.SlugField(max_length=255, allow_unicode=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    dates = models.CharField(_("dates"), max_length=100, blank=True, help_text=_("e.g. “1441–1501”, “fl. 1850”."))
    biography = models.TextField(_("biography"), blank=True)
    viaf_uri = models.URLField(_("VIAF URI"), blank=True)

    search_fields = [
        index.SearchField("name", boost=5),
        index.SearchField("name_variants", boost=2),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("agent")
        verbose_name_plural = _("agents")
        # Importers find agents by name whatever the case (name__iexact).
        indexes = [models.Index(fields=["name"]), models.Index(Upper("name"), name="agent_name_upper")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:255] or "agent"
        super().save(*args, **kwargs)

    def authority_links(self):
        return [uri for uri in (self.viaf_uri, self.authority_uri, self.wikidata_uri) if uri]

    def merge_references(self, duplicate):
        for field in ("viaf_uri", "authority_uri", "wikidata_uri", "dates", "biography"):
            if not getattr(self, field) and getattr(duplicate, field):
                setattr(self, field, getattr(duplicate, field))

    def get_url(self, request=None):
        from catalogue.routing import vocabulary_url

        return vocabulary_url("agents", self, request)

    get_absolute_url = get_url


class Subject(MergeableMixin, AuthorityLinksMixin, index.Indexed, models.Model):
    """A topic, genre or form heading."""

    preferred_field = "label"
    label = models.CharField(_("label"), max_length=255)
    slug = models.SlugField(max_length=255, allow_unicode=True, blank=True)
    broader = models.ForeignKey(
        "self",
        verbose_name=_("broader term"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
    )
    scheme = models.CharField(
        _("scheme"), max_length=50, blank=True, help_text=_("Where the heading comes from, e.g. LCSH, local.")
    )

    search_fields = [
        index.SearchField("label", boost=5),
        index.SearchField("name_variants", boost=2),
        index.AutocompleteField("label"),
    ]

    class Meta:
        ordering = ["label"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        indexes = [models.Index(fields=["label"]), models.Index(Upper("label"), name="subject_label_upper")]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.label, allow_unicode=True)[:255] or "subject"
        super().save(*args, **kwargs)

    def merge_references(self, duplicate):
        Subject.objects.filter(broader=duplicate).exclude(pk=self.pk).update(broader=self)
        if self.broader_id == duplicate.pk:
            self.broader = duplicate.broader
        for field in ("authority_uri", "wikidata_uri", "scheme"):
            if not getattr(self, field) and getattr(duplicate, field):
                setattr(self, field, getattr(duplicate, field))

    def get_url(self, request=None):
        from catalogue.routing import vocabulary_url

        return vocabulary_url("subjects", self, request)

    get_absolute_url = get_url


class Place(MergeableMixin, AuthorityLinksMixin, index.Indexed, models.Model):
    """A place an item was made in, depicts or is about."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(max_length=255, allow_unicode=True, blank=True)
    part_of = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.SET_NULL, related_name="parts"
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    geonames_uri = models.URLField(_("GeoNames URI"), blank=True)

    search_fields = [
        index.SearchField("name", boost=5),
        index.SearchField("name_variants", boost=2),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [models.Index(fields=["name"]), models.Index(Upper("name"), name="place_name_upper")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:255] or "place"
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Latitude must be between -90 and 90 degrees.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Longitude must be between -180 and 180 degrees.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Give both latitude and longitude, or neither."
            )
        if errors:
            raise ValidationError(errors)

    def merge_references(self, duplicate):
        Place.objects.filter(part_of=duplicate).exclude(pk=self.pk).update(part_of=self)
        if self.part_of_id == duplicate.pk:
            self.part_of = duplicate.part_of
        for field in ("latitude", "longitude", "geonames_uri", "authority_uri", "wikidata_uri"):
            if getattr(self, field) in (None, "") and getattr(duplicate, field) not in (None, ""):
                setattr(self, field, getattr(duplicate, field))

    def get_url(self, request=None):
        from catalogue.routing import vocabulary_url

        return vocabulary_url("places", self, request)

    get_absolute_url = get_url


def _iso639_translation(language_code):
    try:
        return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[language_code])
    except OSError:
        return None


_TRANSLATIONS = {}


@functools.cache
def _uzbek_names():
    """{ISO 639-3 code: Uzbek name} from catalogue/data/language_names_uz.toml."""
    path = Path(__file__).resolve().parent.parent / "data" / "language_names_uz.toml"
    with path.open("rb") as f:
        return tomllib.load(f)["names"]


class Language(models.Model):
    """A language from ISO 639, named in the reader's language (names from the pycountry data)."""

    code = models.CharField(
        _("ISO 639-3 code"), max_length=3, unique=True, help_text=_("Three letters, e.g. uzb, rus, chg.")
    )
    iso639_1 = models.CharField(_("ISO 639-1 code"), max_length=2, blank=True)
    iso639_2b = models.CharField(
        _("ISO 639-2/B code"), max_length=3, blank=True, help_text=_("The bibliographic code used in MARC records.")
    )
    name = models.CharField(_("English name"), max_length=150)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.localised_name()

    def localised_name(self, language=None):
        full = (language or translation.get_language() or "en").lower()
        language = full.split("-")[0]
        if language == "en":
            return self.name
        if language == "uz":
            name = _uzbek_names().get(self.code)
            if name is None:
                return self.name
            return latin_to_cyrillic(name) if full == "uz-cyrl" else name
        if language not in _TRANSLATIONS:
            _TRANSLATIONS[language] = _iso639_translation(language)
        catalogue = _TRANSLATIONS[language]
        return catalogue.gettext(self.name) if catalogue else self.name

    @property
    def bcp47(self):
        return self.iso639_1 or self.code


class RightsStatement(models.Model):
    """A standard rights statement or licence (RightsStatements.org, Creative Commons)."""

    class Kind(models.TextChoices):
        RIGHTS_STATEMENT = "rightsstatement", _("RightsStatements.org")
        CREATIVE_COMMONS = "cc", _("Creative Commons")
        LOCAL = "local", _("Local statement")

    uri = models.URLField(_("URI"), unique=True)
    label = models.CharField(_("label"), max_length=255)
    short_label = models.CharField(_("short label"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RIGHTS_STATEMENT)
    allows_reuse = models.BooleanField(
        _("allows reuse"), default=False, help_text=_("Whether visitors may reuse the material without asking.")
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["kind", "label"]
        verbose_name = _("rights statement")
        verbose_name_plural = _("rights statements")

    def __str__(self):
        return self.label
