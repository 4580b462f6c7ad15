"""Language helpers shared by the extractors: sentences, terms, question templates."""
