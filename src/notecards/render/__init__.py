"""Rendering of note content to the HTML that goes into cards."""
