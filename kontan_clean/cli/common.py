"""Names the command's modules share."""

PROG = "kontan-clean"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

HINTS = {"no_article": " (is it an article page?)"}
"""What to add to a failure's message, by kind, so that it says what to do."""
