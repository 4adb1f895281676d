"""Render a report written by `aligngraph report strategic` to a PNG, without a browser.

WeasyPrint (an HTML/CSS layout engine on Pango, with its own SVG renderer) lays the page out as one tall PDF
page, 820 CSS pixels wide; PDFium (pypdfium2, which ships it) rasterises that page, and the empty margin
below the content is cropped. Neither is a dependency of the service; run it in a throwaway venv:

    python -m venv /tmp/shot && /tmp/shot/bin/pip install weasyprint pypdfium2
    .venv/bin/aligngraph report strategic obj-digital-first-week --as-of 2026-02-15 --out report.html
    /tmp/shot/bin/python docs/report_screenshot.py report.html docs/strategic-report.png

WeasyPrint is not a browser: no JavaScript (the report has none) and its own fonts (DejaVu Sans here, as the
report's system-ui stack falls back to it), so a browser shows the same layout in the system's font.
"""

from __future__ import annotations

import sys

import pypdfium2
from PIL import Image, ImageChops
from weasyprint import CSS, HTML

PAGE = CSS(string="@page { size: 820px 4000px; margin: 0 }")


def main(source: str, target: str, scale: float = 1.5) -> None:
    pdf = HTML(filename=source).write_pdf(stylesheets=[PAGE])
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=scale).to_pil().convert("RGB")
    background = Image.new("RGB", image.size, image.getpixel((2, image.height - 2)))
    box = ImageChops.difference(image, background).getbbox()
    bottom = image.height if box is None else min(image.height, box[3] + int(24 * scale))
    # 256 colours are plenty for flat charts and text, and keep the PNG small for the README.
    image.crop((0, 0, image.width, bottom)).quantize(colors=256).save(target, optimize=True)
    print(f"Wrote {target}: {image.width}x{bottom}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
