"""Pure functions: page data in, model dataclasses out."""
