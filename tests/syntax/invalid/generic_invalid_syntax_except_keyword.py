try:
    pass
except if:
    pass
