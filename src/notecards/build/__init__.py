"""The build engine: the pipeline over many notes, its workers, cache, build records,
dry-run and watch."""
