"""The plugin's settings: each with its default, resolved and validated when Pelican
starts, as the pelican-plugins organisation's sitemap plugin does with its own."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Setting:
    default: object
    kind: Literal["text", "folder", "flag", "slug", "locale"] = "text"


# What each means is in the README's settings table (a test keeps the two in step).
SETTINGS = {
    "RANKINGS_DATA": Setting("data", "folder"),
    "RANKINGS_LOCALE": Setting("vi", "locale"),
    "RANKINGS_CHART_FONTS": Setting(None, "folder"),  # None: the theme's static/fonts/ttf
    "RANKINGS_TRANSLATIONS": Setting(None, "folder"),  # None: the theme's translations
    "RANKINGS_REPORT_WARNINGS": Setting(True, "flag"),
    "RANKINGS_PACKAGE_NAME": Setting("xep-hang-ung-dung-cntt", "slug"),
    "RANKINGS_UNIT_PATH": Setting("co-quan", "slug"),
    "RANKINGS_DATA_PATH": Setting("du-lieu", "slug"),
    "RANKINGS_METHODOLOGY_PATH": Setting("phuong-phap", "slug"),
    "RANKINGS_DOCUMENTS_PATH": Setting("tai-lieu", "slug"),
    "RANKINGS_NEWS_PATH": Setting("tin-tuc", "slug"),
}
DEFAULTS = {key: s.default for key, s in SETTINGS.items()}
PREFIX = "RANKINGS_"
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?")  # no query, fragment or quote


class SettingsError(Exception):
    """A RANKINGS_* setting is unknown or has a value the plugin cannot use."""


def get(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])


def resolve(settings: dict, config_file: str | os.PathLike) -> dict:
    """Relative folders taken from the settings file's folder, as Pelican's read_settings
    does for PATH, THEME and CACHE_PATH."""
    base = Path(config_file).resolve().parent
    resolved = dict(settings)
    for key, setting in SETTINGS.items():
        value = settings.get(key, setting.default)
        if setting.kind == "folder" and value is not None and not os.path.isabs(value):
            resolved[key] = str(base / value)
    return resolved


def check(settings: dict) -> None:
    """Every RANKINGS_* setting is one the plugin knows, with a usable value."""
    from babel import Locale, UnknownLocaleError

    problems = []
    for key in sorted(k for k in settings if k.startswith(PREFIX)):
        if key not in SETTINGS:
            close = difflib.get_close_matches(key, SETTINGS, n=1)
            problems.append(f"{key}: no such setting" + (f" (did you mean {close[0]}?)" if close else ""))
            continue
        value, kind = settings[key], SETTINGS[key].kind
        if value is None and SETTINGS[key].default is None:
            continue
        if kind == "folder" and not Path(value).is_dir():
            problems.append(f"{key}: no folder at {value}")
        elif kind == "flag" and not isinstance(value, bool):
            problems.append(f"{key}: must be True or False, not {value!r}")
        elif kind == "slug" and not (isinstance(value, str) and _SLUG.fullmatch(value)):
            problems.append(f"{key}: {value!r} is not a slug (lower-case letters, digits, hyphens)")
        elif kind == "locale":
            try:
                Locale.parse(value)
            except (UnknownLocaleError, ValueError, TypeError):
                problems.append(f"{key}: {value!r} is not a locale Babel knows")
    if problems:
        raise SettingsError("; ".join(problems))


def check_site_url(settings: dict) -> None:
    """The site's SITEURL, which every absolute address of the site begins with: empty
    (relative addresses) or an http(s):// address (each language's pass adds /<lang>)."""
    site_url = settings.get("SITEURL", "")
    if site_url and not _SITE_URL.fullmatch(str(site_url)):
        raise SettingsError(
            f"SITEURL: {site_url!r} is not an http:// or https:// address such as https://xephang.gov.vn"
        )


def _folder(settings: dict, key: str) -> Path:
    return Path(os.path.abspath(get(settings, key)))


def data_folder(settings: dict) -> Path:
    return _folder(settings, "RANKINGS_DATA")


def cache_folder(settings: dict, kind: str) -> Path:
    """Rendered charts, PDFs and images are kept between builds under Pelican's CACHE_PATH."""
    return Path(os.path.abspath(settings["CACHE_PATH"])) / "rankings" / kind


def chart_fonts(settings: dict) -> Path:
    if get(settings, "RANKINGS_CHART_FONTS"):
        return _folder(settings, "RANKINGS_CHART_FONTS")
    return Path(settings["THEME"]) / "static" / "fonts" / "ttf"


def font_folders(settings: dict) -> tuple[Path, ...]:
    """The fonts that draw charts, pictures and PDFs: the chart fonts, then the theme's
    fallback (theme/fonts/fallback) for characters they lack. Check refuses data text
    with a character none of them draws; a PDF shows it as missing."""
    fallback = Path(settings["THEME"]) / "fonts" / "fallback"
    return (chart_fonts(settings), *([fallback] if fallback.is_dir() else []))


def translations_folder(settings: dict) -> Path:
    if get(settings, "RANKINGS_TRANSLATIONS"):
        return _folder(settings, "RANKINGS_TRANSLATIONS")
    return Path(settings["THEME"]) / "translations"


def urls(settings: dict):
    """Every address of the site (site/addresses.py), with the folder names these settings give."""
    from .site.addresses import Urls

    return Urls(
        unit_folder=get(settings, "RANKINGS_UNIT_PATH"),
        data_folder=get(settings, "RANKINGS_DATA_PATH"),
        methodology_name=get(settings, "RANKINGS_METHODOLOGY_PATH"),
        documents_name=get(settings, "RANKINGS_DOCUMENTS_PATH"),
        news_folder=get(settings, "RANKINGS_NEWS_PATH"),
        site_folders=frozenset(
            {"pagefind", settings.get("THEME_STATIC_DIR", "theme"), *settings.get("TRANSLATED_SITES", {})}
        ),
    )
