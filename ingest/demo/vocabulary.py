"""The default vocabularies (docs/model.md) and the words the demo draws its detail from."""

from __future__ import annotations

from typing import TypedDict

# code -> (Chinese name, English name, department key)
ISSUE_CATEGORIES: dict[str, tuple[str, str, str]] = {
    "property": ("物业管理", "property management", "zjj"),
    "sanitation": ("环境卫生", "sanitation, garbage", "cgj"),
    "municipal": ("市政设施", "roads, street lights, drains", "cgj"),
    "water": ("水利", "canals, river dredging, flooding", "slj"),
    "parking": ("停车", "parking, traffic order", "gaj"),
    "safety": ("治安", "public security", "gaj"),
    "dispute": ("邻里纠纷", "neighbour disputes, mediation", "sfj"),
    "construction": ("违章建筑", "illegal construction", "cgj"),
    "noise": ("噪音", "noise", "sthjj"),
    "elderly": ("养老", "elderly care", "mzj"),
    "assistance": ("民政救助", "social assistance", "mzj"),
    "health": ("医疗卫生", "health", "wjj"),
    "education": ("教育", "schools, childcare", "jyj"),
    "employment": ("就业社保", "jobs, social insurance", "rsj"),
    "market": ("市场监管", "food safety, shops", "scjgj"),
    "petition": ("信访", "petitions", "xfj"),
}
# department key -> name after the district's name
DEPARTMENTS: dict[str, str] = {
    "zjj": "住房和城乡建设局",
    "cgj": "城市管理局",
    "slj": "水利局",
    "gaj": "公安分局",
    "sfj": "司法局",
    "sthjj": "生态环境局",
    "mzj": "民政局",
    "wjj": "卫生健康局",
    "jyj": "教育局",
    "rsj": "人力资源和社会保障局",
    "scjgj": "市场监督管理局",
    "xfj": "信访局",
}


def department_categories(key: str) -> list[str]:
    return [code for code, (_, _, dep) in ISSUE_CATEGORIES.items() if dep == key]


# What residents raise, by category (the demo's issue titles).
ISSUE_TITLES: dict[str, tuple[str, ...]] = {
    "property": ("电梯经常故障停运", "物业费收支不公开", "小区门禁损坏", "楼道灯长期不亮", "消防通道被占用"),
    "sanitation": ("垃圾清运不及时", "垃圾分类点异味大", "背街小巷卫生差", "公厕保洁不到位"),
    "municipal": ("路灯不亮", "下水道堵塞", "人行道砖松动", "井盖破损", "道路坑洼积水"),
    "water": ("雨季内涝积水", "河道淤积需清淤", "水沟堵塞", "自来水压力不足"),
    "parking": ("小区停车位不足", "车辆乱停占道", "电动车充电难", "路口交通秩序乱"),
    "safety": ("监控探头缺失", "夜间治安巡逻不足", "电动车被盗", "出租屋安全隐患"),
    "dispute": ("楼上漏水邻里纠纷", "宠物扰邻", "公共空间占用纠纷", "宅基地边界争议"),
    "construction": ("楼顶违章搭建", "占用绿地私建", "违规改变房屋结构"),
    "noise": ("夜间施工噪音扰民", "广场舞音响过大", "餐饮油烟噪音"),
    "elderly": ("老人就餐不便", "居家养老服务需求", "缺少老年活动场所"),
    "assistance": ("困难家庭申请救助", "残疾人补贴咨询", "临时救助申请"),
    "health": ("社区卫生站人手不足", "慢病随访需求", "家庭医生签约咨询"),
    "education": ("上下学接送拥堵", "托育服务需求", "学区划分咨询"),
    "employment": ("灵活就业社保缴纳", "就业培训需求", "退休手续办理"),
    "market": ("菜市场食品安全", "商铺占道经营", "无证餐饮经营"),
    "petition": ("征迁补偿诉求", "历史遗留产权问题", "拖欠工资投诉", "房屋质量投诉"),
}
# Categories people petition about, and those raised at evening talks, the platform and visits.
PETITION_CATEGORIES = ("petition", "petition", "dispute", "property", "construction", "employment", "market")
EVERYDAY_CATEGORIES = tuple(c for c in ISSUE_CATEGORIES if c != "petition")

