"""Spreadsheet import and export in the admin (django-import-export): the shared pieces.

- `cells`: how a cell is read and written: text, whole numbers, choices, dates known in part
  ("2019-10", "2019", "about 2019-10-15");
- `relations`: related records written by slug or name (one, or several separated by commas),
  and sources written by URL;
- `resources`: the base of every resource (a record is matched by its slug; the admin's
  validation, with each error under its column; unchanged rows left alone);
- `admin`: the admin mixin (import for editors, export for every Secretariat user, all or
  nothing).

The resources themselves live in each app's `resources.py`.
"""
