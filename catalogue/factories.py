"""Factories for catalogue records and pages, shared by tests, the demo library and benchmarks."""

import factory
import wagtail_factories

from catalogue.models import (
    AccessLevel,
    Agent,
    CollectionIndexPage,
    CollectionPage,
    DCMIType,
    Item,
    ItemAgent,
    ItemIndexPage,
    ItemSubject,
    Place,
    Subject,
    VocabularyIndexPage,
)


class AgentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Agent {n}")

    class Meta:
        model = Agent


class SubjectFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Subject {n}")

    class Meta:
        model = Subject


class PlaceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Place {n}")

    class Meta:
        model = Place


class CollectionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Collections"
    slug = "collections"

    class Meta:
        model = CollectionIndexPage


class CollectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Collection {n}")
    introduction = factory.Faker("sentence")

    class Meta:
        model = CollectionPage


class ItemIndexPageFactory(wagtail_factories.PageFactory):
    title = "Items"
    slug = "items"

    class Meta:
        model = ItemIndexPage


class VocabularyIndexPageFactory(wagtail_factories.PageFactory):
    vocabulary = VocabularyIndexPage.Vocabulary.AGENTS
    title = factory.LazyAttribute(lambda o: o.vocabulary.title())
    slug = factory.LazyAttribute(lambda o: o.vocabulary)

    class Meta:
        model = VocabularyIndexPage


class ItemFactory(factory.django.DjangoModelFactory):
    """An item, published unless `live=False` is given."""

    title = factory.Sequence(lambda n: f"Item {n}")
    date = "1900"
    dcmi_type = DCMIType.TEXT
    access_level = AccessLevel.OPEN

    class Meta:
        model = Item
        skip_postgeneration_save = True

    @factory.post_generation
    def collections(obj, create, extracted, **kwargs):
        for collection in extracted or []:
            obj.collections.add(collection)
        if extracted and not obj.primary_collection_id:
            obj.primary_collection = extracted[0]

    @factory.post_generation
    def creators(obj, create, extracted, **kwargs):
        for agent in extracted or []:
            obj.agent_links.add(ItemAgent(agent=agent, role=ItemAgent.Role.AUTHOR))

    @factory.post_generation
    def subjects(obj, create, extracted, **kwargs):
        for subject in extracted or []:
            obj.subject_links.add(ItemSubject(subject=subject))

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        instance.save()
        if instance.live:
            instance.save_revision().publish()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        live = kwargs.pop("live", True)
        instance = model_class(*args, **kwargs)
        instance.live = live
        instance.save()
        return instance
