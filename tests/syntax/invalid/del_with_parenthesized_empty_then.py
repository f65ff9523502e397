del ()x
