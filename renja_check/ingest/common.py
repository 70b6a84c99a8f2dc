"""Reading bytes and text with clear errors for bad input."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 200 * 1024 * 1024


def read_bytes(path: Path) -> bytes:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "file not found", "berkas tidak ditemukan") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file", "ini folder, bukan berkas") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}", f"tidak dapat dibaca: {exc.strerror}") from None
    if not data.strip():
        raise InputError(str(path), "file is empty", "berkas kosong")
    if len(data) > MAX_BYTES:
        raise InputError(str(path), f"file is too large ({len(data)} bytes)", f"berkas terlalu besar ({len(data)} byte)")
    return data


def read_text(path: Path) -> str:
    """UTF-8 text (BOM allowed). Binary data or another encoding is an input error."""
    data = read_bytes(path)
    if b"\x00" in data[:65536]:
        raise InputError(str(path), "binary file, not text (expected text extracted from a Renja PDF)",
                         "berkas biner, bukan teks (yang diharapkan: teks hasil ekstraksi PDF Renja)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path),
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first, e.g. iconv -f latin1 -t utf-8",
            f"bukan teks UTF-8 (byte 0x{data[exc.start]:02x} pada posisi {exc.start}); "
            "ubah dulu ke UTF-8, misalnya iconv -f latin1 -t utf-8",
        ) from None
    return text


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
