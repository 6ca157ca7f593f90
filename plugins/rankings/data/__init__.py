"""Reading and validating the data folder: plain dataclasses, or every problem with its file, row and column."""
