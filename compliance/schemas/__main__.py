"""python -m compliance.schemas: regenerate the committed JSON Schemas."""

from . import write_all

for path in write_all():
    print(path)
