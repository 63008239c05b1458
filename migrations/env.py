"""Alembic environment: runs on the connection Followup hands over, in batch mode for SQLite."""

from alembic import context

from followup.store.models import Base
from followup.store.search import not_index_table, tables_may_be_copied

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch copies the table
        compare_type=True,
        include_name=not_index_table,  # the search index is made by SQL, not by the models
    )
    with tables_may_be_copied(connection), context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Followup migrations run online only")
run_migrations_online()
