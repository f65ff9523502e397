a = 1 + \ # comment
    2
