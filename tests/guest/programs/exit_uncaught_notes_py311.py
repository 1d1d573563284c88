# An uncaught exception carrying notes (add_note, 3.11+): the notes are printed after the message.
def validate(record):
    if "id" not in record:
        err = KeyError("id")
        err.add_note("while validating record %r" % (record,))
        err.add_note("hint: every record needs an 'id'")
        raise err
    return record["id"]
print(validate({"id": 7}))
validate({"name": "x"})
