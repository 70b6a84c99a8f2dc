"""Optional, off by default: let a local OpenAI-compatible endpoint (e.g. a llama.cpp server on
loopback) rephrase an answer. It never supplies a figure: every number in the rephrased text
must appear in the cited answer, otherwise the plain answer is returned. Only loopback hosts are
contacted (no network at run time); one request per answer, bounded in time and size.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from typing import Optional
from urllib.parse import urlparse

from .types import Answer

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_BYTES = 64 * 1024
TIMEOUT_S = 10.0
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
PROMPT = {
    "id": "Tulis ulang jawaban berikut dalam Bahasa Indonesia yang wajar dan ringkas. Jangan menambah, "
    "mengubah atau menghitung angka apa pun; pertahankan rujukan [1], [2] apa adanya.",
    "en": "Rewrite the following answer in plain, concise English. Do not add, change or compute any number; "
    "keep the references [1], [2] exactly as they are.",
}


def figures(text: str) -> set[str]:
    """Numbers as digit strings: "Rp 702.500.000" and "702,500,000" are the same figure."""
    return {re.sub(r"[.,]", "", m.group(0)).lstrip("0") or "0" for m in _NUMBER.finditer(text or "")}


def is_loopback(url: str) -> bool:
    try:
        p = urlparse(url)
    except ValueError:
        return False
    return p.scheme in ("http", "https") and (p.hostname or "") in LOOPBACK


def acceptable(plain: Answer, text: str) -> bool:
    allowed = figures(plain.text) | {f for c in plain.citations for f in figures(c.label)}
    return bool(text.strip()) and figures(text) <= allowed


def rephrase(answer: Answer, url: Optional[str], *, model: str = "local", timeout: float = TIMEOUT_S) -> Answer:
    """``answer`` rephrased by the endpoint at ``url`` (base URL, ``/v1/chat/completions`` appended
    when missing), or ``answer`` itself when off, unreachable, not loopback, or inventing figures."""
    if not url or not answer.text or not is_loopback(url):
        return answer
    endpoint = url.rstrip("/")
    if not endpoint.endswith("/chat/completions"):
        endpoint += "/v1/chat/completions" if not endpoint.endswith("/v1") else "/chat/completions"
    body = json.dumps(
        {
            "model": model,
            "temperature": 0,
            "max_tokens": 800,
            "messages": [
                {"role": "system", "content": PROMPT.get(answer.lang, PROMPT["id"])},
                {"role": "user", "content": answer.text[:8000]},
            ],
        }
    ).encode("utf-8")
    req = urllib.request.Request(endpoint, data=body, headers={"Content-Type": "application/json"}, method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy
    try:
        with opener.open(req, timeout=timeout) as resp:
            raw = resp.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return answer
        text = json.loads(raw.decode("utf-8"))["choices"][0]["message"]["content"]
    except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError):
        return answer
    if not isinstance(text, str) or not acceptable(answer, text):
        return answer
    return answer.with_text(text.strip())
