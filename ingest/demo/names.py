"""Invented Chinese names: people (no real persons), compounds, companies and co-building units.

People's names are a random surname and one or two given characters. Compound, company and
enterprise names are combinations of common words; agencies carry the real city or district
name with a usual department title, as those agencies exist everywhere.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁"
    "沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯鹏飞鑫波辉建国志文"
    "海东林晓云峰雪梅春丹婷瑶琳欣怡佳颖晨阳思雨嘉泽宏远德荣福昌盛清源水山松柏竹菊莲丰"
)

# City names by the first four digits of a county code (Fujian, from the division codes).
CITIES = {
    "3501": "福州市",
    "3502": "厦门市",
    "3503": "莆田市",
    "3504": "三明市",
    "3505": "泉州市",
    "3506": "漳州市",
    "3507": "南平市",
    "3508": "龙岩市",
    "3509": "宁德市",
}

COMPOUND_WORDS = (
    "龙腾 莲花 紫金 翠园 碧水 华府 锦绣 金山 东方 阳光 世纪 和谐 盛世 恒宝 中城 南苑 北苑 江滨 "
    "溪南 登高 凤凰 丽景 桂园 香樟 榕城 万达 金鸡 红土 龙川 铁山 西陂 曹溪 江山 闽西 九龙 "
    "天瑞 富山 如意 永定 冠豸 梅花 紫荆 兰亭 清华 荷塘 映月 泰和 嘉禾 御景 书香 雅园"
).split()
COMPOUND_SUFFIXES = "花园 小区 新村 家园 公寓 苑 华庭 名城 雅居 广场 山庄 佳园 府 城 宿舍区".split()
COMPANY_WORDS = (
    "红土 龙州 闽西 汀江 冠豸 九龙 紫金 金鸡 永福 安居 宜居 鑫源 恒信 嘉和 万家 邻里 和美 惠民 同心 德润".split()
)
INDUSTRIES = "科技 建设 商贸 食品 机械 环保 新材料 文化传媒 医药 电子 物流 能源 建材 农业 信息技术".split()
SUB = "一二三四五六七八九十"

CITY_AGENCIES = (
    "财政局 教育局 民政局 人力资源和社会保障局 自然资源局 生态环境局 住房和城乡建设局 交通运输局 "
    "水利局 农业农村局 商务局 文化和旅游局 卫生健康委员会 应急管理局 审计局 市场监督管理局 统计局 "
    "医疗保障局 林业局 科学技术局 工业和信息化局 司法局 退役军人事务局 城市管理局 机关事务管理局 "
    "档案馆 总工会 妇女联合会 科学技术协会 工商业联合会 委组织部 委宣传部 委统战部 委政法委 "
    "纪委监委 中级人民法院 人民检察院 委党校 融媒体中心 公积金中心 图书馆"
).split()
# District agencies other than the departments that answer for issue categories (vocabulary.py).
DISTRICT_AGENCIES = (
    "财政局 审计局 统计局 商务局 自然资源局 交通运输局 农业农村局 文化体育和旅游局 应急管理局 "
    "科学技术局 工业和信息化局 退役军人事务局 医疗保障局 机关事务服务中心 档案馆 委组织部 "
    "委宣传部 委统战部 委政法委 纪委监委 总工会 妇女联合会 科学技术协会 工商业联合会 "
    "人民法院 人民检察院 委党校 融媒体中心 发展和改革局 税务局 供销合作社 红十字会"
).split()
CITY_SOES = (
    "城市发展集团有限公司 交通发展集团有限公司 文旅汇金发展集团有限公司 水务发展集团有限公司 "
    "投资发展集团有限公司 公交有限公司 供电公司 燃气有限公司 烟草专卖局 邮政分公司"
).split()
CITY_INSTITUTIONS = (
    "第一医院 第二医院 中医院 妇幼保健院 疾病预防控制中心 不动产登记中心 公共资源交易中心 "
    "政务服务中心 博物馆 体育中心 急救中心 广播电视台 日报社 气象局 消防救援支队 职业技术学院"
).split()
DISTRICT_INSTITUTIONS = (
    "人民医院 中医院 妇幼保健院 疾病预防控制中心 政务服务中心 图书馆 文化馆 消防救援大队 "
    "社会福利中心 城市建设投资有限公司"
).split()
BANKS = ("中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "兴业银行", "农村商业银行")


def person(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def work_phone(rng: random.Random, person: str) -> str:
    """A fictional mobile number (138 0012 5678). Its middle four digits come from the person's id,
    not from `rng`, so the demo draws the same random numbers as when it held masked phones only."""
    prefix = rng.choice(("133", "135", "136", "138", "139", "150", "158", "159", "177", "189"))
    last = f"{rng.randrange(10000):04d}"
    middle = int(hashlib.sha256(person.encode()).hexdigest(), 16) % 10000
    return f"{prefix}{middle:04d}{last}"


class Unique:
    """Hands out names unique within a tier: a repeat gets 二期, 三期, ... appended."""

    def __init__(self, tail: str = "期"):
        self.seen: dict[str, int] = {}
        self.tail = tail

    def __call__(self, name: str) -> str:
        n = self.seen.get(name, 0) + 1
        self.seen[name] = n
        if n == 1:
            return name
        return name + (SUB[n - 1] if n <= len(SUB) else str(n)) + self.tail


def compound(rng: random.Random) -> str:
    return rng.choice(COMPOUND_WORDS) + rng.choice(COMPOUND_SUFFIXES)


def property_company(rng: random.Random, city: str) -> str:
    return f"{city[:-1]}{rng.choice(COMPANY_WORDS)}物业服务有限公司"


def city_of(district_id: str) -> str:
    return CITIES.get(district_id[:4], "福建省")


def unit_names(city: str, district: str, level: str) -> Iterator[tuple[str, str]]:
    """Endless (name, kind) candidates for co-building units of one level, most familiar first."""
    if level == "city":
        for a in CITY_AGENCIES:
            yield city + a, "agency"
        for s in CITY_SOES:
            yield city + s, "soe"
        for b in BANKS:
            yield f"{b}{city[:-1]}分行", "soe"
        for a in CITY_INSTITUTIONS:
            yield city + a, "institution"
        for i in range(1, 10_000):
            k = (i + 1) // 2
            yield (f"{city}第{k}中学" if i % 2 else f"{city}第{k}实验小学"), "institution"
    else:
        for a in DISTRICT_AGENCIES:
            yield district + a, "agency"
        for b in BANKS:
            yield f"{b}{district}支行", "soe"
        for a in DISTRICT_INSTITUTIONS:
            yield district + a, "institution"
        for i in range(1, 10_000):
            k = (i + 1) // 2
            yield (f"{district}第{k}实验小学" if i % 2 else f"{district}第{k}中心幼儿园"), "institution"


def enterprise(rng: random.Random, city: str) -> str:
    return f"{city[:-1]}{rng.choice(COMPANY_WORDS)}{rng.choice(INDUSTRIES)}有限公司"


def fresh(make: Callable[..., str], seen: set[str]) -> str:
    """A name from `make()` not in `seen` (a number is appended after 30 tries), added to `seen`."""
    for _ in range(30):
        name = make()
        if name not in seen:
            seen.add(name)
            return name
    n = 2
    while f"{name}{n}" in seen:
        n += 1
    seen.add(f"{name}{n}")
    return f"{name}{n}"
