"""Report stage: findings (`FindingsReport`) → Markdown, CSV, HTML for lawyers and advocates."""
