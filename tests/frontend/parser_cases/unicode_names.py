ﬁ = 1
ℌ = 2
print(ﬁ, fi, ℌ, H)
éè = "é"
def 函数(参数): return 参数
class Ｋ: pass
x = "日本語" 'ü'
y = f"{éè}日本{ﬁ}"
