"""The REST API of decisions and their follow-up steps."""
