"""The one top-level handler of ``renja-check``: how a run ends when something goes wrong.

Exit codes (documented in the README's CI section):
  0   no finding at or above --fail-on         1   findings
  2   bad input or usage: one line ``galat: FILE: problem`` / ``error: FILE: problem``
  3   internal fault (a bug in renja-check): one line; ``--debug`` (or RENJA_CHECK_DEBUG=1)
      prints the traceback too
  130 interrupted (Ctrl-C / SIGINT)
  141 the reader of standard output went away (broken pipe), quietly
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from ..errors import InputError

EXIT_INPUT, EXIT_INTERNAL, EXIT_SIGINT, EXIT_PIPE = 2, 3, 130, 141


def _lang() -> str:
    argv = sys.argv[1:]
    for i, a in enumerate(argv):
        if a == "--lang=en" or (a == "--lang" and argv[i + 1 : i + 2] == ["en"]):
            return "en"
    return "id"


def debug_wanted(ctx: click.Context) -> bool:
    return bool((ctx.params or {}).get("debug")) or os.environ.get("RENJA_CHECK_DEBUG", "") not in ("", "0")


def _one_line(text: str) -> str:
    from ..report.escape import escape_text  # a file name may hold terminal escapes

    return " ".join(escape_text(str(text)).split())


def _quiet_pipe() -> None:
    """After EPIPE: point stdout at /dev/null so the interpreter's final flush stays silent."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _exit_interrupted(signum, frame) -> None:  # pragma: no cover - a signal
    raise SystemExit(EXIT_SIGINT)


def quiet_sigint_while_importing() -> None:
    """Ctrl-C while the command is still importing exits 130 without a traceback
    (``SafeGroup.main`` restores the default handler once the command runs)."""
    import signal
    import threading

    if (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    ):
        signal.signal(signal.SIGINT, _exit_interrupted)


class CheckDone(SystemExit):
    """Raised by ``check`` once everything is written and closed: the console script then leaves
    at once (``SafeGroup.__call__``), without the interpreter's teardown of a heap it no longer
    needs (about 25 ms: a full collection and every module freed). In-process callers (click's
    test runner, ``main.main(...)``) see a plain ``SystemExit``."""


def _hard_exit(code: Any) -> None:
    """``os._exit`` after flushing what Python still buffers; the exit code as ``sys.exit`` gives it."""
    from ..regex_cache import save

    save()  # new compiled patterns, if any: atexit handlers do not run after os._exit
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            code = EXIT_PIPE if stream is sys.stdout else code
        except (OSError, ValueError):
            pass
    os._exit(code)


class SafeGroup(click.Group):
    """A click group whose every command ends with one of the exit codes above, never a traceback
    unless asked for."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return self.main(*args, **kwargs)
        except CheckDone as done:
            _hard_exit(done.code)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        import signal

        if signal.getsignal(signal.SIGINT) is _exit_interrupted:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        lang = _lang()
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"{'galat' if lang == 'id' else 'error'}: {_one_line(exc.text(lang))}", err=True)
            sys.exit(EXIT_INPUT)
        except KeyboardInterrupt:
            click.echo("dihentikan" if lang == "id" else "interrupted", err=True)
            sys.exit(EXIT_SIGINT)
        except BrokenPipeError:
            _quiet_pipe()
            sys.exit(EXIT_PIPE)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into exit 3
            import traceback  # only on this path: not worth its import on every run

            if debug_wanted(ctx):
                traceback.print_exc()
            where = ""
            tb = traceback.extract_tb(exc.__traceback__)
            if tb:
                where = f" ({os.path.basename(tb[-1].filename)}:{tb[-1].lineno})"
            msg = _one_line(f"{type(exc).__name__}: {exc}")[:300]
            hint = (
                "kesalahan internal renja-check; jalankan lagi dengan --debug untuk traceback dan laporkan"
                if lang == "id"
                else "internal error in renja-check; run again with --debug for the traceback and report it"
            )
            click.echo(f"{hint}: {msg}{where}", err=True)
            sys.exit(EXIT_INTERNAL)
