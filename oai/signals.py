"""What makes an OAI-PMH record pending: changes to items, their translations, the vocabulary
terms they show, the items they link to, and the collections (sets) they belong to."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalogue.models import (
    Agent,
    CollectionPage,
    Item,
    ItemAgent,
    ItemPlace,
    ItemRelation,
    ItemSubject,
    Place,
    Subject,
)


def _item_changed(sender, instance, **kwargs):
    from oai.sync import mark_pending

    # The item's own group, and the items whose dc:relation points at it (shown only while it is public).
    referring = ItemRelation.objects.filter(target_item_id=instance.pk).values("item__translation_key")
    mark_pending(translation_keys=[instance.translation_key])
    mark_pending(translation_keys=referring)


def _item_deleted(sender, instance, **kwargs):
    from oai.sync import mark_pending

    mark_pending(translation_keys=[instance.translation_key])


def _collections_changed(sender, instance, **kwargs):
    from oai.sync import mark_pending

    if isinstance(instance, Item):
        mark_pending(translation_keys=[instance.translation_key])


def _term_changed(sender, instance, **kwargs):
    from oai.sync import mark_pending

    links = {Agent: ItemAgent, Subject: ItemSubject, Place: ItemPlace}[sender]
    field = {Agent: "agent", Subject: "subject", Place: "place"}[sender]
    mark_pending(item_ids=links.objects.filter(**{field: instance}).values("item_id"))


def _collection_changed(sender, instance, **kwargs):
    """A collection published, unpublished, moved or deleted: its items' set memberships change."""
    from oai.sync import mark_pending

    if not (isinstance(sender, type) and issubclass(sender, CollectionPage)):
        return
    memberships = Item.collections.through.objects.filter(collectionpage__path__startswith=instance.path)
    mark_pending(item_ids=memberships.values("item_id"))


def _restriction_changed(sender, instance, **kwargs):
    """A collection made private or public again (page privacy): its items leave or join its set."""
    from oai.sync import mark_pending

    page = instance.page
    memberships = Item.collections.through.objects.filter(collectionpage__path__startswith=page.path)
    mark_pending(item_ids=memberships.values("item_id"))


def connect():
    post_save.connect(_item_changed, sender=Item, dispatch_uid="oai_item_saved")
    post_delete.connect(_item_deleted, sender=Item, dispatch_uid="oai_item_deleted")
    m2m_changed.connect(_collections_changed, sender=Item.collections.through, dispatch_uid="oai_item_collections")
    for model in (Agent, Subject, Place):
        post_save.connect(_term_changed, sender=model, dispatch_uid=f"oai_{model.__name__}_saved")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_collection_changed, dispatch_uid=f"oai_collection_{id(signal)}")
    pre_delete.connect(_collection_changed, sender=CollectionPage, dispatch_uid="oai_collection_deleted")
    for signal in (post_save, post_delete):
        signal.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"oai_restriction_{id(signal)}")
