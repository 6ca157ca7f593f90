"""What every generator's templates get: number filters, gettext and the row labels, in
the language of the site being built; and one version of each article or page."""

from __future__ import annotations

import functools
import inspect

from .. import settings as config
from ..site import addresses, citation, formatting, i18n, labels, views


def prepare(generator) -> None:
    """Every generator's Jinja environment gets the number filters and gettext."""
    locale = config.get(generator.settings, "RANKINGS_LOCALE")
    env = generator.env
    for name, function in formatting.FILTERS.items():
        takes_locale = "locale" in inspect.signature(function).parameters
        env.filters[name] = functools.partial(function, locale=locale) if takes_locale else function
    catalog = i18n.translations(str(config.translations_folder(generator.settings)), generator.settings["DEFAULT_LANG"])
    i18n.install(env, catalog)
    env.filters.update(labels.filters(catalog, generator.settings["DEFAULT_LANG"]))
    env.filters["in_page"] = addresses.in_page
    env.globals["citation"] = citation.of
    env.globals["citation_of_record"] = citation.of_record
    env.globals["at_url"] = citation.at_url
    env.globals["completeness"] = views.completeness


def one_language(generator) -> None:
    """Each language's site is built by a pass of its own (build.py) and shows one version
    of each article or page: the one in its language, else the only one there is.
    Pelican would also write the other versions; they belong to the other pass."""
    for name in ("translations", "hidden_translations", "draft_translations", "drafts_translations"):
        if hasattr(generator, name):
            setattr(generator, name, [])
