from x import * as y
