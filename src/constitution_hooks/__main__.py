"""Allow ``python -m constitution_hooks``."""

from constitution_hooks.cli import main

raise SystemExit(main())
