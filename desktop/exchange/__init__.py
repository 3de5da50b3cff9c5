"""Getting lists in and out of a mission: CSV and Excel imports, attendee list exports.

``sources`` reads a file into rows, ``mapping`` says which column means which field,
``values`` turns cells into clean values, ``importer`` previews and applies an import in the
caller's transaction, ``exporter`` selects and writes attendee lists.
"""
