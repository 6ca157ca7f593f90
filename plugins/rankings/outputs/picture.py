"""PNG pictures of SVG drawings (a chart, a share image), drawn by Typst with the theme's
fonts. Typst draws SVG with the same library as vl-convert (resvg), to the same pixels,
but keeps its fonts in memory: vl-convert 1.9 opens and reads the font file again for
each glyph, which made a chart's picture cost three times its drawing."""

from __future__ import annotations

import functools
import re

from . import fonts

# One page the size of the drawing, the drawing filling it: a pixel of the SVG is a
# point of the page, so `ppi` 72 draws it at its own size.
SOURCE = b"""#set page(width: float(sys.inputs.width) * 1pt, height: float(sys.inputs.height) * 1pt, margin: 0pt)
#image(bytes(sys.inputs.svg), format: "svg", width: 100%)
"""
_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"')


def size(svg: str) -> tuple[float, float]:
    """The width and height the SVG is drawn at, in pixels."""
    width, height = _SIZE.search(svg).groups()
    return float(width), float(height)


@functools.cache
def _compiler(font_folders: tuple[str, ...]):
    """One compiler a process, with the fonts read once."""
    import typst

    return typst.Compiler(font_paths=fonts.typst_fonts(font_folders))


def png(svg: str, scale: float, font_folders: tuple[str, ...]) -> bytes:
    """The drawing as a PNG, `scale` times its size."""
    width, height = size(svg)
    return _compiler(font_folders).compile(
        input=SOURCE, format="png", ppi=72 * scale, sys_inputs={"svg": svg, "width": str(width), "height": str(height)}
    )
