"""Reading bytes and text with clear errors for bad input."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..errors import InputError

MiB = 1024 * 1024
# Size limits, checked before reading (and the read itself is bounded): a PDF is mostly
# images; JSON and YAML are read linearly; the text reader is the slowest per byte, and
# 8 MiB is ~65 times the sample Renja (a real one is well under 2 MiB of text).
MAX_BYTES = 200 * MiB  # PDF and anything not listed below
MAX_JSON_BYTES = 64 * MiB  # .json, .yaml, .yml (SIPD exports, models)
MAX_TEXT_BYTES = 8 * MiB  # text extracted from a PDF


def limit_for(path: Path) -> int:
    return MAX_JSON_BYTES if Path(path).suffix.lower() in (".json", ".yaml", ".yml") else MAX_BYTES


def read_bytes(path: Path, limit: int | None = None, what: str = "", empty_ok: bool = False) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default: by suffix, ``limit_for``).

    The type and size are checked before reading and the read is bounded, so ``/dev/zero``,
    a FIFO or a file of gigabytes fails at once with an ``InputError`` instead of hanging.
    """
    path = Path(path)
    limit = limit or limit_for(path)
    w_en, w_id = (f"{what} file", f"berkas {what}") if what else ("file", "berkas")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block here
    except FileNotFoundError:
        raise InputError(str(path), f"{w_en} not found", f"{w_id} tidak ditemukan") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file", "ini folder, bukan berkas") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}", f"tidak dapat dibaca: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(str(path), "is a folder, not a file", "ini folder, bukan berkas")
        if not stat.S_ISREG(st.st_mode):
            en, id_ = _kind(st.st_mode)
            raise InputError(
                str(path),
                f"not a regular file ({en}); give a file",
                f"bukan berkas biasa ({id_}); berikan sebuah berkas",
            )
        if st.st_size > limit:
            raise _too_large(path, st.st_size, limit)
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror}", f"tidak dapat dibaca: {exc.strerror}") from None
    if len(data) > limit:  # it grew while being read
        raise _too_large(path, len(data), limit)
    if not empty_ok and not data.strip():
        raise InputError(str(path), f"{w_en} is empty", f"{w_id} kosong")
    return data


def _too_large(path: Path, size: int, limit: int) -> InputError:
    return InputError(
        str(path),
        f"file is too large ({size / MiB:.1f} MiB; the limit for this type is {limit // MiB} MiB)",
        f"berkas terlalu besar ({size / MiB:.1f} MiB; batas untuk jenis ini {limit // MiB} MiB)",
    )


def _kind(mode: int) -> tuple[str, str]:
    if stat.S_ISFIFO(mode):
        return "a FIFO", "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device", "perangkat"
    if stat.S_ISSOCK(mode):
        return "a socket", "soket"
    return "a special file", "berkas khusus"


def is_regular(path: Path) -> bool:
    """True for a regular file (after symlinks); never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_text(path: Path) -> str:
    """UTF-8 text (BOM allowed). Binary data or another encoding is an input error."""
    data = read_bytes(path, MAX_TEXT_BYTES)
    if b"\x00" in data[:65536]:
        raise InputError(
            str(path),
            "binary file, not text (expected text extracted from a Renja PDF)",
            "berkas biner, bukan teks (yang diharapkan: teks hasil ekstraksi PDF Renja)",
        )
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
