x = [*if]
