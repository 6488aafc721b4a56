from .items import (  # noqa: F401
    ACCESS_ORDER,
    MAX_ITEM_ID,
    AccessLevel,
    AlternativeTitle,
    DCMIType,
    Item,
    ItemAgent,
    ItemFile,
    ItemIdentifier,
    ItemPlace,
    ItemRelation,
    ItemSubject,
    public_condition,
    user_is_staff,
)
from .pages import CollectionIndexPage, CollectionPage, ItemIndexPage, VocabularyIndexPage  # noqa: F401
from .vocabularies import Agent, Language, Place, RightsStatement, Subject  # noqa: F401
