"""Rankings plugin: builds the ranking portal's pages from the data folder."""

from __future__ import annotations

import functools
import inspect

from pelican import signals

from . import formatting, i18n, labels, settings as config
from .generator import RankingsGenerator


def _get_generators(pelican):
    return RankingsGenerator


def _prepare_environment(generator):
    """Every generator's Jinja environment gets the number filters and gettext."""
    locale = config.get(generator.settings, "RANKINGS_LOCALE")
    env = generator.env
    for name, function in formatting.FILTERS.items():
        takes_locale = "locale" in inspect.signature(function).parameters
        env.filters[name] = functools.partial(function, locale=locale) if takes_locale else function
    catalog = i18n.translations(str(config.translations_folder(generator.settings)),
                                generator.settings["DEFAULT_LANG"])
    i18n.install(env, catalog)
    env.filters.update(labels.filters(catalog, locale, generator.settings["DEFAULT_LANG"]))


def _one_language(generator):
    """Each language's site is built by a pass of its own (tasks.py) and shows one version
    of each article or page: the one in its language, else the only one there is.
    Pelican would also write the other versions; they belong to the other pass."""
    for name in ("translations", "hidden_translations", "draft_translations", "drafts_translations"):
        if hasattr(generator, name):
            setattr(generator, name, [])


def register():
    signals.get_generators.connect(_get_generators)
    signals.generator_init.connect(_prepare_environment)
    signals.article_generator_finalized.connect(_one_language)
    signals.page_generator_finalized.connect(_one_language)
