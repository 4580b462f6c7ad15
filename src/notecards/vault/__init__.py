"""The vault layer: which files are notes, where media and linked notes are, embeds,
and the settings a vault keeps."""
