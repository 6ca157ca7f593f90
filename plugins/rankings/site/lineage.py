"""A change of the register (views.Change) in words, made once for the unit's page and its
PDF: pieces of text, each naming the unit it links to, if any."""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Language
from .translated import marked_lang
from .views import Change, Recast


@dataclass(frozen=True)
class Piece:
    text: str
    unit: str | None = None  # the id of the unit it names: a link on a page
    lang: str | None = None  # text as published, in another language than the page's


def _listed(names: list[Piece], language: Language) -> list[Piece]:
    """A, B và C."""
    out: list[Piece] = []
    and_ = language.gettext("và")
    for i, piece in enumerate(names):
        out.append(piece)
        if i == len(names) - 2:
            out.append(Piece(f" {and_} "))
        elif i < len(names) - 2:
            out.append(Piece(", "))
    return out


def said(change: Change, language: Language, lang: str) -> list[Piece]:
    """ "Từ 01/07/2025, Thành phố Đà Nẵng và Tỉnh Quảng Nam hợp nhất thành Thành phố Đà Nẵng
    (từ 2025). Căn cứ: …" """
    _ = language.gettext
    opening = _("Từ %(date)s,", date=language.date(change.on)) if change.on else _("Từ năm %(year)s,", year=change.year)
    if change.joined:
        verb = _("hợp nhất vào")
    elif len(change.before) > 1:
        verb = _("hợp nhất thành")
    else:
        verb = _("trở thành")
    pieces = [Piece(opening + " ")]
    pieces += _listed([Piece(b.distinct_name, b.id) for b in change.before], language)
    pieces += [Piece(f" {verb} "), Piece(change.after.distinct_name, change.after.id), Piece(".")]
    if change.basis:
        basis = _("Căn cứ:")
        pieces += [Piece(f" {basis} "), Piece(change.basis, lang=marked_lang(change.basis, lang)), Piece(".")]
    return pieces


def recast_said(recast: Recast, change: Change, language: Language, agencies: dict) -> list[Piece]:
    """How a recast figure was made: "… điểm 0,7069 của Đà Nẵng (từ 2025) là trung bình của
    0,8335 (Đà Nẵng) và 0,5803 (Quảng Nam)." Only where the published figure is that mean."""
    if not recast.mean:
        return []
    decimals = recast.entry.edition.methodology.decimals
    opening = language.gettext(
        "Trong bảng %(bloc)s năm %(year)s, điểm %(score)s của %(unit)s là trung bình của",
        bloc=recast.entry.table.bloc.name,
        year=recast.entry.edition.year,
        score=language.score(recast.entry.result.score, decimals),
        unit=change.after.distinct_label,
    )
    parts = [
        Piece(f"{language.score(p.result.score, decimals)} ({agencies[p.result.agency].label})") for p in recast.parts
    ]
    return [Piece(opening + " "), *_listed(parts, language), Piece(".")]
