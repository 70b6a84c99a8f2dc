"""Names the CLI needs before anything is rendered (kept import-free for a fast ``--help``)."""

FORMAT_NAMES = ("text", "json", "jsonl", "sarif", "junit", "markdown", "github")
FAIL_ON = ("error", "warning", "info", "never")
