x = a **
