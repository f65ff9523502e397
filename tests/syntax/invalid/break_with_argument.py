for x in y:
    break 1
