"""The dashboard: `flashpoint serve` (FastAPI + Jinja2 + plotly). See `app.create_app`."""
