"""The report core: loading, cleaning, outline, numbers, figures, search, export. No Textual here."""
