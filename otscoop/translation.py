"""History of the project's own models, registered as every app registers its models' history:
in its translation.py, the module modeltranslation loads for each app (see events/translation.py).
Sources have no translated fields."""

import simple_history

from .models import Source

simple_history.register(Source, app="otscoop")
