"""The page as package data (import name grassroots_web; see graph/core/resources.py)."""
