import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otscoop.settings")
application = get_wsgi_application()

# What is loaded by now lives as long as the worker: the garbage collector need not walk it on
# every full collection (otherwise a pause of ~100 ms every few dozen requests).
gc.freeze()
