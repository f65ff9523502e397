match x:
    case a[0]:
        pass
