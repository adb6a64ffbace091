"""Import and export buttons on a changelist (django-import-export), as the Secretariat uses
them.

- **Export** (every Secretariat user: the view permission, `IMPORT_EXPORT_EXPORT_PERMISSION_CODE`)
  writes the changelist's current filters and search to CSV or XLSX.
- **Import** (editors: the add permission, `IMPORT_EXPORT_IMPORT_PERMISSION_CODE`, and the
  change permission, since an import changes records too) reads a CSV or XLSX file, shows a
  preview (new, changed and unchanged rows, or each row's errors by column) and saves only
  when confirmed, in one transaction: a file with any error saves nothing, also when a row has
  become invalid between the preview and the confirmation.
"""

import datetime

from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.core.files.storage import default_storage
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX


class SpreadsheetAdmin(ImportExportMixin):
    """Put before the admin's base class: `class MeetingAdmin(SpreadsheetAdmin, PublishedAdmin)`,
    with `resource_classes = [MeetingResource]`."""

    formats = [CSV, XLSX]
    # A byte order mark, so that Excel reads Turkish and Russian letters of a CSV file right;
    # the import reads files with or without one.
    to_encoding = "utf-8-sig"
    import_template_name = "admin/otscoop/spreadsheet_import.html"
    # Models beside the admin's own that its import also adds, changes or deletes (a
    # candidacy's supports).
    import_also_changes = ()
    # Where an uploaded file waits between the preview and the confirmation (in the default
    # file storage); a file left there for a day (a preview never confirmed) is removed.
    import_folder = "spreadsheet-imports"
    import_file_lifetime = datetime.timedelta(days=1)

    def has_import_permission(self, request):
        if not super().has_import_permission(request) or not self.has_change_permission(request):
            return False
        return all(
            request.user.has_perm(
                f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"
            )
            for model in self.import_also_changes
            for action in ("add", "change", "delete")
        )

    def get_tmp_storage_class_kwargs(self):
        return {**super().get_tmp_storage_class_kwargs(), "MEDIA_FOLDER": self.import_folder}

    def write_to_tmp_storage(self, import_file, input_format):
        remove_stale_imports(self.import_folder, self.import_file_lifetime)
        return super().write_to_tmp_storage(import_file, input_format)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        # All or nothing: a row with a validation error rolls the whole file back too (by
        # default django-import-export would still save the other rows when confirmed).
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # A row the preview passed has failed since (someone changed a record meanwhile):
            # the transaction was rolled back, so show the errors rather than "Import finished".
            messages.error(request, _("Nothing was imported: correct the rows below."))
            return self.import_errors_response(request, result)
        return super().process_result(result, request)

    def import_errors_response(self, request, result):
        form_class = self.get_import_form_class(request)
        resource_classes = self.get_import_resource_classes(request)
        form = form_class(self.get_import_formats(), resource_classes)
        context = self.get_import_context_data()
        context.update(self.admin_site.each_context(request))
        context.update(
            {
                "title": _("Import"),
                "form": form,
                "opts": self.model._meta,
                "media": self.media + form.media,
                "result": result,
                "import_error_display": self.import_error_display,
                "fields_list": [
                    (
                        resource_class.get_display_name(),
                        [field.column_name for field in resource_class().get_import_fields()],
                    )
                    for resource_class in resource_classes
                ],
            }
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)


def remove_stale_imports(folder: str, lifetime: datetime.timedelta):
    """Removes the uploaded files older than `lifetime` from `folder` of the file storage."""
    try:
        _folders, names = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - lifetime
    for name in names:
        path = f"{folder}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
