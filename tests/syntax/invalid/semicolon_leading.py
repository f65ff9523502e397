;a
