"""Date and number formats Django does not ship: Uzbek in Cyrillic script (FORMAT_MODULE_PATH).

Django picks ``cms.formats.uz_Cyrl`` for the ``uz-cyrl`` language; without it, it would fall back
to the Latin Uzbek formats and write "yil" after a year in a Cyrillic sentence.
"""
