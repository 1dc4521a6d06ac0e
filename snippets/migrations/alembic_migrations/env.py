import os

from alembic import context
from sqlalchemy import create_engine, pool

from snippets.migrations.models import Base

url = os.environ.get("DATABASE_URL", "sqlite:///books.db")

if context.is_offline_mode():
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    with create_engine(url, poolclass=pool.NullPool).connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
