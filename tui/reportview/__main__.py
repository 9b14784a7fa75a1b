"""`python -m reportview`."""

from reportview.cli.main import main

raise SystemExit(main())
