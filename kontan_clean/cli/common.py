"""Names the command's modules share."""

PROG = "kontan-clean"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # 128 + SIGINT, 128 + SIGTERM

EXIT_HELP = """exit status:
  0    every document was cleaned
  1    some failed (each has an error record), or there was nothing to clean
  2    usage error (including an --output folder that holds an input)
  3    output error (full disk, no permission, closed or broken stdout); no line is cut
  130  interrupted by Ctrl-C (SIGINT), 143 by SIGTERM: the summary so far is printed,
       every line written is complete, no --output file is left that looks finished"""

HINTS = {"no_article": " (is it an article page?)"}
"""What to add to a failure's message, by kind, so that it says what to do."""
