#!/usr/bin/env python
# coding: nope-9
x = 1