# Two-way points: category id -> (name, [(item name, stars) x 5]).
POINTS: dict[str, tuple[str, tuple[tuple[str, int], ...]]] = {
    "theory": (
        "理论宣讲",
        (("参加理论学习", 1), ("开展政策宣讲", 3), ("担任宣讲员", 3), ("撰写宣讲稿", 3), ("组织主题党日", 5)),
    ),
    "safety": (
        "平安创建",
        (("参加治安巡逻", 1), ("排查安全隐患", 3), ("反诈宣传", 1), ("协助消防演练", 3), ("调解矛盾纠纷", 5)),
    ),
    "civility": (
        "文明实践",
        (("文明劝导", 1), ("垃圾分类督导", 1), ("文明交通引导", 3), ("移风易俗宣传", 3), ("创建文明楼栋", 5)),
    ),
    "caring": (
        "爱心帮扶",
        (("探访独居老人", 1), ("结对帮扶困难户", 5), ("爱心捐赠", 3), ("助残服务", 3), ("关爱留守儿童", 3)),
    ),
    "environment": (
        "环境整治",
        (("清扫楼道", 1), ("清理小广告", 1), ("绿化养护", 3), ("河道清洁", 3), ("整治卫生死角", 5)),
    ),
    "neighbour": (
        "邻里互助",
        (("代购代办", 1), ("邻里调解", 3), ("技能服务", 3), ("互助照护", 3), ("组建互助小组", 5)),
    ),
    "deliberation": (
        "议事协商",
        (
            ("参加居民夜谈会", 1),
            ("提出合理化建议", 1),
            ("参加议事会", 3),
            ("参与两议两评", 3),
            ("牵头解决难题", 5),
        ),
    ),
}
BENEFITS = ("商家折扣", "社区补贴", "公共服务", "理发券", "生活用品")

ACTIVITIES: dict[str, tuple[str, ...]] = {
    "health": ("义诊进社区", "健康知识讲座", "免费测血压"),
    "elderly": ("敬老助餐", "陪伴独居老人", "为老人理发"),
    "environment": ("清洁家园行动", "河道清漂", "植树护绿"),
    "civility": ("文明劝导", "垃圾分类宣传", "文明交通引导"),
    "safety": ("反诈宣传", "消防安全排查", "平安巡逻"),
    "education": ("四点半课堂", "暑期托管", "亲子阅读"),
    "culture": ("红色电影进社区", "邻里节", "书法进万家"),
}
PROJECTS = (
    "长者食堂",
    "儿童之家",
    "老旧小区改造",
    "红色物业服务站",
    "邻里中心",
    "电动车充电棚",
    "口袋公园",
    "党群服务驿站",
    "四点半课堂",
    "智慧安防",
    "适老化改造",
    "楼道微更新",
)
PROJECT_CATEGORY = {
    "长者食堂": "elderly",
    "儿童之家": "education",
    "老旧小区改造": "property",
    "红色物业服务站": "property",
    "邻里中心": "civility",
    "电动车充电棚": "safety",
    "口袋公园": "environment",
    "党群服务驿站": "civility",
    "四点半课堂": "education",
    "智慧安防": "safety",
    "适老化改造": "elderly",
    "楼道微更新": "property",
}

GUIDANCE_DOCUMENTS = (
    "红色物业服务标准指引",
    "红色业委会建设工作规范",
    "物业服务企业党建工作指引",
    "小区三方联动议事规则",
)
NOTICES = ("关于开展物业服务质量评议的通知", "关于推进在职党员进社区报到的通知")


class Awards2023(TypedDict):
    company: str  # the one title for property companies
    person: tuple[str, ...]  # individuals get one of these


AWARDS_2023: Awards2023 = {
    "company": "优秀物业服务企业",
    "person": ("党员回家服务之星", "优秀网格员", "优秀楼栋长", "优秀物业服务个人"),
}
AWARDS_2024 = {"unit": "社区共建之星", "person": "党员回家服务之星"}
