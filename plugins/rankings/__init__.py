"""Rankings plugin: builds the ranking portal's pages from the data folder. Registering
it connects signals only; each part loads when Pelican first calls it."""

from __future__ import annotations


def _check_settings(pelican) -> None:
    from .settings import check

    check(pelican.settings)


def _get_generators(pelican):
    from .glue.generator import RankingsGenerator

    return RankingsGenerator


def _prepare_environment(generator) -> None:
    from .glue.environment import prepare

    prepare(generator)


def _one_language(generator) -> None:
    from .glue.environment import one_language

    one_language(generator)


def _sanitise(content) -> None:
    from .glue.content import sanitise

    sanitise(content)


def register():
    # Imported here: worker processes import this package for its outputs, not Pelican.
    from pelican import signals

    signals.initialized.connect(_check_settings)
    signals.get_generators.connect(_get_generators)
    signals.generator_init.connect(_prepare_environment)
    signals.article_generator_finalized.connect(_one_language)
    signals.page_generator_finalized.connect(_one_language)
    signals.content_object_init.connect(_sanitise)
