# Notes added to an exception appear after the message.
e = KeyError('thing')
e.add_note('note 1')
e.add_note('while doing something')
raise e
