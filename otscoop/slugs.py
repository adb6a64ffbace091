"""Slugs made from a record's title or name, as the admin's prepopulated field makes them.

A model that names its slug's source in `slug_from` ("title", "name" ...) gets it in the admin
(prepopulated from that field) and in the API (made on create when the client sends none).
python-slugify transliterates as the admin's script does: "Kırgızistan" → "kirgizistan",
"Кыргызстан" → "kyrgyzstan", not "krgzstan".
"""

from slugify import slugify


def slug_of(model, text: str) -> str:
    """The slug of `text` as the admin makes it, cut to the length `model`'s slug takes."""
    return slugify(text or "", max_length=model._meta.get_field("slug").max_length)


def unique_slug(model, text: str) -> str:
    """A slug of `text` that no record of `model` holds yet: "summit", else "summit-2", ..."""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text or "", max_length=max_length - 4) or model._meta.model_name
    # Only the base and its numbered forms: "summit-2", not every "summit-of-..." there is.
    numbered = model.objects.filter(slug__regex=rf"^{base}(-[0-9]+)?$")
    taken = set(numbered.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
