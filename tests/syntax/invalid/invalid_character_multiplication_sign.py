a = b × c
