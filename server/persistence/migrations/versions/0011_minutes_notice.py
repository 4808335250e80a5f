"""the notice of conclusions published beside the minutes

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("minutes_versions") as batch:
        batch.add_column(sa.Column("notice_pdf_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("notice_docx_sha256", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("notice_document_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_minutes_versions_notice_pdf", "blobs", ["notice_pdf_sha256"], ["sha256"])
        batch.create_foreign_key("fk_minutes_versions_notice_docx", "blobs", ["notice_docx_sha256"], ["sha256"])
        batch.create_foreign_key("fk_minutes_versions_notice_document", "documents", ["notice_document_id"],
                                 ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("minutes_versions") as batch:
        batch.drop_constraint("fk_minutes_versions_notice_document", type_="foreignkey")
        batch.drop_constraint("fk_minutes_versions_notice_docx", type_="foreignkey")
        batch.drop_constraint("fk_minutes_versions_notice_pdf", type_="foreignkey")
        batch.drop_column("notice_document_id")
        batch.drop_column("notice_docx_sha256")
        batch.drop_column("notice_pdf_sha256")
