"""A record's own validation, as the admin runs it, for the writers that are not the admin's
forms (the API, spreadsheet imports): `full_clean()` with every error keyed by a field."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from modeltranslation import settings as modeltranslation_settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname


def clean_instance(instance, missing_translation_message, exclude=()):
    """`full_clean()`, but a unique constraint's violation is reported on each of its fields
    (Django files a constraint over several fields under "all fields"), and a required text
    missing in the default language is reported with `missing_translation_message` (formatted
    with the language). Fields in `exclude` are not checked (their input failed already)."""
    errors = {}
    try:
        instance.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    missing = missing_default_translations(instance, missing_translation_message)
    for name, messages in missing.items():
        if name not in exclude:
            errors.setdefault(name, messages)  # unless the field has errors already
    skipped = set(exclude) | {name for name in errors if name != NON_FIELD_ERRORS}
    for model_class, constraints in instance.get_constraints():
        for constraint in constraints:
            try:
                constraint.validate(model_class, instance, exclude=skipped)
            except ValidationError as error:
                for name in getattr(constraint, "fields", None) or [NON_FIELD_ERRORS]:
                    errors.setdefault(name, []).extend(error.error_list)
    if errors:
        raise ValidationError(errors)


def missing_default_translations(instance, message) -> dict:
    """A required translatable text must exist in the default language, as the admin's
    translation tabs require: the others fall back to it (django-modeltranslation)."""
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return {}
    language = modeltranslation_settings.DEFAULT_LANGUAGE
    errors = {}
    for name in options.all_fields:
        if instance._meta.get_field(name).blank:
            continue
        if getattr(instance, build_localized_fieldname(name, language)) in (None, ""):
            error = ValidationError(message, params={"language": language}, code="required")
            errors[name] = [error]
    return errors
