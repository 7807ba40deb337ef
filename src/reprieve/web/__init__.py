"""The web app (Django 5.2): a guided interview, the answer, documents, sharing and an audit trail.

It calls the engine's public API only (`reprieve.intake`, `reprieve.assess.report`, `reprieve.documents.draft`);
the engine never imports this package. Settings: `reprieve.web.settings`.
"""
