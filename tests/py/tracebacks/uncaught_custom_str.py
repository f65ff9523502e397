# Uncaught exception with a custom __str__ and a multi-line message.
class Boom(Exception):
    def __str__(self):
        return 'line one\nline two'
raise Boom()
