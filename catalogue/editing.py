"""Changing items outside the edit form (bulk actions, ingest) without losing drafts or history."""

from wagtail.search.index import insert_or_update_object


def change_item(item, user, mutate):
    """Apply `mutate` to an item so that it takes effect now and survives the next publish.

    The change goes into a new revision (so history records it); a live item without
    pending edits is republished at once; otherwise the stored record is changed too,
    so that, say, restricting access works immediately even while a draft is pending.
    """
    from catalogue.models import Item

    pending = item.has_unpublished_changes and item.latest_revision_id
    draft = item.get_latest_revision_as_object() if pending else item
    mutate(draft)
    revision = draft.save_revision(user=user, log_action=True, clean=False)
    if item.live and not pending:
        revision.publish(user=user)
    else:
        fresh = Item.objects.get(pk=item.pk)
        mutate(fresh)
        fresh.save()
        insert_or_update_object(fresh)
    return revision
