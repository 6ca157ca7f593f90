"""The plugin's settings, each with a default (as the pelican-plugins organisation does)."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULTS = {
    # The data folder; relative paths are taken from the folder of pelicanconf.py.
    "RANKINGS_DATA": "data",
    # Locale of numbers and dates in the Vietnamese site.
    "RANKINGS_LOCALE": "vi",
    # Rendered charts are kept here (by a hash of their spec) between builds.
    "RANKINGS_CACHE": ".cache",
    # TTF/OTF fonts for chart text; default: the theme's static/fonts/ttf.
    "RANKINGS_CHART_FONTS": None,
    # Log the data's warnings (another language's pass of the same build has logged them).
    "RANKINGS_REPORT_WARNINGS": True,
    # Gettext catalogs (<lang>/LC_MESSAGES/messages.po); default: the theme's translations/.
    "RANKINGS_TRANSLATIONS": None,
    # Name of the Frictionless data package.
    "RANKINGS_PACKAGE_NAME": "xep-hang-ung-dung-cntt",
    # Where the pages of the site-contract live (kept here so they are changed in one place).
    "RANKINGS_UNIT_PATH": "co-quan",
    "RANKINGS_DATA_PATH": "du-lieu",
    "RANKINGS_METHODOLOGY_PATH": "phuong-phap",
    "RANKINGS_DOCUMENTS_PATH": "tai-lieu",
    "RANKINGS_NEWS_PATH": "tin-tuc",
}


def get(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])


def data_folder(settings: dict) -> str:
    return _project_path(settings, get(settings, "RANKINGS_DATA"))


def _project_path(settings: dict, path: str) -> str:
    """Relative paths are taken from the folder of pelicanconf.py (the parent of PATH)."""
    if os.path.isabs(path):
        return path
    base = os.path.dirname(os.path.abspath(settings.get("PATH", "content")))
    return os.path.normpath(os.path.join(base, path))


def cache_folder(settings: dict) -> Path:
    return Path(_project_path(settings, get(settings, "RANKINGS_CACHE")))


def chart_fonts(settings: dict) -> Path:
    fonts = get(settings, "RANKINGS_CHART_FONTS")
    return Path(_project_path(settings, fonts)) if fonts else Path(settings["THEME"]) / "static" / "fonts" / "ttf"


def translations_folder(settings: dict) -> Path:
    folder = get(settings, "RANKINGS_TRANSLATIONS")
    return Path(_project_path(settings, folder)) if folder else Path(settings["THEME"]) / "translations"
