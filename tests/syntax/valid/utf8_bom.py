x = "utf-8 with BOM"
