"""The article's figures, the overview, and resolution statistics."""
