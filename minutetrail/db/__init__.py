"""Storage: SQLAlchemy ORM, sessions, upserts and queries. The only package that imports SQLAlchemy."""
