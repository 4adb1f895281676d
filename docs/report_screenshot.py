"""Take the README's picture of a report written by `aligngraph report strategic`, in headless Chromium.

The same setup as the browser tests (tests/map/conftest.py): Playwright (a dev dependency) drives Debian's
Chromium at /usr/bin/chromium (AG_CHROMIUM elsewhere), never a browser Playwright downloads. The page is
opened from the file, 820 CSS pixels wide, and shot whole; the report fetches nothing, so nothing else loads.

    .venv/bin/aligngraph report strategic obj-digital-first-week --as-of 2026-02-15 --out report.html
    .venv/bin/python docs/report_screenshot.py report.html docs/strategic-report.png
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from playwright.async_api import async_playwright

CHROMIUM = os.environ.get("AG_CHROMIUM", "/usr/bin/chromium")


async def main(url: str, target: str) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        page = await browser.new_page(viewport={"width": 820, "height": 1000}, device_scale_factor=1)
        await page.goto(url)
        await page.screenshot(path=target, full_page=True)
        await browser.close()
    print(f"Wrote {target}")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]).resolve().as_uri(), sys.argv[2]))
