from .. import core
leaf_value = core.VALUE + 1
def where():
    return __name__, __package__
