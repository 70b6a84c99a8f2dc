"""Input errors: problems with the files given, reported as ``file: message``, exit 2.

Every input error carries its message in Bahasa Indonesia (``id``) and English
(``en``); the CLI prints the one matching ``--lang``.
"""

from __future__ import annotations

from typing import Optional


class InputError(Exception):
    """An input file cannot be used. ``where`` is ``path`` or ``path:line``."""

    def __init__(self, where: str, en: str, id: Optional[str] = None):
        super().__init__(f"{where}: {en}")
        self.where = where
        self.message = {"en": en, "id": id or en}

    def text(self, lang: str = "id") -> str:
        return f"{self.where}: {self.message.get(lang) or self.message['en']}"
