"""Rankings plugin: builds the ranking portal's pages from the data folder."""

from __future__ import annotations

import functools
import inspect

from pelican import signals

from . import formatting, settings as config
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
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_null_translations(newstyle=True)


def register():
    signals.get_generators.connect(_get_generators)
    signals.generator_init.connect(_prepare_environment)
