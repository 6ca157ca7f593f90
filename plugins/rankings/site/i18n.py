"""Translations: the theme's gettext catalogs (Babel .po files), for the templates and for
the text the plugin writes itself (page titles, chart captions)."""

from __future__ import annotations

import functools
import gettext as stdlib_gettext
import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from markupsafe import Markup

from . import formatting, labels

DOMAIN = "messages"


@functools.cache
def translations(folder: str, lang: str) -> stdlib_gettext.NullTranslations:
    """The catalog `<folder>/<lang>/LC_MESSAGES/messages.po`, compiled in memory (no .mo
    file to keep in step); the source language, or a language without a catalog, passes
    messages through unchanged."""
    po = Path(folder, lang, "LC_MESSAGES", f"{DOMAIN}.po")
    if not po.is_file():
        return stdlib_gettext.NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as msgfmt does
    compiled.seek(0)
    return stdlib_gettext.GNUTranslations(compiled)


def install(env, catalog: stdlib_gettext.NullTranslations) -> None:
    """Jinja's i18n extension with new-style gettext (`_('Năm %(year)s', year=y)`).

    `_` and `gettext` are then replaced by a function that gives the same result in an
    autoescaping environment (the message as Markup, its variables escaped), but looks
    each message up once: pages call them per table row, and Jinja's own wrapper costs
    two context calls per use."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(catalog, newstyle=True)
    message = functools.cache(lambda text: Markup(catalog.gettext(text)))

    def gettext(text: str, **variables) -> Markup:
        return message(text) % variables

    env.globals.update(gettext=gettext, _=gettext)


@dataclass(frozen=True)
class Language:
    """One language of the site, for the text the plugin writes itself (page titles, chart
    captions): its messages (`_ = language.gettext`, then `_("Năm %(year)s", year=2019)`,
    which Babel's extractor finds) and its format of numbers, dates and ranks."""

    locale: str = "vi"
    catalog: stdlib_gettext.NullTranslations = field(default_factory=stdlib_gettext.NullTranslations)

    def gettext(self, message: str, **values) -> str:
        text = self.catalog.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        return self.catalog.ngettext(singular, plural, n) % values

    def score(self, value, decimals: int) -> str:
        return formatting.score(value, decimals, self.locale)

    def number(self, value) -> str:
        return formatting.number(value, self.locale)

    def percent(self, part: int, whole: int) -> str:
        return formatting.percent(part, whole, self.locale)

    def date(self, value) -> str:
        return formatting.date(value, self.locale)

    def rank_of(self, result, table) -> str:
        return labels.rank_of(self.catalog, result, table)

    def partial_text(self, table) -> str:
        return labels.partial_text(self.catalog, table)

    def change_text(self, result, edition) -> str:
        return labels.change_text(self.catalog, result, edition)
