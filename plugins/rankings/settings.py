"""The plugin's settings, each with a default (as the pelican-plugins organisation does)."""

from __future__ import annotations

import os

DEFAULTS = {
    # The data folder; relative paths are taken from the folder of pelicanconf.py.
    "RANKINGS_DATA": "data",
    # Locale of numbers and dates in the Vietnamese site.
    "RANKINGS_LOCALE": "vi",
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
    folder = get(settings, "RANKINGS_DATA")
    if os.path.isabs(folder):
        return folder
    base = os.path.dirname(os.path.abspath(settings.get("PATH", "content")))
    return os.path.normpath(os.path.join(base, folder))
