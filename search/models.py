"""The words of the public catalogue, for "did you mean" corrections of misspelt queries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LexiconWord(models.Model):
    """A word (its cross-script search key) that occurs in public items or pages, and in how many.

    Rebuilt by `manage.py rebuild_lexicon` (search/lexicon.py); on PostgreSQL a trigram index
    finds the known words closest to a misspelt one in a few milliseconds.
    """

    word = models.CharField(_("word"), max_length=100, unique=True)
    documents = models.PositiveIntegerField(_("documents"), default=0)

    class Meta:
        verbose_name = _("lexicon word")
        verbose_name_plural = _("lexicon words")

    def __str__(self):
        return self.word
