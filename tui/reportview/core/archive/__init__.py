"""Archives: reports, sections, figures and a search index on disk, past one machine's memory.

- `schema`: the tables (the `.sqlite` export's user tables plus the archive's own).
- `shard`: parse a run of files into a shard (the task every engine maps over the files).
- `engines`: who runs the tasks (this machine's processes, or Dask).
- `build`: decide what to parse, merge shards and reused rows, build the FTS5 index.
- `reader`: open an archive: report rows a page at a time, reports decoded when opened.
- `search`: the in-memory engine's ranking over the archive's FTS5 index.
"""
