"""Allow ``python -m constitution_hooks``."""

from constitution_hooks.launch import main

raise SystemExit(main())
