"""The README's plan ("Bring your organisation"), which tests change one thing at a time."""

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Bring your organisation") :].split("\n## ")[0]
SMALL = re.findall(r"```yaml\n(.*?)```", SECTION, re.S)[0]
COMMANDS = re.findall(r"```sh\n(.*?)```", SECTION, re.S)[0].splitlines()
