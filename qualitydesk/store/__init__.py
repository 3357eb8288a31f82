"""The .qdesk document file: one application in one SQLite file, written through sqlite-utils."""
