"""The shared core: parsing, configuration, git access, running and reporting."""
