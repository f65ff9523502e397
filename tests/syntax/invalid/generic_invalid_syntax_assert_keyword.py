assert if
